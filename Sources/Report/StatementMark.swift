import SimCore

/// A statement of the scenario as it ran: when, what it said, how it ended.
public struct StatementMark: Equatable, Sendable {
    public enum Kind: String, Equatable, Sendable {
        /// `say`.
        case narration
        /// `partition`, `isolate`, `heal`, `crash`, `restart`, `cut`, `link`.
        case fault
        /// A docker command.
        case docker
        /// `expect`, `wait until`, `measure`.
        case check
        /// `show`.
        case show
        /// `wait`, settings and `hosts`.
        case other
    }

    public enum Outcome: Equatable, Sendable {
        case ok
        /// A failed expectation, with what was seen instead.
        case failed(String)
        /// A statement that could not run.
        case error(String)
    }

    public var time: SimTime
    /// When it finished (a docker command or an `expect … within` takes virtual time).
    public var end: SimTime
    public var line: Int
    public var text: String
    public var kind: Kind
    public var output = ""
    public var outcome = Outcome.ok
    /// The `show cluster` picture as the statement ended (empty before there is a swarm).
    public var picture = ""
}
