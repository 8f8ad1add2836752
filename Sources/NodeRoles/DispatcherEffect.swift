import SimCore
import Orchestration

/// What the leader's `Dispatcher` asks its manager to do, in the order it asks.
package enum DispatcherEffect: Sendable {
    /// Trace: the dispatcher started on this leader.
    case started
    /// Propose these store changes (node states, task statuses); nobody waits for the answer.
    case propose([StoreCommand])
    /// Wake the dispatcher after `delay` to check that the node of `session` heartbeated
    /// (`Dispatcher.timerFired`), under the event ID `order` reserved for it (nil: a new one).
    case expiryDue(session: SessionNumber, generation: UInt64, after: SimDuration, order: EventID?)
    /// Answer the heartbeat: the next one is due after `period`; the node should have `role`;
    /// the session is the leader's of `term`. With `writeFirst`, the answer waits until those
    /// changes (the node written Ready) are committed, as swarmkit's register does.
    case heartbeatAnswer(period: SimDuration, role: NodeRole, isRaftMember: Bool, term: UInt64, writeFirst: [StoreCommand])
    /// Send the node every task assigned to it, from the store as it is when this is carried out.
    case sendAssignments(nodeID: String)
    /// Send the node everything its routing mesh needs.
    case sendMesh(nodeID: String)
    /// Send the node everything its routing mesh needs if its table is stale
    /// (Cluster/Swarm+MeshRepair.swift: an observer's read standing in for gossip anti-entropy).
    case repairMesh(nodeID: String)
}
