import ScenarioLanguage

/// What one statement run by `ScenarioRunner.run(_:)` printed, and how it ended.
public struct StatementResult: Sendable {
    /// The statement's output (empty for statements that print nothing).
    public var output = ""
    /// Set when the statement was an expectation that failed.
    public var failure: ExpectationFailure?
    /// Set when the statement could not run (an unknown variable, an unsupported command).
    public var error: Diagnostic?
}
