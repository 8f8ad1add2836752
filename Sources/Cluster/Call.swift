import SimCore
import Orchestration
import NodeRoles

/// Requests between engines.
enum Call {
    /// A docker API call forwarded from the manager the CLI talked to. Indirect (boxed), like
    /// `join`: a request can be large (a service spec), and every `WireMessage` and every
    /// simulator event is as large as its largest case, copied with each send and delivery.
    /// Only these rare calls pay for the box; heartbeats and reports stay inline.
    indirect case api(EngineRequest)
    /// `swarm join`: a host asks to become a node.
    indirect case join(token: String, hostname: String, address: String, nanoCPUs: Int64, memoryBytes: Int64, engineVersion: String)
    /// A new manager asks the leader to add it to Raft.
    /// `joiner` is the host asking (its address; the call may come through a proxying manager).
    case raftJoin(nodeID: String, raftID: UInt64, joiner: HostID)
    /// An agent's heartbeat to the dispatcher (the session is implied by the first one). The
    /// incarnation of the agent's engine tells a new agent, hence a new session, from the old.
    /// `origin` is the agent's host, which a proxying manager passes on (swarmkit forwards the
    /// node's own address through a proxy, as `raftJoin`'s joiner is).
    case heartbeat(nodeID: String, incarnation: UInt32, origin: HostID)
    /// An agent reports its tasks' states (swarmkit dispatcher UpdateTaskStatus).
    case taskStatus(nodeID: String, [TaskReport])
}
