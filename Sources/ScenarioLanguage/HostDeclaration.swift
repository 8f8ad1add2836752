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
