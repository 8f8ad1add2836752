import SimCore

// MARK: - Statement

/// One statement of a scenario, as the runner executes it. Statements run in file order at
/// the current virtual time; see docs/scenarios.md for each form.
public enum Statement: Equatable, Sendable {
    /// `seed 42`, `network latency 1ms..5ms`, `raft prevote on`, …
    case setting(Setting)
    /// `hosts m1..m3 w1..w5 cpus=4 memory=8GiB`: the hosts one statement declares, in order.
    case hosts([HostDeclaration])
    /// `m1$ docker service create …`: a docker command run on a declared host.
    case docker(host: String, invocation: DockerInvocation)
    /// `wait 10s`.
    case wait(SimDuration)
    /// `wait until leader timeout 30s`.
    case waitUntil(Condition, timeout: SimDuration?)
    /// `partition m1 m2 | m3 w1`: two or more groups that hear only each other. The first
    /// group already includes every declared host that the statement does not list.
    case partition([[String]])
    /// `isolate m1 m2`: each listed host is cut off from every other host.
    case isolate([String])
    /// `heal`: remove every partition, isolation and cut.
    case heal
    /// `crash m1 w2`: the hosts stop (engine, Raft state in memory, tasks).
    case crash([String])
    /// `restart m1`: crashed hosts start again.
    case restart([String])
    /// `cut m1 -> m2`: one-way loss; m2 stops hearing m1.
    case cut(from: String, to: String)
    /// `link m1 m2 latency=200ms loss=10%`, `link m1 -> m2 …`, `link m1 m2 reset`.
    case link(LinkChange)
    /// `say "text"`: narration. The words may hold variables; the runner joins them with
    /// single spaces after expanding them.
    case say([Word])
    /// `show cluster`.
    case show(ShowTarget)
    /// `curl w3:8080 x 6`: requests through the routing mesh.
    case curl(CurlRequest)
    /// `expect leader in m2,m3 within 30s`.
    case expect(Condition, within: SimDuration?)
    /// `measure failover until leader timeout 60s`: record how long the condition takes.
    case measure(name: String, until: Condition, timeout: SimDuration?)
}

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

/// A `key=value` label; `value` is empty when only `key` was written.
public struct Label: Equatable, Sendable, CustomStringConvertible {
    public var key: String
    public var value: String

    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }

    public var description: String { value.isEmpty ? key : "\(key)=\(value)" }
}

/// An IPv4 address, as a 32-bit number (big-endian order of the dotted quad).
public struct IPv4Address: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var value: UInt32

    public init(_ value: UInt32) { self.value = value }

    public init(_ a: UInt8, _ b: UInt8, _ c: UInt8, _ d: UInt8) {
        value = UInt32(a) << 24 | UInt32(b) << 16 | UInt32(c) << 8 | UInt32(d)
    }

    /// Parses a dotted quad (`192.168.0.10`): four decimal numbers 0…255, no signs or spaces.
    public init?(_ text: String) {
        let fields = text.split(separator: ".", omittingEmptySubsequences: false)
        guard fields.count == 4 else { return nil }
        var v: UInt32 = 0
        for f in fields {
            guard (1...3).contains(f.count), f.allSatisfy({ $0.isASCII && $0.isNumber }),
                  let n = UInt32(f), n <= 255 else { return nil }
            v = v << 8 | n
        }
        value = v
    }

    public static func < (a: IPv4Address, b: IPv4Address) -> Bool { a.value < b.value }

    public var description: String {
        "\(value >> 24).\(value >> 16 & 0xFF).\(value >> 8 & 0xFF).\(value & 0xFF)"
    }
}

// MARK: - Links

/// A change to the link between two hosts.
public struct LinkChange: Equatable, Sendable {
    public var from: String
    public var to: String
    /// True for `link a b …` (both directions), false for `link a -> b …` (a to b only).
    public var bothDirections: Bool
    public var action: Action

    public enum Action: Equatable, Sendable {
        /// Set the given properties; those not given keep their current value.
        case set(LinkProperties)
        /// `reset`: back to the network-wide defaults.
        case reset
    }

    public init(from: String, to: String, bothDirections: Bool, action: Action) {
        self.from = from
        self.to = to
        self.bothDirections = bothDirections
        self.action = action
    }
}

/// `latency=… loss=… duplication=…` on a link; nil when not given.
public struct LinkProperties: Equatable, Sendable {
    public var latency: LatencySpec?
    /// Probability in [0, 1].
    public var loss: Double?
    /// Probability in [0, 1].
    public var duplication: Double?

    public init(latency: LatencySpec? = nil, loss: Double? = nil, duplication: Double? = nil) {
        self.latency = latency
        self.loss = loss
        self.duplication = duplication
    }
}

// MARK: - Narration and traffic

/// What `show` shows.
public enum ShowTarget: String, CaseIterable, Equatable, Sendable {
    /// `show cluster`: who is leader, partitions, tasks per node.
    case cluster
}

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
