import SimCore
import Orchestration
import Cluster
import DockerClient

/// Docker's attached mode: `service create|update|scale|rollback` without `--detach` wait for the
/// service to converge, drawing docker/cli's progress display (`ServiceProgress`), of which the
/// output records the last frame.
extension DockerCommandRun {
    /// How often docker/cli's progress loop polls the daemon.
    static let progressPollPeriod = SimDuration.milliseconds(200)

    /// Waits as the attached CLI does for the service `serviceID`, named `reference` as the
    /// command named it, until it converges and stays so for its monitoring period, its update
    /// pauses, or the command's deadline (which stands for the user's Ctrl-C).
    mutating func converge(_ serviceID: String, reference: String) {
        guard !invocation.isOn("detach"), !invocation.isOn("quiet") else { return }
        if case .some(let (service, _, _)?) = Self.progressAnswer(serviceID, on: host, in: swarm), service.spec.isJob {
            return convergeJob(serviceID)
        }
        var display = ServiceProgress(reference: reference)
        let deadline = swarm.now + runner.options.commandTimeout
        var outcome: ServiceProgress.Outcome?
        while outcome == nil {
            switch Self.progressAnswer(serviceID, on: host, in: swarm) {
            case .none: break
            case .some(nil):
                outcome = .failed(Self.serviceNotFound(reference))
            case .some(let (service, tasks, down)?):
                outcome = display.poll(service: service, tasks: tasks, nodeIsActive: { !down.contains($0) }, now: swarm.now)
            }
            guard outcome == nil else { break }
            guard swarm.now + Self.progressPollPeriod <= deadline else {
                display.interrupt()
                break
            }
            swarm.run(until: swarm.now + Self.progressPollPeriod)
        }
        out += display.frame
        if case .failed(let text) = outcome { out += text + "\n" }
    }

    /// What docker's progress loop asks the daemon, answered at once (`Swarm.answerAtOnce`):
    /// the service, its tasks of the current spec, and the nodes that are down. nil when the
    /// engine could not answer (no leader: docker keeps polling); `.some(nil)` when the service
    /// is gone.
    static func progressAnswer(_ serviceID: String, on host: HostID, in swarm: Swarm)
        -> (service: ServiceRecord, tasks: [TaskRecord], down: [String])?? {
        let queries: [EngineQuery] = [.inspect(.service, serviceID), .list(.task, EngineFilters([("service", serviceID)])), .list(.node)]
        guard case .success(.records(let answers)) = swarm.answerAtOnce(queries, on: host) else { return .none }
        guard let service = answers[0].services.first?.record else { return .some(nil) }
        let tasks = answers[1].tasks.filter { $0.isUpToDate(with: service) }
        let down = answers[2].nodes.map(\.record).filter { $0.state == .down }.map(\.id)
        return .some((service, tasks, down))
    }
}
