import SimCore
import NodeRoles

/// Carrying out what a host's `Engine` role decides about a call (NodeRoles/Engine.swift).
extension Swarm {
    /// The engine role with this swarm's settings.
    var engine: Engine { Engine(readsLocally: options.reads == .local, lostQuorumTicks: options.lostQuorumTicks) }

    /// What `host`'s engine knows of itself: whether it is in a swarm, and its manager's view of
    /// the leader.
    func engineHost(_ host: HostID) -> EngineHost {
        let inSwarm = hosts[host.index].membership != nil
        let manager = withManager(host) { m -> EngineHost.Manager in
            let leads = m.raft.role == .leader
            return EngineHost.Manager(isLeader: leads, knownLeader: nil, ticksWithoutLeader: m.ticksWithoutLeader,
                                      removedFromRaft: m.removedFromRaft)
        }
        guard var manager else { return EngineHost(inSwarm: inSwarm, manager: nil) }
        manager.knownLeader = manager.isLeader ? host : knownLeader(host)
        return EngineHost(inSwarm: inSwarm, manager: manager)
    }
}

extension EngineRefusal {
    /// The daemon's words for the refusal.
    var error: EngineError {
        switch self {
        case .notInSwarm: .notInSwarm
        case .worker: .worker
        case .noLeader: .noLeader
        }
    }
}
