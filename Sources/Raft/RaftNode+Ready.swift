// Handing work to the shell (etcd rawnode.go `HasReady`, `Ready`, `Advance`).

extension RaftNode {
    /// Whether `ready()` has anything to hand out.
    public var hasReady: Bool {
        !outbox.isEmpty || unstableFrom <= log.lastIndex || commitIndex > handedOutThrough
            || hardState != reportedHardState || receivedSnapshot != nil || pendingCompaction != nil
            || role != reportedRole || leader != reportedLeader
    }

    /// Hands out everything that happened since the last call: what to persist, send and apply
    /// (see `Raft.Ready` for the order). Each thing is handed out once.
    public mutating func ready() -> Raft.Ready<Command, State> {
        var r = Raft.Ready<Command, State>()
        let hs = hardState
        if hs != reportedHardState {
            r.hardState = hs
            reportedHardState = hs
        }
        if unstableFrom <= log.lastIndex {
            r.entries = Array(log.entries(from: max(unstableFrom, log.firstIndex), through: log.lastIndex))
        }
        unstableFrom = log.lastIndex + 1
        r.snapshot = receivedSnapshot
        receivedSnapshot = nil
        r.compaction = pendingCompaction
        pendingCompaction = nil
        if !outbox.isEmpty { swap(&r.messages, &outbox) }
        if commitIndex > handedOutThrough {
            r.committed = Array(log.entries(from: handedOutThrough + 1, through: commitIndex))
            handedOutThrough = commitIndex
        }
        if role != reportedRole {
            r.role = role
            reportedRole = role
        }
        if leader != reportedLeader {
            r.leader = .some(leader)
            reportedLeader = leader
        }
        return r
    }

    /// Acknowledges the last `ready()`: its committed entries (and snapshot) are applied.
    public mutating func advance() {
        appliedIndex = handedOutThrough
    }
}
