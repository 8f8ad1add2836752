import SimCore
import Raft
import Orchestration

/// swarmkit's role manager (manager/role_manager.go), for the one demotion the API call does
/// not finish itself: the leader's own.
extension Manager {
    /// Run by the leader once a Raft tick. A node the store records as a worker while it still
    /// holds a Raft ID leaves Raft, as swarmkit's `reconcileRole` removes it. When that node is
    /// this leader, it first hands leadership over ("demoted; transferring leadership",
    /// `raft.TransferLeadership`), and the next leader removes it; a transfer that fails (it is
    /// given up after an election timeout) is not tried again in the term: the leader removes
    /// itself, as swarmkit falls back to `RemoveMember`.
    ///
    /// Nothing is proposed while a membership change or the transfer is under way, or when the
    /// removal would lose quorum; the next tick looks again.
    package func reconcileRoles(now: SimTime, effects: inout [ManagerEffect]) {
        guard raft.canProposeMembership,
              let node = store.firstWorkerInRaft else { return }
        if node.raftID == raft.id, transferTriedInTerm != raft.term, let target = raft.transferTarget {
            transferTriedInTerm = raft.term
            raft.transferLeadership(to: target)
            effects.append(.leadershipTransferred)
            return
        }
        let isVoter = raft.voters.contains(node.raftID)
        if isVoter && !raft.canRemove(node.raftID) { return }
        effects.append(.propose([.setNodeRole(id: node.id, .worker, raftID: 0, at: now)],
                                membership: isVoter ? Raft.MembershipChange(kind: .removeVoter, node: node.raftID) : nil))
    }
}
