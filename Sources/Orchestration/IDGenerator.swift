import SimCore

/// IDs and tokens in Swarm's formats, drawn from a seeded stream: node, service, task and
/// cluster IDs, Raft member IDs, join tokens.
public struct IDGenerator: Sendable {
    private var random: SeededRandom

    public init(random: SeededRandom) { self.random = random }

    static let base36 = Array("0123456789abcdefghijklmnopqrstuvwxyz".utf8)

    /// A 128-bit random number in base 36, zero-padded to 25 characters (swarmkit identity.NewID).
    public mutating func newID() -> String { Self.base36(high: random.next(), low: random.next(), width: 25) }

    /// A Raft member ID: a random non-zero 64-bit number.
    public mutating func newRaftID() -> UInt64 {
        while true { let v = random.next(); if v != 0 { return v } }
    }

    /// The digest part of a join token: 50 base-36 characters (the root CA's digest).
    public mutating func newCADigest() -> String {
        Self.base36(high: random.next(), low: random.next(), width: 25)
            + Self.base36(high: random.next(), low: random.next(), width: 25)
    }

    /// `SWMTKN-1-<digest>-<25 base-36 secret>`.
    public mutating func newJoinToken(caDigest: String) -> String {
        "SWMTKN-1-\(caDigest)-\(newID())"
    }

    /// A manager unlock key: `SWMKEY-1-` and 32 random bytes in unpadded base64 (swarmkit
    /// `encryption.HumanReadableKey`).
    public mutating func newUnlockKey() -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        var bits: [UInt8] = []
        for _ in 0..<4 { var v = random.next(); for _ in 0..<8 { bits.append(UInt8(v & 0xFF)); v >>= 8 } }
        var out: [UInt8] = []
        var acc: UInt32 = 0, count = 0
        for b in bits {
            acc = acc << 8 | UInt32(b); count += 8
            while count >= 6 { count -= 6; out.append(alphabet[Int(acc >> UInt32(count) & 63)]) }
        }
        if count > 0 { out.append(alphabet[Int(acc << UInt32(6 - count) & 63)]) }
        return "SWMKEY-1-" + String(decoding: out, as: UTF8.self)
    }

    static func base36(high: UInt64, low: UInt64, width: Int) -> String {
        // Divide the 128-bit number (high, low) by 36 repeatedly.
        var h = high, l = low
        var digits: [UInt8] = []
        while h != 0 || l != 0 {
            let (qh, rh) = h.quotientAndRemainder(dividingBy: 36)
            let (ql, rl) = UInt64(36).dividingFullWidth((rh, l))
            h = qh; l = ql
            digits.append(base36[Int(rl)])
        }
        while digits.count < width { digits.append(base36[0]) }
        return String(decoding: digits.prefix(width).reversed(), as: UTF8.self)
    }
}
