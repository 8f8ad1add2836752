import SimCore

/// What was last observed of a task (swarmkit `api.TaskStatus`).
public struct TaskStatus: Equatable, Sendable {
    public var state: TaskState
    /// When the state was reached; `service ps` prints "Running 8 seconds ago" from it.
    public var timestamp: SimTime
    /// swarmkit's status message: "created", "pending task scheduling", "scheduler assigned
    /// task to node", "started", …
    public var message: String
    /// The error column of `service ps`: "no suitable node (…)", "task: non-zero exit (1)".
    public var error: String?
    /// The container running the task, once the agent has created it (64 hex digits).
    public var containerID: String?
    /// The container's exit code, once it has exited.
    public var exitCode: Int?

    public init(state: TaskState, timestamp: SimTime, message: String, error: String? = nil,
                containerID: String? = nil, exitCode: Int? = nil) {
        self.state = state
        self.timestamp = timestamp
        self.message = message
        self.error = error
        self.containerID = containerID
        self.exitCode = exitCode
    }
}
