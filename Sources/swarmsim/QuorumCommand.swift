import SimCore
import ScenarioLanguage
import Experiments

/// `swarmsim quorum`: why managers come in odd numbers, by experiment (the engine is
/// `QuorumExperiment` in the Experiments module).
enum QuorumCommand: Subcommand {
    static let name = "quorum"
    static let options = [
        OptionSpec(name: "--managers", takesValue: true, valueName: "A..B", help: "Manager counts to try (default 1..9; at most 1..15)"),
        OptionSpec(name: "--trials", takesValue: true, valueName: "N", help: "Trials per cell of each experiment (default 60)"),
        OptionSpec(name: "--seed", takesValue: true, valueName: "S", help: "Root seed; each trial's seed derives from it (default 1)"),
        OptionSpec(name: "--mtbf", takesValue: true, valueName: "D", help: "Mean time between a manager's failures, for (c) (default 15m)"),
        OptionSpec(name: "--mttr", takesValue: true, valueName: "D", help: "Mean time to repair a manager, for (c) (default 5m)"),
        OptionSpec(name: "--horizon", takesValue: true, valueName: "D", help: "Virtual time watched per trial of (c) (default 15m)"),
        OptionSpec(name: "--only", takesValue: true, valueName: "LIST", help: "Run only these experiments: crash,split,availability"),
        OptionSpec(name: "--jobs", short: "-j", takesValue: true, valueName: "N", help: "Trials run at once (default: the number of cores)"),
        OptionSpec(name: "--json", takesValue: false, help: "Print the table as JSON"),
    ]
    static var help: String {
        """
        USAGE: swarmsim quorum [options]

        Why should managers come in odd numbers? For each manager count N, the majority and the
        failures tolerated, and by simulation: (a) crash k random managers: is there a leader?
        (b) split the managers in two at random: how often does neither side keep a quorum?
        (c) let managers fail and be repaired at random: how much of the time is there a leader?
        Each simulated value is printed beside its analytic value, with a 95% interval.

        OPTIONS:
        \(optionsHelp(options))
        EXAMPLE:
          swarmsim quorum --managers 3..6 --trials 200

        """
    }

    static func run(_ args: ParsedArguments, io: IO) throws(UsageError) -> Int32 {
        guard args.positionals.isEmpty else {
            throw UsageError(message: "'swarmsim quorum' takes no arguments", hint: "swarmsim quorum --managers 3..5")
        }
        var o = QuorumExperiment.Options()
        if let text = args.value("--managers") { o.managers = try managerRange(text) }
        if let text = args.value("--trials") { o.trials = try count(text, option: "--trials", maximum: 1_000_000) }
        if let text = args.value("--seed") {
            guard let v = UInt64(text) else { throw UsageError(message: "invalid seed '\(text)'", hint: "a whole number from 0 to 18446744073709551615") }
            o.seed = v
        }
        if let text = args.value("--mtbf") { o.mtbf = try duration(text, option: "--mtbf") }
        if let text = args.value("--mttr") { o.mttr = try duration(text, option: "--mttr") }
        if let text = args.value("--horizon") { o.horizon = try duration(text, option: "--horizon") }
        if let text = args.value("--only") {
            var kinds: Set<QuorumExperiment.Kind> = []
            for word in text.split(separator: ",") {
                guard let k = QuorumExperiment.Kind(rawValue: String(word)) else {
                    throw UsageError(message: "unknown experiment '\(word)' in --only",
                                     hint: Suggestions.hint(for: String(word), among: QuorumExperiment.Kind.allCases.map(\.rawValue)) ?? "crash, split or availability")
                }
                kinds.insert(k)
            }
            if kinds.isEmpty { throw UsageError(message: "--only needs at least one experiment", hint: "crash, split or availability") }
            o.experiments = kinds
        }
        let jobs = try args.value("--jobs").map { v throws(UsageError) in try count(v, option: "--jobs", maximum: 1024) } ?? ParallelRuns.defaultJobs
        let table = QuorumExperiment.run(o, jobs: jobs, progress: Progress.reporter(io: io, what: "trials"))
        io.out(args.has("--json") ? table.json : table.text)
        return 0
    }

    static func managerRange(_ text: String) throws(UsageError) -> ClosedRange<Int> {
        let parts = text.split(separator: ".", omittingEmptySubsequences: true)
        let bounds: [Int?]
        if text.contains("..") && parts.count == 2 { bounds = parts.map { Int($0) } }
        else if !text.contains(".") { bounds = [Int(text), Int(text)] }
        else { bounds = [nil] }
        guard bounds.count == 2, let lo = bounds[0], let hi = bounds[1], lo >= 1, lo <= hi, hi <= 15 else {
            throw UsageError(message: "invalid --managers '\(text)'", hint: "a count or a range from 1 to 15, such as 5 or 3..7")
        }
        return lo...hi
    }
}

/// Shared option parsing for the experiment commands.
func count(_ text: String, option: String, maximum: Int) throws(UsageError) -> Int {
    guard let v = Int(text), v >= 1, v <= maximum else {
        throw UsageError(message: "invalid \(option) '\(text)'", hint: "a whole number from 1 to \(maximum)")
    }
    return v
}

func duration(_ text: String, option: String) throws(UsageError) -> SimDuration {
    do {
        let d = try SimDuration(parsing: text)
        guard d > .zero else { throw UsageError(message: "\(option) must be longer than 0", hint: "for example 20m or 1200s") }
        return d
    } catch let e as UsageError {
        throw e
    } catch {
        throw UsageError(message: "invalid \(option) '\(text)'", hint: "a duration such as 20m, 1200s or 1h30m")
    }
}
