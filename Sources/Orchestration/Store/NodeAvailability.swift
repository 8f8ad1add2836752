import SimCore

/// Whether the scheduler may use a node (`docker node update --availability`).
public enum NodeAvailability: String, Sendable, Equatable {
    /// Schedulable.
    case active
    /// No new tasks; existing tasks keep running.
    case pause
    /// No new tasks; existing tasks are shut down and rescheduled elsewhere.
    case drain

    /// As `docker node ls` prints it.
    public var display: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
}
