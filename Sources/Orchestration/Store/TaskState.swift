import SimCore

/// Where a task is in its life, as swarmkit's `api.TaskState` (api/types.proto), in swarmkit's
/// order: `new < pending < assigned < accepted < preparing < ready < starting < running <
/// complete < shutdown < failed < rejected < remove < orphaned`.
///
/// The same type serves as a task's observed state (`TaskStatus.state`, reported by the
/// manager's allocator and scheduler, then by the agent) and as its desired state (set by the
/// orchestrators: `ready`, `running`, `shutdown`, `remove`). Comparisons follow swarmkit's
/// numeric values, so `state > .running` means "stopped, one way or another".
public enum TaskState: Int, Comparable, CaseIterable, Sendable, CustomStringConvertible {
    case new = 0
    case pending = 64
    case assigned = 192
    case accepted = 256
    case preparing = 320
    case ready = 384
    case starting = 448
    case running = 512
    case complete = 576
    case shutdown = 640
    case failed = 704
    case rejected = 768
    /// Desired state only: the task's slot is gone (scale down, service removed); the task
    /// reaper deletes it once it has stopped.
    case remove = 800
    /// The task ran on a node that has been down for 24 hours; nobody knows what became of it.
    case orphaned = 832

    public static func < (a: TaskState, b: TaskState) -> Bool { a.rawValue < b.rawValue }

    /// The lowercase name, as the Engine API and `docker inspect` print it (`running`).
    public var name: String {
        switch self {
        case .new: "new"
        case .pending: "pending"
        case .assigned: "assigned"
        case .accepted: "accepted"
        case .preparing: "preparing"
        case .ready: "ready"
        case .starting: "starting"
        case .running: "running"
        case .complete: "complete"
        case .shutdown: "shutdown"
        case .failed: "failed"
        case .rejected: "rejected"
        case .remove: "remove"
        case .orphaned: "orphaned"
        }
    }

    /// As `docker service ps` prints it: the name capitalised (docker/cli `formatter.PrettyPrint`),
    /// `Running`, `Shutdown`, `Complete`.
    public var display: String { name.prefix(1).uppercased() + name.dropFirst() }

    public var description: String { name }

    // MARK: Rules of the state machine

    /// True for the states a task never leaves: it has stopped (`complete`, `shutdown`,
    /// `failed`, `rejected`) or is lost (`orphaned`).
    public var isTerminal: Bool { self > .running }

    /// Whether a task whose observed state is `self` may next report `next`.
    ///
    /// Observed state only moves forward (swarmkit agent/exec `Do` never goes back, and the
    /// dispatcher drops stale updates): any state up to `running` may move to a later one;
    /// a terminal state is final. `remove` is never an observed state.
    public func canMove(to next: TaskState) -> Bool {
        next != .remove && self <= .running && next > self
    }

    /// The states an agent walks a task through once it is assigned to its node, each with
    /// the status message swarmkit's agent reports (agent/exec/controller.go `Do`).
    public static let agentSteps: [(state: TaskState, message: String)] = [
        (.accepted, "accepted"),
        (.preparing, "preparing"),
        (.ready, "prepared"),
        (.starting, "starting"),
        (.running, "started"),
    ]

    /// The next step an agent takes for a task observed in `self` with desired state
    /// `desired`, or nil when it has nothing to do (swarmkit exec `Do`):
    /// - a desired state past `running` (`shutdown`, `remove`) stops the task: `shutdown`
    ///   ("shutdown"), unless it has already stopped;
    /// - otherwise the task advances one step along `agentSteps` while its state is below the
    ///   desired state — except that `preparing` and `starting` always complete (a task
    ///   prepared while desired `ready` reaches `ready` and waits there until its desired
    ///   state becomes `running`).
    /// A task that is not yet assigned (`new`, `pending`) is not the agent's business.
    public func agentNextStep(desired: TaskState) -> (state: TaskState, message: String)? {
        if isTerminal || self < .assigned { return nil }
        if desired > .running && desired != .complete { return (.shutdown, "shutdown") }
        switch self {
        case .preparing: return (.ready, "prepared")
        case .starting: return (.running, "started")
        case .running: return nil
        default: break
        }
        guard self < desired else { return nil }
        switch self {
        case .assigned: return (.accepted, "accepted")
        case .accepted: return (.preparing, "preparing")
        case .ready: return (.starting, "starting")
        default: return nil
        }
    }
}
