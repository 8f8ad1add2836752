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
        let host = self.host
        swarm.run(until: { s in Self.jobAnswer(serviceID, on: host, in: s)?.done ?? false }, deadline: limit)
        guard let answer = Self.jobAnswer(serviceID, on: host, in: swarm) else { return }
        let (service, tasks) = (answer.service, answer.tasks)
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
        if !answer.done {
            out += "verify: still converging after \(runner.options.commandTimeout) (docker would keep waiting; use --detach)\n"
        }
    }

    /// What the attached job wait asks the engine (`Swarm.answerAtOnce`): the service, its tasks
    /// of the current run, and whether the run is done as `ServiceConvergence` counts a job
    /// settled (every task complete; for a global job, one on each eligible ready node). nil
    /// when the engine cannot answer or the service is gone.
    static func jobAnswer(_ serviceID: String, on host: HostID, in swarm: Swarm)
        -> (service: ServiceRecord, tasks: [TaskRecord], done: Bool)? {
        let queries: [EngineQuery] = [.inspect(.service, serviceID), .list(.task, EngineFilters([("service", serviceID)])), .list(.node)]
        guard case .success(.records(let answers)) = swarm.answerAtOnce(queries, on: host),
              let service = answers[0].services.first?.record else { return nil }
        let tasks = answers[1].tasks.filter { $0.jobIteration == service.jobIteration }
        let complete = tasks.filter { $0.status.state == .complete }
        switch service.spec.mode {
        case .replicatedJob(_, let total):
            return (service, tasks, complete.count >= total)
        default:
            let eligible = answers[2].nodes.map(\.record).filter {
                $0.state == .ready && $0.availability == .active && NodeEligibility.isEligible($0, for: service)
            }
            return (service, tasks, eligible.allSatisfy { n in complete.contains { $0.nodeID == n.id } })
        }
    }
}
