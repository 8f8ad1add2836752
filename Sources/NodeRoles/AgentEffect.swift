import SimCore
import Orchestration

/// What an `Agent` asks its host to do, in the order it asks.
package enum AgentEffect: Sendable {
    /// Call the dispatcher through `manager`: a heartbeat of this host's node, due back within
    /// `timeout`.
    case heartbeat(manager: HostID, timeout: SimDuration)
    /// Call the dispatcher through `manager` with task status changes of this host's node
    /// (swarmkit UpdateTaskStatus).
    case reportStatus([TaskReport], manager: HostID)
    /// Wake the agent for its next heartbeat after `delay`.
    case heartbeatDue(after: SimDuration)
    /// Wake the agent when the task's current step completes.
    case taskStepDue(taskID: String, after: SimDuration)
    /// Trace: the task reached `state` on this node.
    case taskState(name: String, id: String, state: TaskState)
    /// Trace: an assignment set older than the one taken arrived, and was ignored.
    case staleAssignments(LeaderStamp)
}
