// MARK: - Hosts

/// One host of a `hosts` statement, with the options the statement gave (nil when not given:
/// the runner picks its defaults).
public struct HostDeclaration: Equatable, Sendable {
    public var name: String
    /// CPUs in billionths, as docker's NanoCPUs (`cpus=1.5` is 1_500_000_000).
    public var nanoCPUs: Int64?
    public var memoryBytes: Int64?
    /// Engine labels, in the order written (`labels=zone=a,ssd=true`).
    public var labels: [Label]
    /// The host's address. With `ip=` on a statement of several hosts, the first host gets
    /// that address and each later host the next one up.
    public var ip: IPv4Address?
    /// Where the host's name (or its range) is written.
    public var location: SourceLocation

    public init(name: String, nanoCPUs: Int64? = nil, memoryBytes: Int64? = nil, labels: [Label] = [],
                ip: IPv4Address? = nil, location: SourceLocation) {
        self.name = name
        self.nanoCPUs = nanoCPUs
        self.memoryBytes = memoryBytes
        self.labels = labels
        self.ip = ip
        self.location = location
    }
}
