import SimCore
import Orchestration

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
