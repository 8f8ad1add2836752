import SimCore
import ScenarioLanguage
import Report

/// How a scenario is run: what the command line adds to the file.
public struct RunOptions: Sendable {
    /// Overrides the file's `seed` (the run's only source of randomness).
    public var seed: UInt64?
    /// Prefix each statement's output with the virtual time and the statement (`run` mode).
    public var echoStatements = true
    /// Write message deliveries and drops to the trace, not only state changes.
    public var traceMessages = false
    /// How long a docker command may take before the runner gives up on it.
    public var commandTimeout: SimDuration = .seconds(60)
    /// Check Raft's safety properties after every event.
    public var checkSafety = true
    /// The command that reruns this scenario, for failure reports (`swarmsim run FILE`).
    public var rerunCommand: String?
    /// Colour `show cluster` with ANSI escapes. Only for a terminal: scenario files record
    /// plain text, so `swarmsim test` never turns it on.
    public var color = false
    /// Record a `Timeline` of the run (roles, faults, node status, statements) for the HTML
    /// report; `RunReport.timeline` holds it.
    public var recordTimeline = false

    public init() {}
}

/// What a run produced, statement by statement, and how it ended.
public struct RunReport: Sendable {
    public var seed: UInt64
    /// Each executed statement's output, by statement index (statements with no output are
    /// absent).
    public var outputs: [Int: String] = [:]
    /// The first failed expectation, if any: the run stops there.
    public var failure: ExpectationFailure?
    /// A statement that could not run (an unknown variable, an unsupported command): exit 2.
    public var error: Diagnostic?
    /// `measure` results, in order.
    public var measures: [(name: String, value: SimDuration?)] = []
    /// Virtual time at the end of the run.
    public var endTime: SimTime = .zero
    /// Safety violations seen (each is a bug in the simulator).
    public var violations: [String] = []
    /// The run over time, when `RunOptions.recordTimeline` is on (also for a run that stopped
    /// at a failed expectation: it covers what ran).
    public var timeline: Timeline?

    public var exitCode: Int32 { error != nil ? 2 : (failure != nil || !violations.isEmpty) ? 1 : 0 }
}

/// What one statement run by `ScenarioRunner.run(_:)` printed, and how it ended.
public struct StatementResult: Sendable {
    /// The statement's output (empty for statements that print nothing).
    public var output = ""
    /// Set when the statement was an expectation that failed.
    public var failure: ExpectationFailure?
    /// Set when the statement could not run (an unknown variable, an unsupported command).
    public var error: Diagnostic?
}

/// A failed `expect`, with everything needed to understand and reproduce it.
public struct ExpectationFailure: Sendable, Equatable {
    public var location: SourceLocation
    public var statement: String
    public var seen: String
    public var time: SimTime
    public var seed: UInt64
    public var rerun: String

    /// The report printed for a failed expectation.
    public var rendered: String {
        """
        \(location): error: expectation failed: \(statement)
          seen:  \(seen)
          at:    \(time) (virtual time)
          seed:  \(seed)
          rerun: \(rerun)

        """
    }
}
