extension Raft {
    /// A single-server membership change (thesis §4.1): one voter added or removed at a time.
    public struct MembershipChange: Equatable, Sendable, CustomStringConvertible {
        public enum Kind: Equatable, Sendable { case addVoter, removeVoter }
        public var kind: Kind
        public var node: NodeID

        @inlinable
        public init(kind: Kind, node: NodeID) {
            self.kind = kind
            self.node = node
        }

        @inlinable public static func addVoter(_ node: NodeID) -> MembershipChange { .init(kind: .addVoter, node: node) }
        @inlinable public static func removeVoter(_ node: NodeID) -> MembershipChange { .init(kind: .removeVoter, node: node) }

        /// `voters` after this change, sorted.
        @inlinable
        func applied(to voters: [NodeID]) -> [NodeID] {
            switch kind {
            case .addVoter: voters.contains(node) ? voters : (voters + [node]).sorted()
            case .removeVoter: voters.filter { $0 != node }
            }
        }

        public var description: String {
            switch kind {
            case .addVoter: "add voter \(node)"
            case .removeVoter: "remove voter \(node)"
            }
        }
    }

    /// What a log entry carries.
    public enum Payload<Command> {
        /// The no-op a leader appends at the start of its term, so that it can commit entries of
        /// earlier terms (§5.4.2, §8).
        case empty
        /// An application command, proposed with `RaftNode.propose`.
        ///
        /// Boxed: an entry is copied into the log, stable storage, each Ready and each append
        /// message, and a log holds up to `snapshotInterval + logEntriesForSlowFollowers` of
        /// them. Boxed, every copy shares one command and an entry stays a few words wide
        /// whatever the size of `Command` (etcd's entries likewise hold their data by reference).
        indirect case command(Command)
        /// A membership change, proposed with `RaftNode.proposeMembership`. It takes effect on
        /// every member when the member learns that it is committed (as in etcd and swarmkit).
        /// Boxed too (it is rare): the payload is then one word, and an entry three.
        indirect case membership(MembershipChange)
    }

    /// One slot of the replicated log: the term of the leader that created it, its position,
    /// and what it carries (§5.3).
    public struct Entry<Command> {
        public var term: UInt64
        public var index: UInt64
        public var payload: Payload<Command>

        @inlinable
        public init(term: UInt64, index: UInt64, payload: Payload<Command>) {
            self.term = term
            self.index = index
            self.payload = payload
        }
    }
}

extension Raft.Payload: Equatable where Command: Equatable {}
extension Raft.Payload: Sendable where Command: Sendable {}
extension Raft.Entry: Equatable where Command: Equatable {}
extension Raft.Entry: Sendable where Command: Sendable {}

extension Raft.Entry: CustomStringConvertible {
    public var description: String {
        switch payload {
        case .empty: "\(index)@\(term) no-op"
        case .command(let c): "\(index)@\(term) \(c)"
        case .membership(let m): "\(index)@\(term) \(m)"
        }
    }
}
