extension Raft {
    /// A message between two members. Every message carries its sender's term (§5.1): a higher
    /// term makes the receiver follow it, a lower one marks the message as stale.
    public struct Message<Command, State> {
        // `kind` first: its 33 bytes then pad to 40, and a message is exactly 64 bytes, moved
        // as four aligned blocks (with `kind` last it was 57, and every move ended in
        // overlapping unaligned stores that stalled the loads after them).
        public var kind: Kind
        public var from: NodeID
        public var to: NodeID
        public var term: UInt64

        @inlinable
        public init(from: NodeID, to: NodeID, term: UInt64, kind: Kind) {
            self.from = from
            self.to = to
            self.term = term
            self.kind = kind
        }

        /// The RPCs of Figure 2 and the thesis, split into requests and responses as etcd does.
        public enum Kind {
            /// RequestVote (§5.2): the candidate's last log entry, for the up-to-date check (§5.4.1).
            /// `transfer`: the candidate campaigns because the leader handed it leadership
            /// (`timeoutNow`), so a follower's leader lease does not hold the request back (etcd
            /// `campaignTransfer`).
            case vote(lastIndex: UInt64, lastTerm: UInt64, transfer: Bool = false)
            /// A vote granted or refused. Granted votes carry the request's term.
            case voteResponse(reject: Bool)
            /// A pre-vote (thesis §9.6) for the term `term`, which the sender has not entered yet.
            case preVote(lastIndex: UInt64, lastTerm: UInt64)
            /// A pre-vote granted (carrying the request's term) or refused (carrying the voter's).
            case preVoteResponse(reject: Bool)
            /// AppendEntries (§5.3): entries after (prevIndex, prevTerm), and the leader's commit
            /// index. Empty `entries` only advertise the commit index or probe the follower's log.
            case append(prevIndex: UInt64, prevTerm: UInt64, entries: [Entry<Command>], commit: UInt64)
            /// Accepted: the follower's log matches the leader's through `index`. Rejected: the
            /// follower has no entry matching the append's (prevIndex = `index`, prevTerm); its log
            /// term at `hintIndex` is `hintTerm`, for the leader's fast backtracking (etcd
            /// `RejectHint` and `LogTerm`, `findConflictByTerm`).
            case appendResponse(index: UInt64, reject: Bool, hintIndex: UInt64, hintTerm: UInt64)
            /// The leader's periodic keep-alive, with the commit index the follower may adopt
            /// (never beyond what the follower is known to hold).
            case heartbeat(commit: UInt64)
            case heartbeatResponse
            /// InstallSnapshot (§7): for a follower that needs entries the leader has compacted.
            indirect case installSnapshot(Snapshot<State>)
            /// Leadership transfer (thesis §3.10, etcd `MsgTimeoutNow`): the leader tells a
            /// follower whose log it has brought up to date to campaign at once.
            case timeoutNow
        }
    }
}

extension Raft.Message.Kind: Equatable where Command: Equatable, State: Equatable {}
extension Raft.Message: Equatable where Command: Equatable, State: Equatable {}
extension Raft.Message.Kind: Sendable where Command: Sendable, State: Sendable {}
extension Raft.Message: Sendable where Command: Sendable, State: Sendable {}

extension Raft.Message: CustomStringConvertible {
    /// One line, for traces and failing tests: `1→2 t3 append(prev 4@2, 2 entries, commit 4)`.
    public var description: String {
        let what: String
        switch kind {
        case .vote(let i, let t, let transfer): what = "vote(last \(i)@\(t)\(transfer ? ", transfer" : ""))"
        case .voteResponse(let reject): what = reject ? "vote rejected" : "vote granted"
        case .preVote(let i, let t): what = "pre-vote(last \(i)@\(t))"
        case .preVoteResponse(let reject): what = reject ? "pre-vote rejected" : "pre-vote granted"
        case .append(let pi, let pt, let entries, let commit):
            what = "append(prev \(pi)@\(pt), \(entries.count) entries, commit \(commit))"
        case .appendResponse(let index, let reject, let hi, let ht):
            what = reject ? "append rejected(\(index), hint \(hi)@\(ht))" : "append ok(\(index))"
        case .heartbeat(let commit): what = "heartbeat(commit \(commit))"
        case .heartbeatResponse: what = "heartbeat ok"
        case .installSnapshot(let s): what = "snapshot(\(s.index)@\(s.term))"
        case .timeoutNow: what = "timeout now"
        }
        return "\(from)→\(to) t\(term) \(what)"
    }
}
