import SimCore
import Raft
import Orchestration

/// Something notable that happened in a swarm, for observers that draw it (the timeline report,
/// the shell). Rare next to messages: a closure call per notification is fine.
public enum SwarmNotification: Sendable, Equatable {
    /// A manager's Raft role or term changed (also when a manager starts, as follower).
    case role(HostID, Raft.Role, term: UInt64)
    case managerStarted(HostID)
    case managerStopped(HostID)
    case crashed(HostID)
    case restarted(HostID)
    /// Partitions, isolation or cuts changed: read `Swarm.network` for the new shape.
    case network
    /// The leader recorded a node's status (`hostname` as the store has it).
    case nodeState(hostname: String, NodeState)
    /// The manager on this host applied entries that changed its store: counts read from the
    /// store (a service's running tasks) may have changed.
    case storeApplied(HostID)
    /// A host's engine joined a swarm, or left it.
    case joined(HostID, NodeRole)
    case left(HostID)
}

extension Swarm {
    func notify(_ n: SwarmNotification) {
        observer?(now, n)
    }
}
