// Handing work to the shell (etcd rawnode.go `HasReady`, `Ready`, `Advance`).

extension RaftNode {
    /// Whether `ready()` has anything to hand out.
    ///
    /// Always inlined: called on a node held in an array or a class, or lent `inout`, a getter
    /// that is not inlined is handed a copy of the whole node (half a kilobyte and more).
    @inlinable @inline(__always)
    public var hasReady: Bool {
        !outbox.isEmpty || unstableFrom <= log.lastIndex || committed > handedOutThrough
            || currentRole != reportedRole || knownLeader != reportedLeader
            || hardStateChanged || receivedSnapshot != nil || pendingCompaction != nil
    }

    /// Whether term, vote or commit index differ from the hard state last handed out. Field by
    /// field: the synthesized `!=` of `HardState` is a call across modules.
    @inlinable @inline(__always)
    var hardStateChanged: Bool {
        currentTerm != reportedHardState.term || vote != reportedHardState.vote || committed != reportedHardState.commit
    }

    /// Hands out everything that happened since the last call: what to persist, send and apply
    /// (see `Raft.Ready` for the order). Each thing is handed out once.
    @inlinable
    public mutating func ready() -> Raft.Ready<Command, State> {
        var r = Raft.Ready<Command, State>()
        log.keepsAppendedArrays = true
        if hardStateChanged {
            let hs = hardState
            r.hardState = hs
            reportedHardState = hs
        }
        if unstableFrom <= log.lastIndex {
            r.entries = log.array(from: max(unstableFrom, log.firstIndex), through: log.lastIndex)
        }
        unstableFrom = log.lastIndex + 1
        if receivedSnapshot != nil { swap(&r.snapshot, &receivedSnapshot) }
        if pendingCompaction != nil { swap(&r.compaction, &pendingCompaction) }
        if !outbox.isEmpty { swap(&r.messages, &outbox) }
        if committed > handedOutThrough {
            r.committed = log.array(from: handedOutThrough + 1, through: committed)
            handedOutThrough = committed
        }
        if currentRole != reportedRole {
            r.role = currentRole
            reportedRole = currentRole
        }
        if knownLeader != reportedLeader {
            r.leader = .some(knownLeader)
            reportedLeader = knownLeader
        }
        return r
    }

    /// One turn of the Ready loop without building a `Ready`, for a shell that persists to a
    /// `Raft.Storage`: does what `ready()`, `Storage.persist(_:)` and `advance()` do, in the
    /// Ready's order. Persists into `storage`; hands the messages to `send` (the shell's to
    /// keep); passes a received snapshot to `load`, then each committed entry, in log order, to
    /// `apply`; marks the role and leader reported (read them from `role` and `leader`).
    /// Leaves `hasReady` false: what the shell does next (`compact`, `step`, …) may change that.
    /// With nothing ready it changes nothing, so a shell may call it without asking `hasReady`.
    ///
    /// Always inlined, so that the closures are inlined into the shell's loop too.
    @inlinable @inline(__always)
    public mutating func handOut(persistingTo storage: inout Raft.Storage<Command, State>,
                                 send: (consuming [Raft.Message<Command, State>]) -> Void,
                                 load: (Raft.Snapshot<State>) -> Void,
                                 apply: (Raft.Entry<Command>) -> Void) {
        if let c = pendingCompaction {
            storage.compact(c)
            pendingCompaction = nil
        }
        if let s = receivedSnapshot { storage.install(s) }
        if unstableFrom <= log.lastIndex {
            storage.append(log.offset(max(unstableFrom, log.firstIndex))...log.offset(log.lastIndex), of: log)
        }
        unstableFrom = log.lastIndex + 1
        if hardStateChanged {
            let hs = hardState
            storage.storedHardState = hs
            reportedHardState = hs
        }
        if !outbox.isEmpty {
            var messages: [Raft.Message<Command, State>] = []
            swap(&messages, &outbox)
            send(messages)
        }
        if let s = receivedSnapshot {
            receivedSnapshot = nil
            load(s)
        }
        if committed > handedOutThrough {
            for i in log.offset(handedOutThrough + 1)...log.offset(committed) { apply(log.entries[i]) }
            handedOutThrough = committed
        }
        reportedRole = currentRole
        reportedLeader = knownLeader
        applied = handedOutThrough
    }

    /// Gives back the `messages` of a Ready once the shell has sent them (and holds no other
    /// copy of the array), so that a later outbox reuses the buffer instead of allocating one.
    /// Optional: a shell that keeps its messages simply never calls it. Leaves `messages` empty.
    @inlinable
    public mutating func recycle(_ messages: inout [Raft.Message<Command, State>]) {
        // One by one: `removeAll` destroys the elements through the generic runtime, a
        // metadata lookup and an unspecialized destroy per message.
        while messages.popLast() != nil {}
        if messages.capacity > spareOutbox.capacity { swap(&messages, &spareOutbox) }
    }

    /// Acknowledges the last `ready()`: its committed entries (and snapshot) are applied.
    @inlinable
    public mutating func advance() {
        applied = handedOutThrough
    }
}
