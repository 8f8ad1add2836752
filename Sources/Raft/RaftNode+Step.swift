// Message dispatch: the term rules every message obeys, then the handler for the role
// (§5.1 "If RPC request or response contains term T > currentTerm: set currentTerm = T, convert
// to follower"; etcd raft.go `Step`, `stepLeader`, `stepCandidate`, `stepFollower`).

extension RaftNode {
    /// Handles one message from a peer.
    ///
    /// - A message from a higher term makes this member a follower in that term (following the
    ///   sender if it is a leader), except: a vote request while this member's leader lease holds
    ///   (CheckQuorum: it heard from a leader within `electionTicks`) is ignored outright; a
    ///   pre-vote request and a granted pre-vote answer change no term.
    /// - A message from a lower term is stale: ignored, except that an append or heartbeat from
    ///   a deposed leader is answered with this member's term (with CheckQuorum or PreVote, so
    ///   the old leader steps down), and a pre-vote is refused.
    /// - Messages addressed to another member are ignored.
    ///
    /// Always inlined (it only dispatches), so that the message is read where the shell holds
    /// it: called, it was handed a copy of every message.
    @inlinable @inline(__always)
    public mutating func step(_ m: Raft.Message<Command, State>) {
        guard m.to == id, m.from != id else { return }
        if m.term > currentTerm {
            guard adoptHigherTerm(of: m) else { return }
        } else if m.term < currentTerm {
            answerStale(m)
            return
        }

        switch m.kind {
        case .vote(let lastIndex, let lastTerm, _):
            handleVoteRequest(from: m.from, term: m.term, lastIndex: lastIndex, lastTerm: lastTerm, preVote: false)
        case .preVote(let lastIndex, let lastTerm):
            handleVoteRequest(from: m.from, term: m.term, lastIndex: lastIndex, lastTerm: lastTerm, preVote: true)
        case .voteResponse(let reject):
            if currentRole == .candidate { handleVoteResponse(from: m.from, reject: reject) }
        case .preVoteResponse(let reject):
            if currentRole == .preCandidate { handleVoteResponse(from: m.from, reject: reject) }
        case .append(let prevIndex, let prevTerm, let entries, let commit):
            guard acceptLeader(m.from) else { return }
            handleAppend(from: m.from, prevIndex: prevIndex, prevTerm: prevTerm, entries: entries, commit: commit)
        case .heartbeat(let commit):
            guard acceptLeader(m.from) else { return }
            handleHeartbeat(from: m.from, commit: commit)
        case .installSnapshot(let snapshot):
            guard acceptLeader(m.from) else { return }
            handleSnapshot(from: m.from, snapshot)
        case .appendResponse(let index, let reject, let hintIndex, let hintTerm):
            guard currentRole == .leader, let k = progressIndex(of: m.from) else { return }
            handleAppendResponse(k, index: index, reject: reject, hintIndex: hintIndex, hintTerm: hintTerm)
        case .heartbeatResponse:
            guard currentRole == .leader, let k = progressIndex(of: m.from) else { return }
            handleHeartbeatResponse(k)
        case .timeoutNow:
            handleTimeoutNow(from: m.from)
        }
    }

    /// A message from a higher term: this member becomes a follower in that term (following
    /// the sender if it is a leader), except that a pre-vote request and a granted pre-vote
    /// answer change no term. Returns false for a vote request ignored under a leader lease.
    @inlinable
    mutating func adoptHigherTerm(of m: Raft.Message<Command, State>) -> Bool {
        switch m.kind {
        case .vote(_, _, transfer: true):
            break   // a leadership transfer: the lease yields (etcd `campaignTransfer`)
        case .vote, .preVote:
            if config.checkQuorum && knownLeader != nil && electionElapsed < config.electionTicks { return false }
        default:
            break
        }
        switch m.kind {
        case .preVote:
            break
        case .preVoteResponse(reject: false):
            break
        case .append, .heartbeat, .installSnapshot:
            becomeFollower(term: m.term, leader: m.from)
        default:
            becomeFollower(term: m.term, leader: nil)
        }
        return true
    }

    /// A message from a lower term: an append or heartbeat from a deposed leader is answered
    /// with this member's term (with CheckQuorum or PreVote), a pre-vote is refused.
    @inlinable
    mutating func answerStale(_ m: Raft.Message<Command, State>) {
        switch m.kind {
        case .append, .heartbeat:
            if config.checkQuorum || config.preVote {
                send(to: m.from, .appendResponse(index: 0, reject: false, hintIndex: 0, hintTerm: 0))
            }
        case .preVote:
            send(to: m.from, .preVoteResponse(reject: true))
        default:
            break
        }
    }

    /// A message from the leader of this term: a (pre-)candidate concedes (§5.2), a follower
    /// resets its election timer. A leader never hears from another leader of its own term.
    @inlinable
    mutating func acceptLeader(_ from: Raft.NodeID) -> Bool {
        switch currentRole {
        case .leader:
            return false
        case .preCandidate, .candidate:
            becomeFollower(term: currentTerm, leader: from)
        case .follower:
            knownLeader = from
        }
        electionElapsed = 0
        return true
    }

    /// Queues a message stamped with this member's term (or `term`, for vote answers).
    ///
    /// Always inlined, so that the message is built where it is queued: called, it copied its
    /// kind (and retained an append's entries) once more.
    @inlinable @inline(__always)
    mutating func send(to: Raft.NodeID, term messageTerm: UInt64? = nil, _ kind: Raft.Message<Command, State>.Kind) {
        prepareOutbox()
        outbox.append(Raft.Message(from: id, to: to, term: messageTerm ?? currentTerm, kind: kind))
    }

    /// The outbox is handed out whole by every ready(); start the next one in a buffer the
    /// shell gave back, else with room for a broadcast rather than growing it one message at a
    /// time.
    @inlinable @inline(__always)
    mutating func prepareOutbox() {
        if outbox.capacity == 0 {
            if spareOutbox.capacity > 0 { swap(&outbox, &spareOutbox) } else { outbox.reserveCapacity(max(membership.count, 4)) }
        }
    }

    @inlinable
    func progressIndex(of node: Raft.NodeID) -> Int? {
        progress.firstIndex { $0.id == node }
    }
}
