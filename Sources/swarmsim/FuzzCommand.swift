import Foundation
import SimCore
import Fuzzer

/// `swarmsim fuzz`: random swarms under random faults, with every invariant checked, seed by
/// seed. The seeds run in child processes (this same executable, in worker mode), so a seed that
/// traps the simulator is caught, named, and does not stop the others.
enum FuzzCommand: Subcommand {
    static let name = "fuzz"
    static let options = [
        OptionSpec(name: "--seeds", takesValue: true, valueName: "A..B", help: "Seeds to run (default 1..100); one seed: --seeds 17"),
        OptionSpec(name: "--jobs", short: "-j", takesValue: true, valueName: "N", help: "Child processes running seeds at once (default 1)"),
        OptionSpec(name: "--duration", takesValue: true, valueName: "D", help: "Virtual time of faults and workload per seed (default 5m)"),
        OptionSpec(name: "--managers", takesValue: true, valueName: "A..B", help: "Managers per swarm (default 1..9)"),
        OptionSpec(name: "--workers", takesValue: true, valueName: "A..B", help: "Workers per swarm (default 0..50)"),
        OptionSpec(name: "--out", takesValue: true, valueName: "DIR", help: "Where failing seeds' scenarios go (default fuzz-failures)"),
        OptionSpec(name: "--print", takesValue: false, help: "Print the scenario of each seed instead of running it"),
        OptionSpec(name: "--verbose", short: "-v", takesValue: false, help: "Print a line for every seed, not only failures"),
        // Worker mode (what the parent runs): seeds from a file, progress to a log.
        OptionSpec(name: "--worker", takesValue: true, valueName: "LOG", help: "(internal) run the seeds in this process, logging to LOG"),
    ]
    static var help: String {
        """
        USAGE: swarmsim fuzz [--seeds A..B] [--jobs N] [--duration D] [--out DIR] [options]

        For each seed, generates a scenario: a random swarm (1-9 managers, 0-50 workers), a
        random fault schedule (crash and restart, partitions, isolation, one-way cuts, loss,
        duplication, latency spikes) and a random workload (service create, scale, update, rm;
        node drain, pause, promote, demote; swarm leave and join), for the given virtual time.
        It runs the scenario with every safety check after every event (Raft's invariants,
        stores that agree, tasks that refer to what exists, one running task per slot, no
        scheduling without a leader). Then faults stop and the swarm must converge within
        bounded virtual time: a leader, every service's tasks running, and the routing mesh
        answering from every node.

        A failing seed is printed, and its scenario is written to DIR/seed-N.swarm: run it with
        'swarmsim run DIR/seed-N.swarm' to see the failure again, or keep it under
        Scenarios/regressions/ once fixed.

        OPTIONS:
        \(optionsHelp(options.filter { $0.name != "--worker" }))
        EXIT CODES:
          0  every seed passed
          2  bad usage
          3  a safety violation (a bug: an invariant broke)
          4  a liveness failure (the swarm did not converge once faults stopped)
          5  a crash (a child process died of a signal: a trap in the simulator)
          6  the runner refused a generated scenario (a bug in the generator)
          When seeds fail in different ways, the highest code wins.

        EXAMPLES:
          swarmsim fuzz --seeds 1..200 --jobs 2
          swarmsim fuzz --seeds 4242 --print > seed.swarm

        """
    }

    static func run(_ args: ParsedArguments, io: IO) throws(UsageError) -> Int32 {
        guard args.positionals.isEmpty else {
            throw UsageError(message: "'swarmsim fuzz' takes no arguments", hint: "swarmsim fuzz --seeds 1..100")
        }
        let seeds = try range(args.value("--seeds") ?? "1..100", option: "--seeds")
        guard seeds.upperBound - seeds.lowerBound < 1_000_000_000 else {
            throw UsageError(message: "too many seeds in '\(args.value("--seeds") ?? "")'", hint: "at most a billion per run; shard bigger ranges")
        }
        let config = try configuration(args)
        let out = args.value("--out") ?? "fuzz-failures"
        if args.has("--print") {
            for seed in seeds { io.out(FuzzScenario.generate(seed: seed, config: config)) }
            return 0
        }
        if let log = args.value("--worker") {
            return worker(seeds: seeds, config: config, out: out, log: log, verbose: args.has("--verbose"), io: io)
        }
        let jobs = Int(args.value("--jobs") ?? "1") ?? 0
        guard (1...256).contains(jobs) else { throw UsageError(message: "invalid --jobs '\(args.value("--jobs") ?? "")'", hint: "a whole number from 1 to 256") }
        return FuzzParent(seeds: seeds, jobs: jobs, forwarded: forwardedOptions(args), out: out, io: io).run()
    }

