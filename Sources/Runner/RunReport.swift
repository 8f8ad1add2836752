import SimCore
import ScenarioLanguage
import Report

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
