// Membership changes, one voter at a time (thesis §4.1, §4.2; swarmkit membership checks in
// manager/state/raft/raft.go `CanRemoveMember`; etcd `pendingConfIndex`).

extension RaftNode {
    // MARK: Proposing

    /// Proposes adding or removing one voter.
    ///
    /// Refused unless this member leads and every earlier change is committed (and so is this
    /// leader's no-op: Ongaro's 2015 fix to single-server changes); a removal is refused when
    /// fewer than the new quorum of the remaining voters would be reachable (`canRemove`).
    /// - Returns: the entry's index. The change takes effect on each member when it learns that
    ///   the entry is committed; a leader that removed itself then steps down. A leader that
    ///   proposes its own removal takes no more proposals, so that the removal is its last entry:
    ///   every voter that helped commit it then holds the leader's whole log, and the stepped-down
    ///   leader will vote for it.
    @inlinable
    public mutating func proposeMembership(_ change: Raft.MembershipChange) throws(Raft.ProposalError) -> UInt64 {
        guard currentRole == .leader else { throw .notLeader(leader: knownLeader) }
        guard pendingConfIndex <= committed else { throw .membershipChangeInProgress }
        guard leadTransferee == nil else { throw .proposalDropped }
        switch change.kind {
        case .addVoter:
            guard !membership.contains(change.node) else { throw .alreadyMember }
        case .removeVoter:
            guard membership.contains(change.node) else { throw .unknownMember }
            guard canRemove(change.node) else { throw .wouldLoseQuorum }
        }
        let index = log.lastIndex + 1
        pendingConfIndex = index
        if change.kind == .removeVoter && change.node == id { leaving = true }
        appendEntry(.membership(change))
        if currentRole == .leader { broadcastAppend() }
        return index
    }

    // MARK: The leader's view of the members

    /// Leader's view: whether removing `node` would still leave a quorum of the remaining voters
    /// reachable (this leader counts as reachable). False on a non-leader, which cannot know.
    /// swarmkit `CanRemoveMember`.
    @inlinable
    public func canRemove(_ node: Raft.NodeID) -> Bool {
        guard currentRole == .leader else { return false }
        let remaining = membership.filter { $0 != node }
        var reachable = 0
        for voter in remaining where isReachable(voter) { reachable += 1 }
        return reachable >= remaining.count / 2 + 1
    }

    /// Leader's view: whether `node` answered within the last `electionTicks` ticks (or is this
    /// leader). Backs MANAGER STATUS Reachable/Unreachable in `docker node ls`. False on a
    /// non-leader, and for a voter not heard from yet in this term.
    @inlinable
    public func isReachable(_ node: Raft.NodeID) -> Bool {
        guard currentRole == .leader else { return false }
        if node == id { return true }
        guard let k = progressIndex(of: node), let heard = progress[k].lastHeard else { return false }
        return ticks - heard < UInt64(config.electionTicks)
    }

    // MARK: Applying

    /// A membership entry committed: adopt the new configuration. A leader starts (or stops)
    /// replicating to the member; a leader that removed itself tells the others the commit
    /// index, then steps down (thesis §4.2.2). A follower whose leader was removed forgets it,
    /// so that it grants votes at once (swarmkit `applyRemoveNode` even campaigns).
    ///
    /// Configurations apply on commit, so a remaining voter that missed the commit still counts
    /// the removed member, and may need its vote to elect the next leader. A shell should keep a
    /// removed member's node running until a remaining member has applied the removal (swarmkit
    /// waits for the commit to be acknowledged before the removed node closes its connections).
    @inlinable
    mutating func applyMembership(_ change: Raft.MembershipChange) {
        membership = change.applied(to: membership)
        if change.kind == .removeVoter && change.node == leadTransferee { abortLeadershipTransfer() }
        if change.kind == .removeVoter && change.node == knownLeader && change.node != id { knownLeader = nil }
        guard currentRole == .leader else { return }
        switch change.kind {
        case .addVoter:
            guard progressIndex(of: change.node) == nil else { return }
            var p = Progress(id: change.node, next: log.lastIndex + 1)
            p.recentActive = true   // a new member gets one CheckQuorum round of grace (etcd)
            let at = progress.firstIndex { $0.id > change.node } ?? progress.endIndex
            progress.insert(p, at: at)
            sendAppend(at)
        case .removeVoter:
            // One last append tells a removed follower that its removal committed, so that it
            // stops counting itself a voter (best effort: it may be lost, or the follower behind).
            if change.node != id, let k = progressIndex(of: change.node) { sendAppend(k) }
            progress.removeAll { $0.id == change.node }
            if change.node == id {
                broadcastAppend()
                becomeFollower(term: currentTerm, leader: nil)
            }
        }
    }
}
