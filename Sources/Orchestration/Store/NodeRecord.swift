import SimCore

/// One node of the swarm, as the replicated store holds it (swarmkit's `api.Node`, reduced).
public struct NodeRecord: Equatable, Sendable {
    // What every heartbeat reads (`HeartbeatNode`) comes first, in one cache line.
    /// 25 lowercase base-36 characters, like swarmkit's identity.NewID().
    public var id: String
    /// The Raft member ID of a manager, 0 for a worker.
    public var raftID: UInt64 = 0
    /// The role the node should have (spec); a manager's Raft membership follows it.
    public var role: NodeRole
    public var state: NodeState = .unknown
    public var availability: NodeAvailability = .active
    public var hostname: String
    public var labels = Labels()
    /// Labels of the engine on the host (`engine.labels.*` in constraints).
    public var engineLabels = Labels()
    public var stateMessage = ""
    /// The node's address (its host's IP).
    public var address: String
    public var engineVersion: String
    public var nanoCPUs: Int64
    public var memoryBytes: Int64
    public var os = "linux"
    public var architecture = "x86_64"
    public var createdAt: SimTime
    public var updatedAt: SimTime

    public init(id: String, hostname: String, role: NodeRole, address: String, engineVersion: String,
                nanoCPUs: Int64, memoryBytes: Int64, createdAt: SimTime) {
        self.id = id; self.hostname = hostname; self.role = role; self.address = address
        self.engineVersion = engineVersion; self.nanoCPUs = nanoCPUs; self.memoryBytes = memoryBytes
        self.createdAt = createdAt; self.updatedAt = createdAt
    }
}

/// What a dispatcher heartbeat reads of a node's record (`ClusterStore.heartbeatReads`): four
/// fields rather than a copy of the whole record, which spans several cache lines and holds a
/// dozen strings to retain, on every heartbeat of every node.
public struct HeartbeatNode: Equatable, Sendable {
    public var id: String
    public var role: NodeRole
    public var state: NodeState
    /// The Raft member ID of a manager, 0 for a worker.
    public var raftID: UInt64

    public init(_ record: NodeRecord) {
        self.init(id: record.id, role: record.role, state: record.state, raftID: record.raftID)
    }

    public init(id: String, role: NodeRole, state: NodeState, raftID: UInt64) {
        self.id = id; self.role = role; self.state = state; self.raftID = raftID
    }
}
