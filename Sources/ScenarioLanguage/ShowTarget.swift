/// What `show` shows.
public enum ShowTarget: String, CaseIterable, Equatable, Sendable {
    /// `show cluster`: who is leader, partitions, tasks per node.
    case cluster
    /// `show services`: each service, its replicas and its tasks' nodes.
    case services
    /// `show mesh`: each published port and the tasks it routes to.
    case mesh
}
