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
        var running = 0, desiredRunning = 0
        for t in store.tasks(ofService: service.id) {
            if t.status.state == .running { running += 1 }
            if t.desiredState == .running { desiredRunning += 1 }
        }
        self.init(running: running, desired: service.spec.replicas ?? desiredRunning)
    }
}
