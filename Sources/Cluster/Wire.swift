import SimCore
import Raft
import Orchestration

typealias StoreRaft = RaftNode<StoreCommand, ClusterStore>
typealias RaftMessage = Raft.Message<StoreCommand, ClusterStore>

/// Identifies one remote call, so its reply finds the caller.
typealias CallID = UInt64

/// What hosts say to each other over the simulated network.
enum WireMessage {
    /// Raft traffic between managers.
    case raft(RaftMessage)
    /// A request to a manager; managers that are not the leader proxy it to the leader, as
    /// swarmkit's raft proxy does for the control and dispatcher APIs.
    case call(CallID, Call)
    case reply(CallID, Reply)
    /// The leader's dispatcher tells a node the tasks assigned to it (all of them), through the
    /// manager its session goes through; that manager passes it on. The stamp orders sets that
    /// took different paths (see `LeaderStamp`).
    case assignments(node: HostID, stamp: LeaderStamp, [TaskRecord])
    /// Endpoints and published ports of services, for the node's routing mesh.
    case mesh([Swarm.MeshUpdate])
    /// A node leaving the swarm tells the others to stop routing to its tasks (gossip).
    case meshNodeLeft(nodeID: String)
    /// A client connection through the mesh, forwarded by the entry node to a task's node.
    case meshRequest(Int, taskID: String)
    case meshResponse(Int, task: String)
}

/// Requests between engines.
enum Call {
    /// A docker API call forwarded from the manager the CLI talked to.
    case api(EngineRequest)
    /// `swarm join`: a host asks to become a node.
    case join(token: String, hostname: String, address: String, nanoCPUs: Int64, memoryBytes: Int64, engineVersion: String)
    /// A new manager asks the leader to add it to Raft.
    case raftJoin(nodeID: String, raftID: UInt64)
    /// An agent's heartbeat to the dispatcher (the session is implied by the first one).
    case heartbeat(nodeID: String)
    /// An agent reports its tasks' states (swarmkit dispatcher UpdateTaskStatus).
    case taskStatus(nodeID: String, [TaskReport])
}

/// Which leader made an assignment set or a mesh update, and from how far along its log: the
/// term, then the leader's applied index when it sent it. A greater stamp reflects a later store.
///
/// swarmkit's agent reads assignments from one session's stream only, and chains the messages
/// of a stream (`AssignmentsMessage.results_in` / `applies_to`), so a set never replaces a newer
/// one. Here sets reach a node through whichever manager relayed its session when each was sent,
/// and a set on a slow or lossy path can arrive after a newer one on another path; the agent
/// keeps to the newest stamp it has taken, and a node's mesh to the newest per service.
struct LeaderStamp: Comparable {
    var term: UInt64
    var index: UInt64

    static func < (a: LeaderStamp, b: LeaderStamp) -> Bool {
        (a.term, a.index) < (b.term, b.index)
    }
}

/// One task's new observed status, from the agent running it.
struct TaskReport: Sendable {
    var taskID: String
    var status: TaskStatus
}

enum Reply {
    case api(EngineResult)
    case joined(nodeID: String, role: NodeRole, managers: [HostID])
    /// The new manager is a Raft voter now (it learns the configuration from the log).
    case raftJoined(voters: [UInt64])
    /// The next heartbeat is due after `period`; the node should have `role`; managers to try.
    case heartbeat(period: SimDuration, role: NodeRole, isRaftMember: Bool, managers: [HostID], term: UInt64)
    /// The leader took the reports (it proposes them; a lost proposal is re-reported when the
    /// agent next meets a new leader).
    case taskStatusAccepted
    case failed(EngineError)
}

/// A message in flight.
struct Envelope {
    var from: HostID
    var to: HostID
    /// The receiver's incarnation when the message was sent; a restart voids it.
    var incarnation: UInt32
    var message: WireMessage
}

/// Everything that can happen in a swarm, as simulator events.
enum SwarmEvent {
    case deliver(Envelope)
    case raftTick(HostID, incarnation: UInt32)
    case heartbeatDue(HostID, incarnation: UInt32)
    case callTimeout(CallID)
    /// The leader's dispatcher checks whether `nodeID` heartbeated in time.
    case nodeExpiry(HostID, incarnation: UInt32, nodeID: String, generation: UInt64)
    /// A docker call waiting for a leader looks again (swarmkit polls once a second).
    case retryOperation(OperationID)
    /// The leader runs its orchestrators and scheduler (debounced after store changes).
    case orchestrate(HostID, incarnation: UInt32, term: UInt64)
    /// An agent moves a task to its next state.
    case taskStep(HostID, incarnation: UInt32, taskID: String)
    /// The leader spreads a service's endpoints to every node.
    case meshPropagate(HostID, incarnation: UInt32, serviceID: String)
    /// A client gives up on a request.
    case meshTimeout(Int)
    /// A manager removed from Raft stops, having kept voting for a while.
    case stopRemovedManager(HostID, incarnation: UInt32)
    /// An engine still joining in the background asks again.
    case retryJoin(HostID, incarnation: UInt32)
}

extension Raft.Message.Kind {
    /// A short name for traces.
    var traceName: String {
        switch self {
        case .vote: "vote"
        case .voteResponse: "voteResponse"
        case .preVote: "preVote"
        case .preVoteResponse: "preVoteResponse"
        case .append: "append"
        case .appendResponse: "appendResponse"
        case .heartbeat: "heartbeat"
        case .heartbeatResponse: "heartbeatResponse"
        case .installSnapshot: "installSnapshot"
        case .timeoutNow: "timeoutNow"
        }
    }
}
