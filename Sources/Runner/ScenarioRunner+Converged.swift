import SimCore
import Orchestration
import Cluster

/// `services converged`: the liveness condition `swarmsim fuzz` waits for once faults stop.
extension ScenarioRunner {
    /// What still keeps the swarm from having converged, in words; empty when it has.
    ///
    /// Converged means, as the leader's store records it: a leader exists; no service is in the
    /// middle of an update or rollback (a paused one counts as settled); every replicated
    /// service has exactly `replicas` tasks desired and observed running on Ready nodes (while
    /// its update is paused: slots with a running task), unless no node is eligible at all,
    /// when the tasks rightly stay pending; every global service has exactly one running task
    /// on each eligible node and none elsewhere. A node is eligible when it is Ready and Active
    /// (swarmkit's ReadyFilter). Placement constraints, reservations and
    /// `--replicas-max-per-node` are not taken into account: use this condition for services
    /// without them.
    func pendingConvergence() -> [String] {
        guard let swarm, swarm.leader != nil, let store = swarm.bestStore else { return ["no leader"] }
        let eligible = store.nodes.filter { $0.state == .ready && $0.availability == .active }
        var pending: [String] = []
        for service in store.services.sorted(by: { $0.spec.name < $1.spec.name }) {
            let name = service.spec.name
            if let u = service.updateStatus, u.state == .updating || u.state == .rollbackStarted {
                pending.append("service \(name) is \(u.state == .updating ? "updating" : "rolling back")")
                continue
            }
            // A task on a node that is not Ready (Unknown after a leader change, say) may be gone
            // already: it does not count until its node reports in.
            let running = store.tasks(ofService: service.id).filter { t in
                t.desiredState == .running && t.status.state == .running && store.node(id: t.nodeID ?? "")?.state == .ready
            }
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
        }
        return pending
    }
}
