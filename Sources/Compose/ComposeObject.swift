/// A top-level secret or config.
public struct ComposeObject: Sendable, Equatable {
    public var key: String
    public var name: String?
    public var file: String?
    public var external = false

    public init(key: String) { self.key = key }
}
