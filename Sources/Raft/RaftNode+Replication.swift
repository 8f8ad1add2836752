// Log replication and commitment (§5.3, §5.4.2; etcd raft.go `appendEntry`, `bcastAppend`,
// `maybeSendAppend`, `handleAppendEntries`, `stepLeader` MsgAppResp/MsgHeartbeatResp).

extension RaftNode {
    // MARK: Proposals

    /// Appends `command` to the leader's log and sends it to the followers.
    /// - Returns: the new entry's index. It is committed when `commitIndex` reaches it and the
    ///   entry at that index still has this term (a later leader may have replaced it).
    /// - Throws: `.notLeader` on a follower or candidate, and (naming no leader) on a leader
    ///   that has proposed its own removal.
    @inlinable
    public mutating func propose(_ command: Command) throws(Raft.ProposalError) -> UInt64 {
        guard currentRole == .leader else { throw .notLeader(leader: knownLeader) }
        guard !leaving else { throw .notLeader(leader: nil) }
        guard leadTransferee == nil else { throw .proposalDropped }
        let index = appendEntry(.command(command))
        broadcastAppend()
        return index
    }

    /// Leader: appends one entry of this term, counting it as held by the leader itself.
    @inlinable @discardableResult
    mutating func appendEntry(_ payload: Raft.Payload<Command>) -> UInt64 {
        let index = log.lastIndex + 1
        log.append(Raft.Entry(term: currentTerm, index: index, payload: payload))
        if let k = progressIndex(of: id) { _ = progress[k].update(matched: index) }
        maybeCommit()   // a lone voter commits at once
        return index
    }

    // MARK: Leader → followers

    /// Sends every follower what it is missing, or an empty append that carries the commit index.
    @inlinable
    mutating func broadcastAppend() {
        for k in progress.indices where progress[k].id != id { sendAppend(k) }
    }

    /// Sends the next append to the follower `progress[k]` unless its flow is paused; sends the
    /// snapshot instead when the entries it needs have been compacted (§7).
    /// - Returns: whether a message went out.
    @inlinable @discardableResult
    mutating func sendAppend(_ k: Int, sendIfEmpty: Bool = true) -> Bool {
        let next = progress[k].next
        guard !progress[k].isPaused(maxInflight: config.maxInflightAppends) else { return false }
        precondition(next - 1 <= log.lastIndex, "Raft: \(progress[k].id) is said to hold \(next - 1), beyond the leader's last index \(log.lastIndex)")
        guard let prevTerm = log.term(at: next - 1) else {
            sendSnapshot(k)
            return true
        }
        let last = min(log.lastIndex, next + UInt64(config.maxEntriesPerAppend) - 1)
        let carries = next <= last
        if !carries && !sendIfEmpty { return false }
        // Built where it is queued, the entries' array (shared by every follower at `next`) moves
        // into the message; built before the outbox is made ready, it was retained for the
        // message and then released.
        prepareOutbox()
        outbox.append(Raft.Message(from: id, to: progress[k].id, term: currentTerm,
                                   kind: .append(prevIndex: next - 1, prevTerm: prevTerm, entries: log.array(from: next, through: last), commit: committed)))
        if carries { progress[k].sent(through: last) }
        return true
    }

    @inlinable
    mutating func sendSnapshot(_ k: Int) {
        guard let snapshot else {
            preconditionFailure("Raft: \(progress[k].id) needs compacted entries before \(log.firstIndex), but there is no snapshot")
        }
        progress[k].becomeSnapshot(snapshot.index)
        send(to: progress[k].id, .installSnapshot(snapshot))
    }

    /// Heartbeats carry the commit index, but never beyond what the follower is known to hold.
    @inlinable
    mutating func broadcastHeartbeat() {
        for k in progress.indices where progress[k].id != id {
            send(to: progress[k].id, .heartbeat(commit: min(progress[k].match, committed)))
        }
    }

    // MARK: Follower

    /// AppendEntries receiver (Figure 2): reject unless the log holds (prevIndex, prevTerm);
    /// otherwise drop any conflicting suffix, append what is new, and adopt the leader's commit
    /// index up to the last new entry. A rejection carries the fast-backtracking hint.
    @inlinable
    mutating func handleAppend(from leader: Raft.NodeID, prevIndex: UInt64, prevTerm: UInt64,
                               entries: [Raft.Entry<Command>], commit: UInt64) {
        if prevIndex < committed {
            send(to: leader, .appendResponse(index: committed, reject: false, hintIndex: 0, hintTerm: 0))
            return
        }
        guard log.matches(index: prevIndex, term: prevTerm) else {
            let hint = log.lastIndex(atOrBefore: prevIndex, withTermAtMost: prevTerm)
            send(to: leader, .appendResponse(index: prevIndex, reject: true, hintIndex: hint.index, hintTerm: hint.term))
            return
        }
        let lastNew = prevIndex + UInt64(entries.count)
        if let conflict = log.firstConflict(in: entries[...]) {
            precondition(conflict > committed, "Raft: entry \(conflict) conflicts with a committed entry (commit \(committed))")
            let start = Int(conflict - prevIndex - 1)
            if start == 0 { log.append(whole: entries) } else { log.append(entries[start...]) }
            unstableFrom = min(unstableFrom, conflict)
        }
        commitTo(min(commit, lastNew))
        send(to: leader, .appendResponse(index: lastNew, reject: false, hintIndex: 0, hintTerm: 0))
    }

