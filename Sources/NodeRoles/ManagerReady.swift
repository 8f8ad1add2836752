import Raft
import Orchestration

/// What a manager's Raft had ready, persisted and applied (`Manager.drainReady`), for the shell
/// to carry out: the messages to send once the writes are on disk, the role changes to
/// announce, and what the applied entries call for.
package struct ManagerReady {
    /// Raft messages to send, in the order Raft produced them.
    package var messages: [RaftMessage] = []
    /// Each role this manager took, with the term it took it in.
    package var roleChanges: [(role: Raft.Role, term: UInt64)] = []
    /// What to announce: each role change, and each new term taken in the same role (a
    /// follower that hears of a later term), in order.
    package var announced: [(role: Raft.Role, term: UInt64)] = []
    /// Whether anything was written to disk (hard state, entries, a snapshot or a compaction).
    package var wrote = false
    /// What the committed entries changed.
    package var applied = ApplyEffects()

    package init() {}
}
