extension Raft {
    /// What a member is doing in its current term (§5.1; preCandidate from thesis §9.6).
    public enum Role: Equatable, Sendable, CustomStringConvertible {
        /// Replicates the leader's log and votes; campaigns when it stops hearing from a leader.
        case follower
        /// Asks for pre-votes without changing its term (only with `Config.preVote`).
        case preCandidate
        /// Has started an election in a new term and asks for votes.
        case candidate
        /// Accepts proposals and replicates them.
        case leader

        public var description: String {
            switch self {
            case .follower: "follower"
            case .preCandidate: "pre-candidate"
            case .candidate: "candidate"
            case .leader: "leader"
            }
        }
    }
}
