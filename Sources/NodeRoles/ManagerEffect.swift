import SimCore
import Raft
import Orchestration

/// What a `Manager` asks its host to do, in the order it asks: its leader pass (orchestration,
/// the dispatcher's start and stop, assignments, the role manager) and when its Raft messages
/// may leave.
package enum ManagerEffect {
    /// Schedule an orchestration pass at `time` for the leader term `term`: the host calls
    /// `Manager.orchestrate(term:…)` then (a pass of an older term does nothing).
    case passDue(at: SimTime, term: UInt64)
    /// Trace: this leader's pass planned `commands` store changes (`orchestrate`).
    case passPlanned(commands: Int)
    /// Propose the pass's commands as one batch entry, nobody waiting for the answer; then tell
    /// `Manager.passProposed` whether Raft took it, with the pass's `wake`.
    case proposePass([StoreCommand], wake: SimTime?)
    /// Propose these changes (the role manager's), nobody waiting for the answer.
    case propose([StoreCommand], membership: Raft.MembershipChange?)
    /// The leader's dispatcher asks this (it started, or armed an expiry timer).
    case dispatcher(DispatcherEffect)
    /// Trace: the dispatcher stopped with the leadership.
    case dispatcherStopped
    /// Send the node every task assigned to it, from the store as it is when this is carried out.
    case sendAssignments(nodeID: String)
    /// Spread these services' endpoints to every node (their mesh entries may have changed).
    case spreadMesh(serviceIDs: [String])
    /// Trace: this demoted leader handed leadership over; then carry out what its Raft has ready.
    case leadershipTransferred
    /// Send these Raft messages now.
    case sendRaft([RaftMessage])
    /// Send these Raft messages at `time`, when the disk write they wait for ends (none: the
    /// write was noted, nothing waits for it).
    case sendRaftOnceWritten([RaftMessage], at: SimTime)
}
