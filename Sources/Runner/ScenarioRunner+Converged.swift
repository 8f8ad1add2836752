import SimCore
import Orchestration
import Cluster

/// `services converged`: the liveness condition `swarmsim fuzz` waits for once faults stop.
extension ScenarioRunner {
    /// What still keeps the swarm from having converged, in words; empty when it has.
    ///
    /// Converged means a leader exists and its store has converged as `ServiceConvergence`
    /// defines it (the one definition, and how it is stricter than `docker service ls`).
    ///
    /// `expect services converged within` asks after every event; the answer depends on the
    /// leader's store alone, so it is read again only when that store may have changed.
    func pendingConvergence() -> [String] {
        guard let swarm, let stamp = swarm.allSeeing.leaderStoreStamp else { return ["no leader"] }
        if let memo = convergenceMemo, memo.stamp == stamp { return memo.pending }
        guard let store = swarm.allSeeing.freshestStore else { return ["no leader"] }
        let pending = ServiceConvergence.pending(in: store)
        convergenceMemo = (stamp, pending)
        return pending
    }
}