    @inlinable
    mutating func handleHeartbeat(from leader: Raft.NodeID, commit: UInt64) {
        commitTo(commit)
        send(to: leader, .heartbeatResponse)
    }

    // MARK: Leader ← followers

    @inlinable
    mutating func handleAppendResponse(_ k: Int, index: UInt64, reject: Bool, hintIndex: UInt64, hintTerm: UInt64) {
        markHeard(k)
        if reject {
            // The follower's log has term `hintTerm` at `hintIndex`: no entry of ours after the
            // last one with a term ≤ that can match, so probe there next.
            let matchHint = hintTerm > 0 ? log.lastIndex(atOrBefore: hintIndex, withTermAtMost: hintTerm).index : hintIndex
            if progress[k].decrease(rejected: index, matchHint: matchHint) {
                if progress[k].state == .replicate { progress[k].becomeProbe() }
                sendAppend(k)
            }
            return
        }
        let wasPaused = progress[k].isPaused(maxInflight: config.maxInflightAppends)
        guard progress[k].update(matched: index) else { return }
        switch progress[k].state {
        case .probe:
            progress[k].becomeReplicate()
        case .snapshot:
            if progress[k].match >= progress[k].pendingSnapshot {
                progress[k].becomeProbe()
                progress[k].becomeReplicate()
            }
        case .replicate:
            progress[k].acknowledge(through: index)
        }
        let follower = progress[k].id
        if maybeCommit() {
            broadcastAppend()
        } else if wasPaused {
            sendAppend(k)
        }
        // A committed membership change may have reshaped `progress`, or removed this leader.
        guard currentRole == .leader, let k = progressIndex(of: follower) else { return }
        // Only a follower behind the last index can be sent more (asked first: a call to learn
        // that nothing is due cost as much as a send).
        while progress[k].next <= log.lastIndex && sendAppend(k, sendIfEmpty: false) {}
        if follower == leadTransferee && progress[k].match == log.lastIndex { send(to: follower, .timeoutNow) }
    }

    @inlinable
    mutating func handleHeartbeatResponse(_ k: Int) {
        markHeard(k)
        progress[k].probeSent = false
        switch progress[k].state {
        case .replicate where progress[k].inflight.count >= config.maxInflightAppends:
            progress[k].inflight.removeFirst()   // a lost append must not stall the stream
        case .snapshot where progress[k].ticksSinceSnapshot >= config.electionTicks:
            progress[k].becomeProbe()            // the snapshot was lost, or the answer was
        default:
            break
        }
        if progress[k].match < log.lastIndex { sendAppend(k) }
    }

    @inlinable
    mutating func markHeard(_ k: Int) {
        progress[k].recentActive = true
        progress[k].lastHeard = ticks
    }

    // MARK: Commitment

    /// Leader: commits up to the highest index a quorum of voters holds, if that entry is of
    /// this term (§5.4.2: entries of earlier terms commit only along with one of this term).
    /// - Returns: whether the commit index moved.
    @inlinable @discardableResult
    mutating func maybeCommit() -> Bool {
        var moved = false
        while currentRole == .leader {
            // Most answers move nothing: fewer than a quorum hold anything past the commit index.
            var ahead = 0
            for i in progress.indices where progress[i].match > committed { ahead += 1 }
            guard ahead >= quorum else { break }
            // The largest match that at least a quorum of voters has reached (n ≤ 7: no sort).
            // Indices, not `for p in progress`: copying a Progress retains its inflight array.
            var quorumMatch: UInt64 = 0
            let needed = quorum
            for i in progress.indices where progress[i].match > quorumMatch {
                let candidate = progress[i].match
                var holders = 0
                for j in progress.indices where progress[j].match >= candidate { holders += 1 }
                if holders >= needed { quorumMatch = candidate }
            }
            guard quorumMatch > committed, log.term(at: quorumMatch) == currentTerm else { break }
            commitTo(quorumMatch)   // may change the voters, and so the quorum: look again
            moved = true
        }
        return moved
    }

    /// Raises the commit index to `index` (never lowers it), applying membership changes as
    /// they commit.
    @inlinable
    mutating func commitTo(_ index: UInt64) {
        guard index > committed else { return }
        precondition(index <= log.lastIndex, "Raft: commit index \(index) is beyond the last index \(log.lastIndex)")
        let first = committed + 1
        committed = index
        for i in first...index {
            if case .membership(let change) = log.entries[log.offset(i)].payload { applyMembership(change) }
        }
    }
}
