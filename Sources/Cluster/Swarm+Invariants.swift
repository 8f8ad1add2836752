import SimCore
import Raft
import Orchestration
import NodeRoles

/// Where the swarm feeds `InvariantChecker`: after each entry a manager applies, and every so
/// often a comparison of whole stores.
extension Swarm {
    /// Called by the apply loop after `host`'s manager `m` applied the entry at `index`, which
    /// changed `changes`.
    func checkInvariants(afterApplying changes: StoreChanges, index: UInt64, manager m: Manager, on host: HostID) {
        guard invariants.isEnabled, !safety.forcedOut.contains(m.raft.id) else { return }
        invariants.applied(changes, index: index, store: m.store, on: host, hostName: hosts[host.index].name,
                           isLeader: m.raft.role == .leader, at: now)
        invariants.checkPayloadReferences(m.store, hostName: hosts[host.index].name, at: now)
        guard invariants.fullCompareDue() else { return }
        var stores: [(name: String, applied: UInt64, store: ClusterStore)] = []
        var lowest = UInt64.max
        for h in hosts where network.isUp(h.id) {
            // `m` has applied `index` already; its appliedIndex moves on after this call.
            guard let other = h.id == host ? m : h.manager, !safety.forcedOut.contains(other.raft.id) else { continue }
            let applied = h.id == host ? index : other.appliedIndex
            stores.append((h.name, applied, other.store))
            lowest = min(lowest, applied)
        }
        invariants.compareStores(stores, at: now)
        invariants.prune(below: lowest)
    }
}
