import SimCore
import ScenarioLanguage

/// How a scenario is run: what the command line adds to the file.
public struct RunOptions: Sendable {
    /// Overrides the file's `seed` (the run's only source of randomness).
    public var seed: UInt64?
    /// Prefix each statement's output with the virtual time and the statement (`run` mode).
    public var echoStatements = true
    /// With `echoStatements` off, still echo faults (`partition`, `crash`, `heal`, …) with their
    /// time, so that their consequences do not appear without their cause (`run -q`).
    public var echoFaults = false
    /// With `echoStatements` on, also echo `expect` statements (a failed one prints its report
    /// either way). `run --present` turns this off: on a projector they are noise.
    public var echoExpectations = true
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
    /// The lesson's title for the report's headline (`LessonTitle.first(in:)` of the file).
    public var lessonTitle: String?
    /// Where the docker CLI reads files no `file` statement declares (nil: the scenario file's
    /// directory, as the runner was given its path). See `ScenarioFiles`.
    public var fileDirectory: String?
    /// The language of the pictures' labels (`--lang ko`); nil: the scenario's own `lang`
    /// statements decide, English until one does. Given here, it wins over them.
    public var language: Language?

    public init() {}
}