    /// The generator's configuration from the options (already checked when the parent read them).
    static func config(_ forwarded: [String]) -> FuzzScenario.Config {
        (try? parseArguments(forwarded, options: options, command: "swarmsim fuzz")).flatMap { try? configuration($0) } ?? FuzzScenario.Config()
    }

    static func configuration(_ args: ParsedArguments) throws(UsageError) -> FuzzScenario.Config {
        var config = FuzzScenario.Config()
        if let d = args.value("--duration") {
            guard let v = try? SimDuration(parsing: d), v > .zero else {
                throw UsageError(message: "invalid duration '\(d)' for --duration", hint: "for example: --duration 5m")
            }
            config.duration = v
        }
        if let m = args.value("--managers") {
            let r = try range(m, option: "--managers")
            guard r.lowerBound >= 1, r.upperBound <= 9 else { throw UsageError(message: "--managers must lie within 1..9") }
            config.managers = Int(r.lowerBound)...Int(r.upperBound)
        }
        if let w = args.value("--workers") {
            let r = try range(w, option: "--workers")
            guard r.upperBound <= 200 else { throw UsageError(message: "--workers must lie within 0..200") }
            config.workers = Int(r.lowerBound)...Int(r.upperBound)
        }
        return config
    }

    /// Options the parent passes on to its children unchanged.
    static func forwardedOptions(_ args: ParsedArguments) -> [String] {
        var result: [String] = []
        for name in ["--duration", "--managers", "--workers", "--out"] {
            if let v = args.value(name) { result += [name, v] }
        }
        if args.has("--verbose") { result.append("--verbose") }
        return result
    }

    /// `A..B` or `A` as a range of whole numbers.
    static func range(_ text: String, option: String) throws(UsageError) -> ClosedRange<UInt64> {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        let bounds: (UInt64?, UInt64?)
        if parts.count == 1 { bounds = (UInt64(text), UInt64(text)) }
        else if parts.count == 3 && parts[1].isEmpty { bounds = (UInt64(parts[0]), UInt64(parts[2])) }
        else { bounds = (nil, nil) }
        guard let a = bounds.0, let b = bounds.1, a <= b else {
            throw UsageError(message: "invalid range '\(text)' for \(option)", hint: "write A..B with A <= B, or one number")
        }
        return a...b
    }

    // MARK: Worker mode

    /// Runs `seeds` in this process. Before each seed it appends `start N` to `log`, after it
    /// `done N CODE`, so a parent that sees this process die of a signal knows which seed did it.
    static func worker(seeds: ClosedRange<UInt64>, config: FuzzScenario.Config, out: String, log: String,
                       verbose: Bool, io: IO) -> Int32 {
        guard let handle = FuzzLog(path: log) else {
            io.err("error: cannot write \(log)\n")
            return 2
        }
        var worst: Int32 = 0
        for seed in seeds {
            handle.append("start \(seed)\n")
            let run = FuzzRun.run(seed: seed, config: config, file: "\(out)/seed-\(seed).swarm")
            let code = run.outcome.exitCode
            if code != 0 {
                try? FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
                try? io.writeFile("\(out)/seed-\(seed).swarm", Array(run.reproduction.utf8))
                io.out(run.summary + "\n  scenario: \(out)/seed-\(seed).swarm\n")
            } else if verbose {
                io.out(run.summary + "\n")
            }
            handle.append("done \(seed) \(code)\n")
            worst = max(worst, code)
        }
        return worst
    }
}
