import SimCore
import Orchestration

/// A task as the agent running it sees it.
package struct AgentTask: Sendable {
    package var record: TaskRecord
    /// What the agent has done with it so far.
    package var observed: TaskState
    /// When the current step completes (a step in progress is not started twice).
    package var stepDue: SimTime?
    package var containerID: String?
    /// The container, once started.
    package var container: ContainerLife?
}
