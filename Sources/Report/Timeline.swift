import SimCore

/// A run drawn over virtual time: what each host was, what the network looked like, who led,
/// and what the scenario did. `TimelineRecorder` records it from the swarm's notifications and
/// the runner's statements; `TimelineReport` draws it as an HTML page with an SVG.
///
/// Every track is a step function (`StepFunction`) or a list of instants, so a new kind of track is a
/// new field: tasks per node (`HostLane.tasks`), services' running/desired counts (`services`)
/// and routing-mesh requests (`requests`) are here already, empty until the swarm simulates
/// them, and the report draws whatever is not empty.
public struct Timeline: Equatable, Sendable {
    /// The scenario file.
    public var title: String
    /// The lesson's title (its first `#` comment line), when it has one: the report's headline.
    public var heading: String?
    public var seed: UInt64
    /// Virtual time at the end of the run (or of the session so far).
    public var end: SimTime = .zero
    /// One lane per host, in declaration order (lane `i` is host `i`).
    public var lanes: [HostLane] = []
    /// Who leads (the swarm's leader as an all-seeing observer finds it), nil while no one does.
    public var leader = StepFunction<Leadership?>(nil)
    /// Partitions and cuts.
    public var network = StepFunction<NetworkShape>(NetworkShape())
    /// Crashes, restarts, joins and leaves.
    public var events: [HostEvent] = []
    /// The scenario's statements, in the order they ran.
    public var statements: [StatementMark] = []
    /// Replicated and global services (empty until services are simulated).
    public var services: [ServiceTrack] = []
    /// Requests sent through the routing mesh (`curl`).
    public var requests: [RequestMark] = []
    /// Task slots, in the order they first appeared.
    public var tasks: [TaskTrack] = []
    /// Each partition side's managers against the quorum (one side while the network is
    /// whole; empty before there are managers).
    public var quorum = StepFunction<[QuorumSide]>([])
    /// Raft messages between managers, in delivery order.
    public var messages: [MessageMark] = []

    public init(title: String, seed: UInt64) {
        self.title = title
        self.seed = seed
    }

    /// The lane of the host called `name`, if one was declared.
    public func lane(named name: String) -> Int? { lanes.firstIndex { $0.name == name } }
}
