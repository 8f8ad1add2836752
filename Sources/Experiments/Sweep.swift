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
