import SimCore
import Raft
import Orchestration

/// swarmkit's role manager (manager/role_manager.go), for the one demotion the API call does
/// not finish itself: the leader's own.
extension Swarm {
    /// Run by the leader once a Raft tick. A node the store records as a worker while it still
    /// holds a Raft ID leaves Raft, as swarmkit's `reconcileRole` removes it. When that node is
    /// this leader, it first hands leadership over ("demoted; transferring leadership",
    /// `raft.TransferLeadership`), and the next leader removes it; a transfer that fails (it is
    /// given up after an election timeout) is not tried again in the term: the leader removes
    /// itself, as swarmkit falls back to `RemoveMember`.
    ///
    /// Nothing is proposed while a membership change or the transfer is under way, or when the
    /// removal would lose quorum; the next tick looks again.
    func reconcileRoles(_ host: HostID) {
        guard let m = hosts[host.index].manager, m.raft.canProposeMembership,
              let node = m.store.firstWorkerInRaft else { return }
        if node.raftID == m.raft.id, m.transferTriedInTerm != m.raft.term, let target = m.raft.transferTarget {
            hosts[host.index].manager?.transferTriedInTerm = m.raft.term
            traceHost("raft.transferLeadership", host)
            hosts[host.index].manager?.raft.transferLeadership(to: target)
            return processReady(host)
        }
        let isVoter = m.raft.voters.contains(node.raftID)
        if isVoter && !m.raft.canRemove(node.raftID) { return }
        propose([.setNodeRole(id: node.id, .worker, raftID: 0, at: now)],
                membership: isVoter ? Raft.MembershipChange(kind: .removeVoter, node: node.raftID) : nil,
                on: host, target: nil, reply: .api(.success(.done)))
    }
}
