import SimCore

/// When and how fast a stopped task is replaced (swarmkit `api.RestartPolicy`; defaults from
/// `defaults.Service`: condition any, delay 5 s, unlimited attempts, no window).
public struct RestartPolicy: Equatable, Sendable {
    public enum Condition: String, Equatable, Sendable {
        /// Never replace.
        case none
        /// Replace a task that did not complete successfully.
        case onFailure = "on-failure"
        /// Replace whenever a task stops.
        case any
    }

    public var condition: Condition = .any
    /// Time between a task stopping and its replacement starting.
    public var delay: SimDuration = .seconds(5)
    /// Restarts allowed (within `window` if set); 0 means unlimited.
    public var maxAttempts = 0
    /// The look-back window for `maxAttempts`; zero means "ever" (for this spec version).
    public var window: SimDuration = .zero

    public init(condition: Condition = .any, delay: SimDuration = .seconds(5), maxAttempts: Int = 0,
                window: SimDuration = .zero) {
        self.condition = condition
        self.delay = delay
        self.maxAttempts = maxAttempts
        self.window = window
    }
}
