/// A published port, from the short (`8080:80/udp`) or the long syntax.
public struct ComposePort: Sendable, Equatable {
    public var target: Int
    public var published: Int?
    public var `protocol`: String = "tcp"
    public var mode: String = "ingress"

    public init(target: Int, published: Int?, protocol: String = "tcp", mode: String = "ingress") {
        self.target = target
        self.published = published
        self.protocol = `protocol`
        self.mode = mode
    }
}
