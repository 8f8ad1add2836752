extension Raft {
    /// The state a member must persist before it sends any message that depends on it
    /// (Figure 2 "Persistent state on all servers", plus the commit index as etcd keeps it).
    public struct HardState: Equatable, Sendable {
        /// The latest term this member has seen.
        public var term: UInt64
        /// Whom this member voted for in `term`, if anyone: at most one vote per term (§5.2).
        public var vote: NodeID?
        /// The highest log index this member knows to be committed.
        public var commit: UInt64

        @inlinable
        public init(term: UInt64 = 0, vote: NodeID? = nil, commit: UInt64 = 0) {
            self.term = term
            self.vote = vote
            self.commit = commit
        }
    }

    /// The application's state as of a log index, standing in for every entry up to it (§7).
    public struct Snapshot<State> {
        /// The last entry the snapshot covers, and its term.
        public var index: UInt64
        public var term: UInt64
        /// The voters as of `index`, sorted.
        public var voters: [NodeID]
        /// The application's state after applying every entry through `index`.
        public var state: State

        @inlinable
        public init(index: UInt64, term: UInt64, voters: [NodeID], state: State) {
            self.index = index
            self.term = term
            self.voters = voters
            self.state = state
        }
    }

    /// A snapshot this member made itself with `RaftNode.compact`, and the first log index it
    /// still keeps (entries before it were dropped). The application already holds this state:
    /// storage keeps it, nobody applies it.
    public struct Compaction<State> {
        public var snapshot: Snapshot<State>
        public var firstIndex: UInt64

        @inlinable
        public init(snapshot: Snapshot<State>, firstIndex: UInt64) {
            self.snapshot = snapshot
            self.firstIndex = firstIndex
        }
    }
}

extension Raft.Snapshot: Equatable where State: Equatable {}
extension Raft.Snapshot: Sendable where State: Sendable {}
extension Raft.Compaction: Equatable where State: Equatable {}
extension Raft.Compaction: Sendable where State: Sendable {}
