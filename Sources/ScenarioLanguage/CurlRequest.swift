/// `curl HOST:PORT [x N]`.
public struct CurlRequest: Equatable, Sendable {
    public var target: Target
    public var port: Int
    /// How many requests (1 when `x N` is not given).
    public var count: Int

    public enum Target: Equatable, Sendable {
        /// A declared host, by name.
        case host(String)
        /// An IPv4 address (a host's `ip=` or one the runner assigned).
        case address(IPv4Address)
    }

    public init(target: Target, port: Int, count: Int) {
        self.target = target
        self.port = port
        self.count = count
    }
}
