import SimCore

/// Whether the services of a store have converged: the rule behind the scenario condition
/// `services converged`, which `swarmsim fuzz` waits for once faults stop. The one definition.
///
/// A store has converged when no service is in the middle of an update or rollback (a paused
/// one counts as settled) and:
/// - every replicated service has exactly `replicas` tasks desired and observed running on
///   Ready nodes (while its update is paused: slots with such a task), unless no Ready node is
///   eligible for it at all (`NodeEligibility`), when its tasks rightly stay pending;
/// - every global service has exactly one such task on each Ready eligible node, and none
///   elsewhere.
///
/// It is stricter than `docker service ls` (`ServiceStatus`, swarmkit's `ListServiceStatuses`)
/// in four ways: a task counts only if it is desired running as well as observed running (REPLICAS
/// also counts a task being shut down that still runs); only on a Ready node (REPLICAS counts a
/// task on a node that is Unknown or Down until it is replaced); the count must be exact (an
/// extra task running beside its replacement is not converged, while REPLICAS may show `4/3`);
/// and an update or rollback in progress is never converged. A global service must also run
/// on exactly the eligible nodes, where REPLICAS compares with the tasks the orchestrator wants.
public enum ServiceConvergence {
    /// What still keeps `store` from having converged, in words, services by name; empty when
    /// it has. O(services · (tasks + nodes)).
    public static func pending(in store: ClusterStore) -> [String] {
        var pending: [String] = []
        for service in store.services.sorted(by: { $0.spec.name < $1.spec.name }) {
            pending += self.pending(service, in: store)
        }
        return pending
    }

    /// What keeps one service from having converged.
    public static func pending(_ service: ServiceRecord, in store: ClusterStore) -> [String] {
        let name = service.spec.name
        if service.spec.isJob { return jobPending(service, in: store) }
        if let u = service.updateStatus, u.state == .updating || u.state == .rollbackStarted {
            return ["service \(name) is \(u.state == .updating ? "updating" : "rolling back")"]
        }
        // A second `service update` with the same spec resets the update status while the first
        // update goes on (swarmkit does the same): a service still wanting a task of an earlier
        // spec is not settled, unless its update is paused (a global service's tasks on a
        // paused node are left alone by design). Should that update's failure action stop it,
        // the updater records the pause (Updater `pauseUpdate`).
        if service.updateStatus?.isPaused != true,
           let stale = store.tasks(ofService: service.id).first(where: { t in
               t.isDesiredRunning && Orchestrator.isDirty(t, for: service)
                   && (service.spec.replicas != nil || store.node(id: t.nodeID ?? "")?.availability == .active)
           }) {
            return ["service \(name) still wants \(stale.name) of an earlier spec"]
        }
        let eligible = store.nodes.filter { $0.state == .ready && NodeEligibility.isEligible($0, for: service) }
        // A task on a node that is not Ready (Unknown after a leader change, say) may be gone
        // already: it does not count until its node reports in.
        let running = store.tasks(ofService: service.id).filter { t in
            t.desiredState == .running && t.status.state == .running && store.node(id: t.nodeID ?? "")?.state == .ready
        }
        var pending: [String] = []
        if let replicas = service.spec.replicas {
            // A paused start-first update may leave a slot with its old and its new task
            // both running, as swarmkit does, until someone resumes it: count slots then.
            let count = service.updateStatus?.isPaused == true ? Set(running.map(\.slot)).count : running.count
            if count != replicas && !(count < replicas && eligible.isEmpty) {
                pending.append("service \(name) has \(count) of \(replicas) tasks running")
            }
        } else {
            let missing = eligible.filter { n in running.filter { $0.nodeID == n.id }.count != 1 }
            let stray = running.filter { t in !eligible.contains { $0.id == t.nodeID } }
            if !missing.isEmpty {
                pending.append("global service \(name) does not run one task on " + missing.map(\.hostname).joined(separator: ", "))
            }
            if !stray.isEmpty {
                pending.append("global service \(name) runs tasks on ineligible nodes: " + stray.map(\.name).joined(separator: ", "))
            }
        }
        return pending
    }
}
