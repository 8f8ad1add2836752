import SimCore

/// The results of a sweep, or of several shards merged: the plan, the seed range, which shards
/// are in, and one result per seed, in seed order.
public struct SweepResults: Sendable, Equatable {
    public var plan: SweepPlan
    public var seeds: SeedRange
    public var shards: Shards
    /// Ascending by seed.
    public var runs: [SeedResult]

    /// Which shards of how many these results hold. A complete set is written as 1 of 1, so a
    /// merge of every shard is the same value as an unsharded sweep.
    public struct Shards: Sendable, Equatable {
        public var count: Int
        /// 1-based, ascending.
        public var included: [Int]
        public var isComplete: Bool { included.count == count }
    }

    public init(plan: SweepPlan, seeds: SeedRange, shards: Shards, runs: [SeedResult]) {
        self.plan = plan
        self.seeds = seeds
        self.runs = runs.sorted { $0.seed < $1.seed }
        self.shards = shards.isComplete ? Shards(count: 1, included: [1]) : shards
    }

    public var passed: Int { runs.count { $0.exitCode == 0 } }
    public var failed: Int { runs.count { $0.exitCode == 1 } }
    public var errors: Int { runs.count { $0.exitCode == 2 } }

    /// 2 if any run erred, else 1 if any failed, else 0.
    public var exitCode: Int32 { runs.map(\.exitCode).max() ?? 0 }

    // MARK: Per expectation

    public struct ExpectationTally: Sendable, Equatable {
        public var passed: [UInt64] = []
        public var failed: [UInt64] = []
        public var notReached: [UInt64] = []
    }

    /// How each run fared on the plan's expectation `e`: a run that stopped at a later statement,
    /// or not at all, passed it (a run stops at its first failed expectation).
    public func tally(_ e: SweepPlan.Item) -> ExpectationTally {
        var t = ExpectationTally()
        for r in runs {
            guard let stop = r.stop else { t.passed.append(r.seed); continue }
            if stop.statement > e.statement { t.passed.append(r.seed) }
            else if stop.statement == e.statement && stop.kind == .failed { t.failed.append(r.seed) }
            else { t.notReached.append(r.seed) }
        }
        return t
    }

    // MARK: Merging

    public struct MergeError: Error, Equatable, Sendable {
        public var message: String
    }

    /// Combines the results of shards of one sweep into one. Every part must be of the same
    /// scenario (same bytes), seed range and shard count, and no shard may appear twice.
    public static func merge(_ parts: [SweepResults]) throws(MergeError) -> SweepResults {
        guard let first = parts.first else { throw MergeError(message: "nothing to merge") }
        var included: [Int] = []
        var runs: [SeedResult] = []
        for p in parts {
            guard p.plan.fingerprint == first.plan.fingerprint, p.plan.expectations == first.plan.expectations,
                  p.plan.measures == first.plan.measures else {
                throw MergeError(message: "the results come from different scenario files (\(first.plan.scenario) and \(p.plan.scenario) differ)")
            }
            guard p.plan.setting == first.plan.setting else {
                throw MergeError(message: "the results are of different settings (\(first.plan.setting ?? "the file's") and \(p.plan.setting ?? "the file's"))")
            }
            guard p.seeds == first.seeds else {
                throw MergeError(message: "the results are of different seed ranges (\(first.seeds) and \(p.seeds))")
            }
            guard p.shards.count == first.shards.count else {
                throw MergeError(message: "the results split the seeds differently (into \(first.shards.count) and \(p.shards.count) shards)")
            }
            for k in p.shards.included {
                if included.contains(k) {
                    throw MergeError(message: p.shards.count == 1 ? "the same seeds appear twice" : "shard \(k)/\(p.shards.count) appears twice")
                }
                included.append(k)
            }
            runs += p.runs
        }
        return SweepResults(plan: first.plan, seeds: first.seeds,
                            shards: Shards(count: first.shards.count, included: included.sorted()), runs: runs)
    }

    /// Merges the parts of sweeps over several settings (`--set`) or scenario files: the parts of
    /// each (file, setting) together, in the order they first appear. Parts of one file path
    /// must still be of the same bytes (`merge` checks).
    public static func mergeBySetting(_ parts: [SweepResults]) throws(MergeError) -> [SweepResults] {
        var order: [(String, String?)] = []
        for p in parts where !order.contains(where: { $0 == (p.plan.scenario, p.plan.setting) }) {
            order.append((p.plan.scenario, p.plan.setting))
        }
        var out: [SweepResults] = []
        for (file, setting) in order {
            out.append(try merge(parts.filter { $0.plan.scenario == file && $0.plan.setting == setting }))
        }
        return out
    }

    /// The documents of a `--json` output: one per setting, each ending with a line `]}`.
    public static func documents(_ bytes: [UInt8]) -> [[UInt8]] {
        var out: [[UInt8]] = [], start = 0, i = 0
        let end: [UInt8] = Array("\n]}".utf8)
        while i + end.count <= bytes.count {
            if bytes[i..<(i + end.count)].elementsEqual(end) {
                var stop = i + end.count
                if stop < bytes.count && bytes[stop] == UInt8(ascii: "\n") { stop += 1 }
                out.append(Array(bytes[start..<stop]))
                start = stop
                i = stop
            } else {
                i += 1
            }
        }
        if bytes[start...].contains(where: { $0 != UInt8(ascii: "\n") && $0 != UInt8(ascii: " ") }) { out.append(Array(bytes[start...])) }
        return out
    }
}
