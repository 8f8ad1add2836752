// Leadership transfer (Ongaro's thesis §3.10; etcd raft.go `MsgTransferLeader`,
// `MsgTimeoutNow`, `campaignTransfer`, `abortLeaderTransfer`). swarmkit uses it when the leader
// is demoted (manager/role_manager.go: "demoted; transferring leadership",
// `raft.TransferLeadership`).

extension RaftNode {
    // MARK: Leader

    /// Hands leadership to the voter `target`, as etcd's `TransferLeadership` does.
    ///
    /// The leader takes no proposals meanwhile (`ProposalError.proposalDropped`); it brings the
    /// target's log up to date, then sends it `timeoutNow`, and the target campaigns at once in
    /// a new term, skipping PreVote; its vote requests say so, so followers' leader leases do not
    /// hold them back. The old leader steps down when the new term reaches it. A transfer that
    /// has not finished within an election timeout is given up, and this leader leads on.
    ///
    /// Does nothing unless this member leads and `target` is another voter, or when a transfer
    /// to `target` is already under way; a transfer to another target replaces it.
    @inlinable
    public mutating func transferLeadership(to target: Raft.NodeID) {
        guard currentRole == .leader, target != id, let k = progressIndex(of: target) else { return }
        if leadTransferee == target { return }
        abortLeadershipTransfer()
        // The transfer must finish within one election timeout, counted from now.
        electionElapsed = 0
        leadTransferee = target
        if progress[k].match == log.lastIndex {
            send(to: target, .timeoutNow)
        } else {
            sendAppend(k)
        }
    }

    /// Gives up a transfer under way, if any: the leader takes proposals again.
    @inlinable
    public mutating func abortLeadershipTransfer() {
        leadTransferee = nil
    }

    /// The voter this leader is handing leadership to, if a transfer is under way.
    @inlinable public var leadershipTransferee: Raft.NodeID? { leadTransferee }

    /// Leader's view: the voter to hand leadership to: of the other voters it heard from within
    /// an election timeout (`isReachable`), the one whose log matches furthest, the smaller ID
    /// first on a tie. Nil on a non-leader or when no other voter is reachable.
    ///
    /// swarmkit picks the member its transport has seen active longest (`LongestActive`); the
    /// most caught-up reachable voter is the one that can take over soonest.
    @inlinable
    public var transferTarget: Raft.NodeID? {
        guard currentRole == .leader else { return nil }
        var best: Progress?
        for p in progress where p.id != id && isReachable(p.id) {
            if let b = best, b.match >= p.match { continue }
            best = p
        }
        return best?.id
    }

    /// Whether a membership change proposed now would be taken: this member leads, no change
    /// (nor its own no-op) is pending, and no leadership transfer is under way.
    @inlinable
    public var canProposeMembership: Bool {
        currentRole == .leader && pendingConfIndex <= committed && leadTransferee == nil && !leaving
    }

    // MARK: Transferee

    /// `timeoutNow` from the leader: a follower that is a voter campaigns at once, without
    /// PreVote (etcd `campaignTransfer`). A candidate or leader ignores it.
    @inlinable
    mutating func handleTimeoutNow(from leader: Raft.NodeID) {
        guard currentRole == .follower, isVoter else { return }
        campaign(preVote: false, transfer: true)
    }
}
