import SimCore

/// The daemon's refusals an engine decides by itself (the shell words them: `EngineError`).
package enum EngineRefusal: Sendable, Equatable {
    /// "This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" …"
    case notInSwarm
    /// "… Worker nodes can't be used to view or modify cluster state …"
    case worker
    /// "The swarm does not have a leader …"
    case noLeader
}
