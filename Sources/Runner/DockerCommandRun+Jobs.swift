import SimCore
import Orchestration
import Cluster

extension DockerCommandRun {
    /// Docker's attached mode for a job: wait until the job's iteration is done, then print
    /// the overall lines of docker/cli's job progress (progress.go `replicatedJobProgressUpdater`,
    /// `globalJobProgressUpdater`; the per-task bars are left out). A finished job is not
    /// verified further, as docker does not.
    mutating func convergeJob(_ serviceID: String) {
        let limit = swarm.now + runner.options.commandTimeout
        func done(_ store: ClusterStore?) -> Bool {
            guard let store, let service = store.service(id: serviceID) else { return true }
            return ServiceConvergence.pending(service, in: store).isEmpty
        }
        swarm.run(until: { s in done(s.freshestStore) }, deadline: limit)
        guard let store = swarm.freshestStore, let service = store.service(id: serviceID) else { return }
        let tasks = store.tasks(ofService: serviceID).filter { $0.jobIteration == service.jobIteration }
        let complete = tasks.filter { $0.status.state == .complete }.count
        let active = tasks.filter { $0.status.state < .complete && $0.isDesiredRunning }.count
        func padded(_ n: Int, like width: Int) -> String {
            let text = String(n)
            return String(repeating: " ", count: max(0, String(width).count - text.count)) + text
        }
        switch service.spec.mode {
        case .replicatedJob(let maxConcurrent, let total):
            out += "job progress: \(padded(complete, like: total)) out of \(total) complete\n"
            out += "active tasks: \(padded(active, like: maxConcurrent)) out of \(min(maxConcurrent, total - complete)) tasks\n"
        default:
            let total = Set(tasks.compactMap(\.nodeID)).count
            out += "job progress: \(padded(complete, like: total)) out of \(total) complete\n"
        }
        if !done(store) {
            out += "verify: still converging after \(runner.options.commandTimeout) (docker would keep waiting; use --detach)\n"
        }
    }
}
