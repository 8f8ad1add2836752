import Orchestration

/// One host over time.
public struct HostLane: Equatable, Sendable {
    public var name: String
    public var phase = StepFunction<HostPhase>(.outside)
    /// The node's status as the leader last recorded it (nil before it joined).
    public var status = StepFunction<NodeState?>(nil)
    /// The Raft term the manager is in (0 for a host that never ran a manager; kept while it
    /// is down).
    public var term = StepFunction<UInt64>(0)
    /// Which side of a partition the host is on: 0 while the network is whole, else 1, 2, …
    /// in the order of `NetworkShape.groups`.
    public var side = StepFunction<Int>(0)
    /// Tasks running on the node (nil while tasks are not tracked).
    public var tasks = StepFunction<Int?>(nil)

    public init(name: String) { self.name = name }
}
