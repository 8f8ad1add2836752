import SimCore
import Orchestration

/// What the agent reads of its own host at an event: facts its engine holds.
package struct AgentHost: Sendable {
    package var id: HostID
    /// Whether this engine is a node of a swarm. The agent asks no more: the host puts the
    /// node's ID on what it sends (`AgentEffect`), so that most events never touch its text.
    package var inSwarm: Bool
    /// The managers this node knows of (on disk), the one it joined through first.
    package var knownManagers: [HostID]
    /// Whether this engine runs a manager now.
    package var runsManager: Bool
    /// How the containers of each image behave (what pulling the image would tell the engine).
    package var images: ImageCatalog

    package init(id: HostID, inSwarm: Bool, knownManagers: [HostID], runsManager: Bool, images: ImageCatalog = ImageCatalog()) {
        self.id = id; self.inSwarm = inSwarm; self.knownManagers = knownManagers; self.runsManager = runsManager
        self.images = images
    }
}
