import SimCore
import DockerClient
import Runner

/// One fuzz seed, run: its scenario, how it ended, and the file that reproduces a failure.
public struct FuzzRun: Sendable {
    /// How a seed's run ended. The CLI maps each to an exit code (`exitCode`).
    public enum Outcome: Sendable, Equatable {
        case passed
        /// A safety property broke (Raft's, or the swarm's own: `InvariantChecker`).
        case safety([String])
        /// The liveness phase did not converge: the failed expectation, naming what is pending.
        case liveness(ExpectationFailure)
        /// The runner refused the generated scenario (a bug in the generator).
        case refused(String)

        /// `swarmsim fuzz` exit codes, also used for a whole run (the worst seed's).
        public var exitCode: Int32 {
            switch self {
            case .passed: 0
            case .safety: FuzzRun.safetyExit
            case .liveness: FuzzRun.livenessExit
            case .refused: FuzzRun.refusedExit
            }
        }
    }

    /// Exit codes of `swarmsim fuzz` (2 stays bad usage, as everywhere in the CLI).
    public static let safetyExit: Int32 = 3
    public static let livenessExit: Int32 = 4
    public static let crashExit: Int32 = 5
    public static let refusedExit: Int32 = 6

    public var seed: UInt64
    public var scenario: String
    public var outcome: Outcome
    /// Virtual time at the end of the run.
    public var endTime: SimTime

    /// Generates the scenario for `seed` and runs it with every safety check on.
    public static func run(seed: UInt64, config: FuzzScenario.Config = FuzzScenario.Config(),
                           file: String? = nil) -> FuzzRun {
        let text = FuzzScenario.generate(seed: seed, config: config)
        let name = file ?? "seed-\(seed).swarm"
        let parsed = ScenarioParser.parse(text, file: name)
        if parsed.hasErrors {
            return FuzzRun(seed: seed, scenario: text, outcome: .refused(parsed.renderedDiagnostics), endTime: .zero)
        }
        var options = RunOptions()
        options.echoStatements = false
        options.checkSafety = true
        options.rerunCommand = "swarmsim run \(name)"
        let report = ScenarioRunner(script: parsed.script, options: options).run()
        let outcome: Outcome
        if !report.violations.isEmpty { outcome = .safety(report.violations) }
        else if let error = report.error { outcome = .refused(error.rendered) }
        else if let failure = report.failure { outcome = .liveness(failure) }
        else { outcome = .passed }
        return FuzzRun(seed: seed, scenario: text, outcome: outcome, endTime: report.endTime)
    }

    /// The scenario file that reproduces this run's failure: the generated scenario, cut after
    /// the expectation that failed (so it ends with it), with a header saying what went wrong.
    /// Run it with `swarmsim run FILE`; a safety violation is reported at the end of the run.
    public var reproduction: String {
        var lines = scenario.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var header: [String] = []
        switch outcome {
        case .passed: return scenario
        case .safety(let violations):
            header = ["# Fails: safety violation (swarmsim run reports it at the end, exit 1):"]
                + violations.map { "#   \($0)" }
        case .liveness(let f):
            if f.location.line >= 1 && f.location.line <= lines.count { lines = Array(lines[..<f.location.line]) }
            header = ["# Fails: liveness: \(f.statement)", "#   seen: \(f.seen)"]
        case .refused(let text):
            header = ["# Fails: the runner refused this scenario:"] + text.split(separator: "\n").map { "#   \($0)" }
        }
        // The header goes after the first line (the generator's description), so line numbers
        // in reports shift by the header's length only.
        return ([lines[0]] + header + lines.dropFirst()).joined(separator: "\n") + (lines.last == "" ? "" : "\n")
    }

    /// One line for the terminal: `seed 17: ok`, `seed 17: liveness: …`.
    public var summary: String {
        switch outcome {
        case .passed: "seed \(seed): ok (\(endTime))"
        case .safety(let v): "seed \(seed): SAFETY VIOLATION: \(v.first ?? "")" + (v.count > 1 ? " (and \(v.count - 1) more)" : "")
        case .liveness(let f): "seed \(seed): LIVENESS FAILURE at line \(f.location.line): \(f.statement); seen: \(f.seen)"
        case .refused(let text): "seed \(seed): SCENARIO REFUSED: \(text.split(separator: "\n").first ?? "")"
        }
    }
}
