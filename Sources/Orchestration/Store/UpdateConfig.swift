import SimCore

/// How a new spec (or a rollback) replaces the tasks (swarmkit `api.UpdateConfig`; defaults:
/// parallelism 1, delay 0, failure action pause, monitor 5 s, max failure ratio 0, stop-first).
public struct UpdateConfig: Equatable, Sendable {
    public enum FailureAction: String, Equatable, Sendable {
        case pause, `continue`, rollback
    }

    public enum Order: String, Equatable, Sendable {
        /// Shut the old task down, then start its replacement.
        case stopFirst = "stop-first"
        /// Start the replacement, then shut the old task down once the new one runs.
        case startFirst = "start-first"
    }

    /// Tasks replaced at once; 0 means all at once.
    public var parallelism = 1
    /// Pause after each replaced task, per worker.
    public var delay: SimDuration = .zero
    public var failureAction: FailureAction = .pause
    /// How long after a replacement starts running its failure still counts against the update.
    public var monitor: SimDuration = .seconds(5)
    /// Fraction of replaced tasks that may fail before the failure action is taken.
    public var maxFailureRatio = 0.0
    public var order: Order = .stopFirst

    public init(parallelism: Int = 1, delay: SimDuration = .zero, failureAction: FailureAction = .pause,
                monitor: SimDuration = .seconds(5), maxFailureRatio: Double = 0, order: Order = .stopFirst) {
        self.parallelism = parallelism
        self.delay = delay
        self.failureAction = failureAction
        self.monitor = monitor
        self.maxFailureRatio = maxFailureRatio
        self.order = order
    }
}
