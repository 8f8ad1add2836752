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
        var display = ServiceProgress(reference: reference)
        let deadline = swarm.now + runner.options.commandTimeout
        var outcome: ServiceProgress.Outcome?
        while outcome == nil {
            guard let store = swarm.freshestStore, let service = store.service(id: serviceID) else {
                outcome = .failed(Self.serviceNotFound(reference))
                break
            }
            let tasks = store.tasks(ofService: serviceID).filter { $0.isUpToDate(with: service) }
            let down = store.nodes.filter { $0.state == .down }.map(\.id)
            outcome = display.poll(service: service, tasks: tasks, nodeIsActive: { !down.contains($0) }, now: swarm.now)
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
}
