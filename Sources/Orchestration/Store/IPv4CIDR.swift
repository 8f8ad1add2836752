/// An IPv4 address with a prefix length: `10.0.1.3/24` (an interface address in its subnet) or
/// `10.0.1.0/24` (the subnet itself, when `address == network`). Swarmkit keeps both as CIDR
/// strings (`api.IPAMConfig.Subnet`, `NetworkAttachment.Addresses`, `Endpoint_VirtualIP.Addr`).
public struct IPv4CIDR: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The address, most significant octet first.
    public var address: UInt32
    /// 0…32.
    public var prefixLength: Int

    public init(address: UInt32, prefixLength: Int) {
        precondition((0...32).contains(prefixLength), "IPv4CIDR: prefix length \(prefixLength) out of 0...32")
        self.address = address
        self.prefixLength = prefixLength
    }

    public init(_ a: UInt8, _ b: UInt8, _ c: UInt8, _ d: UInt8, prefixLength: Int) {
        self.init(address: UInt32(a) << 24 | UInt32(b) << 16 | UInt32(c) << 8 | UInt32(d), prefixLength: prefixLength)
    }

    /// Parses `a.b.c.d/n` (n in 0…32); nil for anything else.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let address = Self.parseAddress(parts[0]),
              (1...2).contains(parts[1].count), parts[1].allSatisfy({ $0.isASCII && $0.isNumber }),
              let n = Int(parts[1]), n <= 32 else { return nil }
        self.init(address: address, prefixLength: n)
    }

    /// A dotted quad (`10.0.1.3`): four decimal numbers 0…255.
    public static func parseAddress(_ text: Substring) -> UInt32? {
        let fields = text.split(separator: ".", omittingEmptySubsequences: false)
        guard fields.count == 4 else { return nil }
        var value: UInt32 = 0
        for f in fields {
            guard (1...3).contains(f.count), f.allSatisfy({ $0.isASCII && $0.isNumber }),
                  let n = UInt32(f), n <= 255 else { return nil }
            value = value << 8 | n
        }
        return value
    }

    public static func format(_ address: UInt32) -> String {
        "\(address >> 24).\(address >> 16 & 0xFF).\(address >> 8 & 0xFF).\(address & 0xFF)"
    }

    // MARK: Parts

    /// The netmask's bits.
    public var mask: UInt32 { prefixLength == 0 ? 0 : UInt32.max << UInt32(32 - prefixLength) }
    /// The subnet this address lies in (`10.0.1.0/24` for `10.0.1.3/24`).
    public var network: IPv4CIDR { IPv4CIDR(address: address & mask, prefixLength: prefixLength) }
    /// Whether this is a subnet written properly: no host bits set.
    public var isNetwork: Bool { address & ~mask == 0 }
    /// Addresses in the subnet, network and broadcast addresses included.
    public var size: UInt64 { 1 << UInt64(32 - prefixLength) }
    /// The address alone: `10.0.1.3`.
    public var addressText: String { Self.format(address) }
    /// `10.0.1.3/24`.
    public var description: String { "\(addressText)/\(prefixLength)" }

    /// The address at `offset` in this subnet, with this prefix length (`10.0.1.0/24` at 3 is
    /// `10.0.1.3/24`).
    public func host(_ offset: UInt32) -> IPv4CIDR {
        IPv4CIDR(address: (address & mask) &+ offset, prefixLength: prefixLength)
    }

    /// The offset of `address` in this subnet.
    public func offset(of other: IPv4CIDR) -> UInt32 { other.address & ~mask }

    public func contains(_ other: UInt32) -> Bool { other & mask == address & mask }

    /// Whether two subnets share any address.
    public func overlaps(_ other: IPv4CIDR) -> Bool {
        let shorter = Swift.min(prefixLength, other.prefixLength)
        let m: UInt32 = shorter == 0 ? 0 : UInt32.max << UInt32(32 - shorter)
        return address & m == other.address & m
    }

    public static func < (a: IPv4CIDR, b: IPv4CIDR) -> Bool {
        (a.address, a.prefixLength) < (b.address, b.prefixLength)
    }
}
