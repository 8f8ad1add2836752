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
