/// The seeds of a sweep: `first...last`, written `A..B` (or one seed, `A`).
public struct SeedRange: Sendable, Equatable, CustomStringConvertible {
    public var first: UInt64
    public var last: UInt64

    /// The most seeds one sweep takes (its results are held in memory).
    public static let maxCount: UInt64 = 10_000_000

    public init(first: UInt64, last: UInt64) {
        precondition(first <= last, "SeedRange: first seed after last")
        self.first = first
        self.last = last
    }

    /// `1..1000` or `42`; nil when the text is neither, or the range is backwards or too big.
    public init?(parsing text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        if parts.count == 1, let v = UInt64(text) { self.init(first: v, last: v); return }
        guard parts.count == 3, parts[1].isEmpty, let a = UInt64(parts[0]), let b = UInt64(parts[2]),
              a <= b, b - a < Self.maxCount else { return nil }
        self.init(first: a, last: b)
    }

    public var count: Int { Int(last - first) + 1 }
    public var description: String { first == last ? "\(first)" : "\(first)..\(last)" }

    /// The seeds that `shard` owns, in order.
    public func seeds(in shard: Shard) -> [UInt64] {
        var seeds: [UInt64] = []
        seeds.reserveCapacity(count / shard.count + 1)
        var offset = UInt64(shard.index - 1)
        while offset <= last - first {
            seeds.append(first + offset)
            let (next, overflow) = offset.addingReportingOverflow(UInt64(shard.count))
            if overflow { break }
            offset = next
        }
        return seeds
    }
}
