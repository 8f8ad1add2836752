import SimCore

/// Which nodes a service's tasks belong on: the one definition, used wherever "eligible" is
/// asked (the global service's desired count in `docker service create`'s progress, and
/// `services converged`).
///
/// A node is eligible for a service when it is Active (not paused, not drained), not Down, and
/// meets the service's placement constraints: the nodes swarmkit's global orchestrator gives a
/// task (global `reconcileOneNode`: drained or down nodes lose their tasks, paused ones get no
/// new one, constraints decide the rest). Reservations and `--replicas-max-per-node` are the
/// scheduler's business and are not part of it.
public enum NodeEligibility {
    /// Whether `node` is eligible for `service`. O(constraints).
    public static func isEligible(_ node: NodeRecord, for service: ServiceRecord) -> Bool {
        guard node.availability == .active, node.state != .down else { return false }
        let constraints = service.spec.task.constraints
        if constraints.isEmpty { return true }
        let info = Scheduler.NodeInfo(record: node)
        return constraints.allSatisfy { $0.isSatisfied(by: info) }
    }

    /// The nodes of `store` eligible for `service`, in ID order. O(nodes · constraints).
    public static func nodes(for service: ServiceRecord, in store: ClusterStore) -> [NodeRecord] {
        store.nodes.filter { isEligible($0, for: service) }
    }
}
