import SimCore
import ScenarioLanguage
import DockerClient
import Experiments

/// `swarmsim sweep FILE --seeds A..B`: the scenario once per seed, on every core (the engine is
/// `Sweep` in the Experiments module).
enum SweepCommand: Subcommand {
    static let name = "sweep"
    static let options = [
        OptionSpec(name: "--seeds", takesValue: true, valueName: "A..B", help: "The seeds to run, e.g. 1..1000 (required)"),
        OptionSpec(name: "--jobs", short: "-j", takesValue: true, valueName: "N", help: "Runs at once (default: the number of cores)"),
        OptionSpec(name: "--shard", takesValue: true, valueName: "K/N", help: "Run only shard K of N (seeds at offsets K-1, K-1+N, …)"),
        OptionSpec(name: "--json", takesValue: false, help: "Print machine-readable results for 'swarmsim merge'"),
        OptionSpec(name: "--set", takesValue: true, valueName: "'KEY=V1,V2'", help: "Also vary a setting the file has (repeat for a grid)"),
        OptionSpec(name: "--plot", takesValue: true, valueName: "FILE.svg", help: "Write the CDF of each measure, a curve per setting, as SVG"),
        OptionSpec(name: "--plot-log", takesValue: false, help: "With --plot: a logarithmic time axis"),
    ]
    static var help: String {
        """
        USAGE: swarmsim sweep FILE --seeds A..B [options]

        Runs the scenario in FILE once per seed, in parallel, and reports how many runs passed
        each expectation (with the first failing seeds) and, for each 'measure', percentiles
        (min, p50, p90, p99, max, mean) and a histogram. The report depends only on the file and
        the seeds: the same with any --jobs, and when shards are run apart and merged.
        With --set, the seeds run once for each value of the setting (each combination, for
        several --set), the value replacing the file's own, and there is one report each.
        Exits 0 when every run passed, 1 when one failed, 2 when one could not run.

        OPTIONS:
        \(optionsHelp(options))
        EXAMPLES:
          swarmsim sweep Scenarios/experiments/election-timing.swarm --seeds 1..1000
          swarmsim sweep FILE --seeds 1..1000 --shard 2/4 --json > shard-2.json
          swarmsim merge shard-*.json
          swarmsim sweep FILE --seeds 1..1000 --set 'raft election-timeout=12ms..24ms,25ms..50ms'

        """
    }

    static func run(_ args: ParsedArguments, io: IO) throws(UsageError) -> Int32 {
        guard args.positionals.count == 1, let path = args.positionals.first else {
            throw UsageError(message: args.positionals.isEmpty ? "missing scenario file" : "'swarmsim sweep' takes one scenario file",
                             hint: "swarmsim sweep Scenarios/experiments/election-timing.swarm --seeds 1..100")
        }
        guard let seedsText = args.value("--seeds") else {
            throw UsageError(message: "missing --seeds", hint: "say which seeds to run, e.g. --seeds 1..1000")
        }
        guard let seeds = SeedRange(parsing: seedsText) else {
            throw UsageError(message: "invalid --seeds '\(seedsText)'",
                             hint: "a seed or a range A..B with A ≤ B and at most \(SeedRange.maxCount) seeds, e.g. 1..1000")
        }
        var shard = Shard.whole
        if let text = args.value("--shard") {
            guard let s = Shard(parsing: text) else {
                throw UsageError(message: "invalid --shard '\(text)'", hint: "K/N with 1 ≤ K ≤ N, e.g. --shard 2/4")
            }
            shard = s
        }
        let jobs = try args.value("--jobs").map { v throws(UsageError) in try count(v, option: "--jobs", maximum: 1024) } ?? ParallelRuns.defaultJobs
        let bytes = try CLI.read(path, io: io)
        let parsed = ScenarioParser.parse(bytes: bytes, file: path)
        if parsed.hasErrors {
            io.err(parsed.renderedDiagnostics + "\n")
            return 2
        }
        let variants = try variants(of: parsed.script, args)
        var all: [SweepResults] = []
        for (label, script) in variants {
            var plan = SweepPlan(script: parsed.script, bytes: bytes)
            plan.setting = label
            all.append(Sweep.run(script, plan: plan, seeds: seeds, shard: shard, jobs: jobs,
                                 progress: Progress.reporter(io: io, what: "runs")))
        }
        return try output(all, args, io: io)
    }

    /// The script once per `--set` combination (labelled), or as written (label nil).
    static func variants(of script: Script, _ args: ParsedArguments) throws(UsageError) -> [(String?, Script)] {
        let specs = args.values.filter { $0.0 == "--set" }.map(\.1)
        guard !specs.isEmpty else { return [(nil, script)] }
        do throws(SweepSettings.ParseError) {
            let settings = try SweepSettings(parsing: specs)
            var out: [(String?, Script)] = []
            for c in settings.combinations { out.append((c.label, try SweepSettings.apply(c.settings, to: script))) }
            return out
        } catch {
            throw UsageError(message: error.message, hint: "for example: --set 'raft election-timeout=12ms..24ms,25ms..50ms'")
        }
    }

    /// Prints reports (or JSON documents), one per setting, and returns the worst exit code.
    static func output(_ all: [SweepResults], _ args: ParsedArguments, io: IO) throws(UsageError) -> Int32 {
        if let path = args.value("--plot") {
            let svg = SweepPlot(results: all, logScale: args.has("--plot-log")).svg
            do { try io.writeFile(path, Array(svg.utf8)) } catch { throw UsageError(message: "cannot write \(path)") }
        }
        io.out(all.map { args.has("--json") ? $0.json : $0.report }.joined(separator: args.has("--json") ? "" : "\n"))
        return all.map(\.exitCode).max() ?? 0
    }
}
