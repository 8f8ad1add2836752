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

/// One share of a sweep's seeds, `K/N` (1 ≤ K ≤ N), for a batch engine to run apart.
///
/// Shard K of N owns the seeds at offsets K−1, K−1+N, K−1+2N, … from the first seed: a
/// deterministic split that gives every shard nearly the same number of seeds, and neighbouring
/// seeds to different shards (so a slow stretch of seeds does not land on one machine).
/// `--shard 1/4` … `--shard 4/4` together cover every seed exactly once.
public struct Shard: Sendable, Equatable, CustomStringConvertible {
    public var index: Int
    public var count: Int

    public static let maxCount = 100_000
    /// The whole sweep: one shard of one.
    public static let whole = Shard(index: 1, count: 1)

    public init(index: Int, count: Int) {
        precondition(count >= 1 && (1...count).contains(index), "Shard: index outside 1...count")
        self.index = index
        self.count = count
    }

    /// `2/4`; nil unless 1 ≤ K ≤ N ≤ `maxCount`.
    public init?(parsing text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]),
              n >= 1, n <= Self.maxCount, k >= 1, k <= n else { return nil }
        self.init(index: k, count: n)
    }

    public var description: String { "\(index)/\(count)" }
}
