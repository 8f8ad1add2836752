import SimCore
import Raft
import Orchestration
import NodeRoles

/// Identifies one remote call, so its reply finds the caller.
typealias CallID = UInt64

/// What hosts say to each other over the simulated network.
enum WireMessage {
    /// Raft traffic between managers.
    case raft(RaftMessage)
    /// A manager refuses a removed member's Raft message: one its cluster, forced anew, left
    /// out (`byForce`), or one a demotion removed (swarmkit's `ErrMemberRemoved`).
    case raftMemberRemoved(UInt64, byForce: Bool)
    /// A request to a manager; managers that are not the leader proxy it to the leader, as
    /// swarmkit's raft proxy does for the control and dispatcher APIs.
    case call(CallID, Call)
    case reply(CallID, Reply)
    /// The leader's dispatcher tells a node the tasks assigned to it (all of them), through the
    /// manager its session goes through; that manager passes it on. The stamp orders sets that
    /// took different paths (see `LeaderStamp`). The engine at `node` takes it only if it is
    /// still the node `nodeID` (a host that left and joined again is another node).
    case assignments(node: HostID, nodeID: String, stamp: LeaderStamp, AssignmentSet)
    /// Endpoints and published ports of services, for the node's routing mesh.
    case mesh([MeshUpdate])
    /// A node leaving the swarm tells the others to stop routing to its tasks (gossip).
    case meshNodeLeft(nodeID: String)
    /// A client connection through the mesh, forwarded by the entry node to a task's node.
    case meshRequest(Int, taskID: String)
    case meshResponse(Int, task: String)
}
