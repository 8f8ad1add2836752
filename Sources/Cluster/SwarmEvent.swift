import SimCore
import NodeRoles
import SimNetwork

/// Everything that can happen in a swarm, as simulator events.
enum SwarmEvent {
    /// A message in flight (SimNetwork's envelope: a restart of the receiver voids it).
    case deliver(Envelope<WireMessage>)
    case raftTick(HostID, incarnation: UInt32)
    /// A manager's Raft state is on disk: the messages that waited for it go out.
    case raftPersisted(HostID, incarnation: UInt32, messages: [RaftMessage])
    case heartbeatDue(HostID, incarnation: UInt32)
    case callTimeout(CallID)
    /// The leader's dispatcher checks whether the node of `session` heartbeated in time.
    case nodeExpiry(HostID, incarnation: UInt32, session: SessionNumber, generation: UInt64)
    /// A docker call waiting for a leader looks again (swarmkit's `LeaderConn` polls once a
    /// second until the request's deadline).
    case retryOperation(OperationID, deadline: SimTime)
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
