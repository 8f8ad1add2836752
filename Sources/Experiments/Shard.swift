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
