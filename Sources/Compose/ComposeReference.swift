/// A service's use of a secret or config: `source`, and where it appears in the container.
public struct ComposeReference: Sendable, Equatable {
    public var source: String
    public var target: String?
    public var uid: String?
    public var gid: String?
    /// File mode as written (`0440` is octal, as Go's YAML reads it); parsed when converted.
    public var mode: String?

    public init(source: String, target: String? = nil) {
        self.source = source
        self.target = target
    }
}
