import SimCore
import Orchestration
import Cluster

/// `services converged`: the liveness condition `swarmsim fuzz` waits for once faults stop.
extension ScenarioRunner {
    /// What still keeps the swarm from having converged, in words; empty when it has.
    ///
    /// Converged means a leader exists and its store has converged as `ServiceConvergence`
    /// defines it (the one definition, and how it is stricter than `docker service ls`).
    func pendingConvergence() -> [String] {
        guard let swarm, swarm.allSeeing.leader != nil, let store = swarm.allSeeing.freshestStore else { return ["no leader"] }
        return ServiceConvergence.pending(in: store)
    }
}
