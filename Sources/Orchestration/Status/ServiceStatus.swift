import SimCore

/// A service's tasks counted as swarmkit's `ListServiceStatuses` counts them (manager/controlapi
/// service.go), which is what `docker service ls` shows as REPLICAS (`running/desired`).
///
/// - `running`: tasks whose last reported state is running, whatever their desired state and
///   wherever they run (a task on a node that just died still counts until it is replaced).
/// - `desired`: the replica count of a replicated service; for a global service, the tasks
///   whose desired state is running.
///
/// This is the one definition; `ServiceConvergence` (`services converged`) is stricter, and
/// says how.
public struct ServiceStatus: Equatable, Sendable {
    public var running: Int
    public var desired: Int

    public init(running: Int, desired: Int) { self.running = running; self.desired = desired }

    /// The status of `service` in `store`. O(tasks of the service).
    public init(of service: ServiceRecord, in store: ClusterStore) {
        var running = 0, desiredRunning = 0, completed = 0
        for t in store.tasks(ofService: service.id) {
            // A job counts only the tasks of its current iteration.
            if service.spec.isJob && t.jobIteration != service.jobIteration { continue }
            if t.status.state == .running { running += 1 }
            if t.status.state == .complete { completed += 1 }
            if t.desiredState == .running || (t.desiredState == .complete && t.status.state != .complete) { desiredRunning += 1 }
        }
        switch service.spec.mode {
        case .replicated(let n): self.init(running: running, desired: n)
        case .replicatedJob(let maxConcurrent, _): self.init(running: running, desired: maxConcurrent)
        case .global, .globalJob: self.init(running: running, desired: desiredRunning)
        }
        self.completed = completed
    }

    /// A job's tasks of its current iteration that completed (swarmkit `CompletedTasks`).
    public var completed = 0
}
