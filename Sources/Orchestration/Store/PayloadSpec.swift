import SimCore

/// What `docker secret create` and `docker config create` send (swarmkit `SecretSpec` /
/// `ConfigSpec`: annotations and data).
public struct PayloadSpec: Equatable, Sendable {
    public var name: String
    public var labels = Labels()
    public var data: [UInt8]

    public init(name: String, labels: Labels = Labels(), data: [UInt8]) {
        self.name = name; self.labels = labels; self.data = data
    }
}
