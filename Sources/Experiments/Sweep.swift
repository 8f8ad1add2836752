import SimCore
import ScenarioLanguage
import Runner

/// `swarmsim sweep`: one scenario run once per seed, in parallel, summarised as how many runs
/// passed each expectation and the distribution of each `measure`.
///
/// Each run has its own `ScenarioRunner` and `Swarm`; the parsed script is shared read-only.
/// Results are kept by seed and aggregated in seed order, so the report is the same bytes
/// whatever the number of jobs, and whether the seeds ran in one process or in shards merged
/// afterwards (`SweepResults.merge`).
public enum Sweep {
    /// Runs `script` once for each seed of `seeds` that `shard` owns, `jobs` at a time.
    /// `progress(done, total)` is called after each run, one call at a time.
    public static func run(_ script: Script, plan: SweepPlan, seeds: SeedRange, shard: Shard = .whole,
                           jobs: Int, progress: (@Sendable (Int, Int) -> Void)? = nil) -> SweepResults {
        let list = seeds.seeds(in: shard)
        let total = list.count
        var perRun: (@Sendable (Int) -> Void)?
        if let progress { perRun = { done in progress(done, total) } }
        let runs: [SeedResult] = ParallelRuns.map(count: total, jobs: jobs, progress: perRun) { i in
            run(script, plan: plan, seed: list[i])
        }
        return SweepResults(plan: plan, seeds: seeds, shards: SweepResults.Shards(count: shard.count, included: [shard.index]), runs: runs)
    }

    /// One run of the sweep: the scenario with `seed`, reduced to what the report needs.
    public static func run(_ script: Script, plan: SweepPlan, seed: UInt64) -> SeedResult {
        var options = RunOptions()
        options.seed = seed
        options.echoStatements = false
        options.rerunCommand = "swarmsim run \(plan.scenario)"
        let report = ScenarioRunner(script: script, options: options).run()
        var result = SeedResult(seed: seed, exitCode: report.exitCode)
        if let f = report.failure {
            result.stop = .init(kind: .failed, statement: plan.statementIndex(line: f.location.line),
                                message: "at \(f.time): seen: \(f.seen)")
        } else if let e = report.error {
            result.stop = .init(kind: .error, statement: plan.statementIndex(line: e.location.line),
                                message: "\(e.location): error: \(e.message)")
        }
        result.measures = plan.measures.indices.map { i in
            guard i < report.measures.count else { return .notReached }
            return report.measures[i].value.map(MeasureValue.value) ?? .timedOut
        }
        result.violations = report.violations
        return result
    }
}

/// What a sweep reports on, read from the script: its expectations and measures, in order.
public struct SweepPlan: Sendable, Equatable {
    /// The scenario's path as given on the command line.
    public var scenario: String
    /// FNV-1a (64 bits, hex) of the scenario's bytes: merged shards must come from one file.
    public var fingerprint: String
    public var expectations: [Item]
    public var measures: [Item]
    /// The combination of `--set` values these runs used (`raft election-timeout=12ms..24ms`),
    /// or nil for the file as written.
    public var setting: String?
    /// First line of each statement, by statement index (to place a failure).
    var statementLines: [Int]

    public struct Item: Sendable, Equatable {
        /// Index of the statement in the script.
        public var statement: Int
        public var line: Int
        /// `expect …` as written, or the measure's name.
        public var text: String
    }

    public init(script: Script, bytes: [UInt8]) {
        scenario = script.file
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        let hex = String(h, radix: 16)
        fingerprint = String(repeating: "0", count: 16 - hex.count) + hex
        expectations = []
        measures = []
        statementLines = script.statements.map(\.lines.lowerBound)
        for (i, s) in script.statements.enumerated() {
            switch s.statement {
            case .expect: expectations.append(Item(statement: i, line: s.lines.lowerBound, text: s.text))
            case .measure(let name, _, _): measures.append(Item(statement: i, line: s.lines.lowerBound, text: name))
            default: break
            }
        }
    }

    init(scenario: String, fingerprint: String, expectations: [Item], measures: [Item]) {
        self.scenario = scenario
        self.fingerprint = fingerprint
        self.expectations = expectations
        self.measures = measures
        statementLines = []
    }

    /// Plans are equal when they report the same things on the same file (the statement lines
    /// are only a lookup for placing failures, and are not written to JSON).
    public static func == (a: SweepPlan, b: SweepPlan) -> Bool {
        a.scenario == b.scenario && a.fingerprint == b.fingerprint && a.expectations == b.expectations && a.measures == b.measures
            && a.setting == b.setting
    }

    /// The statement whose lines hold `line` (the last that starts at or before it).
    func statementIndex(line: Int) -> Int {
        var found = 0
        for (i, first) in statementLines.enumerated() where first <= line { found = i }
        return found
    }
}

/// One seed's run, as much as the report needs.
public struct SeedResult: Sendable, Equatable {
    public var seed: UInt64
    /// 0 passed, 1 an expectation failed or a safety violation, 2 an error.
    public var exitCode: Int32
    /// Where the run stopped early, if it did.
    public var stop: Stop?
    /// One value per measure of the plan.
    public var measures: [MeasureValue] = []
    /// Safety violations (each a simulator bug).
    public var violations: [String] = []

    public init(seed: UInt64, exitCode: Int32) {
        self.seed = seed
        self.exitCode = exitCode
    }

    public struct Stop: Sendable, Equatable {
        public enum Kind: String, Sendable { case failed, error }
        public var kind: Kind
        /// Index of the statement that failed or could not run.
        public var statement: Int
        /// What was seen instead (a failure) or the error message.
        public var message: String
    }
}

/// A measure's value in one run.
public enum MeasureValue: Sendable, Equatable {
    case value(SimDuration)
    /// The condition did not hold within the measure's timeout.
    case timedOut
    /// The run stopped before the measure.
    case notReached
}
