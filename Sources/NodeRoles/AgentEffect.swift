import SimCore
import Orchestration

/// What an `Agent` asks its host to do, in the order it asks.
package enum AgentEffect: Sendable {
    /// Call the dispatcher through `manager`: a heartbeat, due back within `timeout`.
    case heartbeat(nodeID: String, manager: HostID, timeout: SimDuration)
    /// Call the dispatcher through `manager` with task status changes (swarmkit UpdateTaskStatus).
    case reportStatus(nodeID: String, [TaskReport], manager: HostID)
    /// Wake the agent for its next heartbeat after `delay`.
    case heartbeatDue(after: SimDuration)
    /// Wake the agent when the task's current step completes.
    case taskStepDue(taskID: String, after: SimDuration)
    /// Trace: the task reached `state` on this node.
    case taskState(name: String, id: String, state: TaskState)
    /// Trace: an assignment set older than the one taken arrived, and was ignored.
    case staleAssignments(LeaderStamp)
}

/// What the agent reads of its own host at an event: facts its engine holds.
package struct AgentHost: Sendable {
    package var id: HostID
    /// The node this engine is, if it is in a swarm.
    package var nodeID: String?
    /// The managers this node knows of (on disk), the one it joined through first.
    package var knownManagers: [HostID]
    /// Whether this engine runs a manager now.
    package var runsManager: Bool
    /// How the containers of each image behave (what pulling the image would tell the engine).
    package var images: ImageCatalog

    package init(id: HostID, nodeID: String?, knownManagers: [HostID], runsManager: Bool, images: ImageCatalog = ImageCatalog()) {
        self.id = id; self.nodeID = nodeID; self.knownManagers = knownManagers; self.runsManager = runsManager
        self.images = images
    }
}

/// How long the agent's simulated executor takes for the steps that take time.
package struct ExecutorTiming: Sendable {
    /// Preparing a task pulls its image.
    package var imagePull: SimDuration
    /// Starting a task starts its container.
    package var containerStart: SimDuration

    package init(imagePull: SimDuration, containerStart: SimDuration) {
        self.imagePull = imagePull; self.containerStart = containerStart
    }
}
