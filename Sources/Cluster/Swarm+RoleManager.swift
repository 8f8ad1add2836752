import SimCore
import NodeRoles

/// swarmkit's role manager on the leader (NodeRoles/Manager+RoleManager.swift decides).
extension Swarm {
    /// Run on `host`'s manager once a Raft tick: a demoted manager leaves Raft.
    func reconcileRoles(_ host: HostID) {
        guard let m = hosts[host.index].manager else { return }
        var effects: [ManagerEffect] = []
        m.reconcileRoles(now: now, effects: &effects)
        perform(effects, ofManagerOn: host)
    }
}
