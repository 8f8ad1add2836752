import SimCore

extension ServiceConvergence {
    /// What keeps a job from having converged: it has converged once its current iteration is
    /// done — a replicated job with `total` tasks complete, a global job with a complete task
    /// on every Ready eligible node — and no task of it is still wanted.
    static func jobPending(_ service: ServiceRecord, in store: ClusterStore) -> [String] {
        let name = service.spec.name
        let tasks = store.tasks(ofService: service.id).filter { $0.jobIteration == service.jobIteration }
        let complete = tasks.filter { $0.status.state == .complete }
        switch service.spec.mode {
        case .replicatedJob(_, let total):
            if complete.count < total { return ["job \(name) has \(complete.count) of \(total) tasks complete"] }
        case .globalJob:
            let eligible = store.nodes.filter {
                $0.state == .ready && $0.availability == .active && NodeEligibility.isEligible($0, for: service)
            }
            let missing = eligible.filter { n in !complete.contains { $0.nodeID == n.id } }
            if !missing.isEmpty {
                return ["global job \(name) has no complete task on " + missing.map(\.hostname).joined(separator: ", ")]
            }
        case .replicated, .global:
            break
        }
        return []
    }
}
