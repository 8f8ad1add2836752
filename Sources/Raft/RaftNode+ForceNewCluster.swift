// Recovering a cluster that lost quorum: swarmkit's `--force-new-cluster`
// (manager/state/raft/raft.go `loadAndStart`, `createConfigChangeEnts`).

extension RaftNode {
    /// Makes a member just restored from storage the only voter of its cluster, as swarmkit's
    /// `--force-new-cluster` does: the entries after its commit index are discarded, one
    /// membership entry per other voter removes it (and one adds this member if it was not a
    /// voter), all in the stored term and counted committed at once. The store the committed
    /// entries build is kept; what only the lost majority had committed is gone.
    ///
    /// Call it before the first `ready()`, which then hands out the new entries to persist and,
    /// with every committed entry, to apply. The member does not campaign by itself: call
    /// `campaign()`.
    /// - Returns: the members removed, sorted (swarmkit adds them to its removed list, so as
    ///   never to talk to them again).
    public mutating func forceNewCluster() -> [Raft.NodeID] {
        let removed = membership.filter { $0 != id }
        var changes = removed.map(Raft.MembershipChange.removeVoter)
        if !membership.contains(id) { changes.append(.addVoter(id)) }
        guard !changes.isEmpty else { return [] }
        let first = committed + 1
        let entries = changes.enumerated().map {
            Raft.Entry<Command>(term: currentTerm, index: first + UInt64($0.offset), payload: .membership($0.element))
        }
        log.append(entries[...])
        committed = log.lastIndex
        membership = configuration(at: committed)
        unstableFrom = min(unstableFrom, first)
        return removed
    }
}
