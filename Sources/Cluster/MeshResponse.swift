import SimCore

/// One request's fate, as a client sees it.
public struct MeshResponse: Sendable, Equatable {
    public enum Outcome: Sendable, Equatable {
        /// A task answered.
        case answered(task: String, node: String)
        /// Nothing listens on the port there: `Connection refused`.
        case refused
        /// No answer before the client gave up.
        case timedOut
    }
    public var outcome: Outcome
    /// The task the entry node chose, when it chose one.
    public var chosenTask: String?
    public var chosenNode: String?
    public var elapsed: SimDuration
}
