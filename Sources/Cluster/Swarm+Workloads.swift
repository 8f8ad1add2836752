import SimCore
import Orchestration
import NodeRoles

/// Containers that exit, fail and fall sick: `fail` statements and what `docker ps` shows of
/// each host's containers.
extension Swarm {
    /// `fail web.2 [exit N]` / `fail agent on w1`: the container of the service's task in
    /// `slot` (0: any slot) whose container is up — on `host` if given, else on the first
    /// host that has one — exits now with `code`. Returns the task's name, or nil when no such
    /// container is up. (A fault injected from outside, like `crash`: it looks at every host.)
    @discardableResult
    public func fail(service: String, slot: Int, on host: HostID?, code: Int) -> String? {
        let candidates = host.map { [$0] } ?? hosts.map(\.id)
        for h in candidates {
            guard let task = hosts[h.index].agent?.upTask(service: service, slot: slot) else { continue }
            let now = self.now
            var done = false
            withAgent(h) { agent, ah, effects in done = agent.failContainer(task.id, code: code, now: now, host: ah, effects: &effects) }
            if done { return task.name }
        }
        return nil
    }

    /// `docker ps -a` on a host: every container of its engine, up or exited, with its health.
    public func allContainers(on host: HostID) -> [ContainerRow] {
        (hosts[host.index].agent?.containers ?? []).map {
            ContainerRow(record: $0.record, isUp: $0.isUp, upSince: $0.upSince, health: $0.health?.display)
        }
    }
}

/// One container as `docker ps` lists it.
public struct ContainerRow: Sendable, Equatable {
    public var record: TaskRecord
    /// Up (running, or starting under its health check) rather than exited.
    public var isUp: Bool
    /// When a container that is up started.
    public var upSince: SimTime
    /// `(healthy)`, `(health: starting)`, `(unhealthy)`; nil without a health check.
    public var health: String?
}
