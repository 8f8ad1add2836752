// Log compaction and snapshot installation (§7; etcd raft.go `handleSnapshot`, `restore`;
// swarmkit manager/state/raft/raft.go `SnapshotInterval`, `LogEntriesForSlowFollowers`).

extension RaftNode {
    /// Whether the application should hand over its state for a snapshot: at least
    /// `snapshotInterval` entries applied since the last one.
    @inlinable
    public var needsSnapshot: Bool {
        applied > snapshotIndex && applied - snapshotIndex >= config.snapshotInterval
    }

    /// Makes a snapshot of the application's `state` as of `index` and drops the log entries
    /// before it, keeping `logEntriesForSlowFollowers` of them so that a follower slightly
    /// behind still catches up from the log. The next `ready()` carries it as `compaction`.
    ///
    /// - Precondition: `index ≤ appliedIndex` (the application cannot snapshot what it has not
    ///   applied). An index at or below the current snapshot does nothing.
    @inlinable
    public mutating func compact(through index: UInt64, state: State) {
        precondition(index <= applied, "Raft.compact(through: \(index)) beyond the applied index \(applied)")
        guard index > snapshotIndex, let snapshotTerm = log.term(at: index) else { return }
        let snapshot = Raft.Snapshot(index: index, term: snapshotTerm, voters: configuration(at: index), state: state)
        self.snapshot = snapshot
        let keep = config.logEntriesForSlowFollowers
        log.compact(through: index > keep ? index - keep : 0)
        pendingCompaction = Raft.Compaction(snapshot: snapshot, firstIndex: log.firstIndex)
    }

    /// InstallSnapshot receiver (§7). A snapshot no newer than the commit index is old news; one
    /// whose last entry the log already holds only moves the commit index; any other replaces
    /// the log, the configuration and (through `Ready.snapshot`) the application's state.
    @inlinable
    mutating func handleSnapshot(from leader: Raft.NodeID, _ s: Raft.Snapshot<State>) {
        guard s.index > committed else {
            send(to: leader, .appendResponse(index: committed, reject: false, hintIndex: 0, hintTerm: 0))
            return
        }
        if log.matches(index: s.index, term: s.term) {
            commitTo(s.index)
            send(to: leader, .appendResponse(index: committed, reject: false, hintIndex: 0, hintTerm: 0))
            return
        }
        log = RaftLog(baseIndex: s.index, baseTerm: s.term)
        snapshot = s
        committed = s.index
        membership = s.voters
        unstableFrom = s.index + 1
        handedOutThrough = s.index
        receivedSnapshot = s
        pendingCompaction = nil
        send(to: leader, .appendResponse(index: s.index, reject: false, hintIndex: 0, hintTerm: 0))
    }
}
