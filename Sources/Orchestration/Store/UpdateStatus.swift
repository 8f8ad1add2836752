import SimCore

/// The progress of a rolling update or rollback (swarmkit `api.UpdateStatus`).
public struct UpdateStatus: Equatable, Sendable {
    public enum State: String, Equatable, Sendable {
        case updating
        case paused
        case completed
        case rollbackStarted = "rollback_started"
        case rollbackPaused = "rollback_paused"
        case rollbackCompleted = "rollback_completed"
    }

    public var state: State
    /// swarmkit's words: "update in progress", "update completed", "update paused due to
    /// failure or early termination of task <id>", "manually requested rollback", …
    public var message: String
    public var startedAt: SimTime?
    public var completedAt: SimTime?

    public init(state: State, message: String, startedAt: SimTime? = nil, completedAt: SimTime? = nil) {
        self.state = state
        self.message = message
        self.startedAt = startedAt
        self.completedAt = completedAt
    }

    /// True while a rollback is the update in progress.
    public var isRollback: Bool { state == .rollbackStarted || state == .rollbackPaused || state == .rollbackCompleted }
    /// True when the updater must not touch the service until a new spec arrives.
    public var isPaused: Bool { state == .paused || state == .rollbackPaused }
}
