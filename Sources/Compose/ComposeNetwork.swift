/// A top-level network.
public struct ComposeNetwork: Sendable, Equatable {
    public var key: String
    public var name: String?
    public var driver: String?
    public var attachable = false
    public var external = false
    public var subnets: [String] = []

    public init(key: String) { self.key = key }
}
