extension Raft {
    /// Why a proposal was refused. Nothing was appended when one of these is thrown.
    public enum ProposalError: Error, Equatable, Sendable, CustomStringConvertible {
        /// Only the leader accepts proposals; `leader` is whom this member follows, if anyone.
        case notLeader(leader: NodeID?)
        /// A membership change is still uncommitted (or this leader has not yet committed an
        /// entry of its own term): one change at a time (thesis §4.1, etcd `pendingConfIndex`).
        case membershipChangeInProgress
        /// Removing the member would leave fewer reachable voters than the new quorum
        /// (swarmkit `CanRemoveMember`, `ErrCannotRemoveMember`).
        case wouldLoseQuorum
        /// The member to remove is not a voter.
        case unknownMember
        /// The member to add is already a voter.
        case alreadyMember
        /// The leader is handing leadership to another member and takes no proposals meanwhile
        /// (etcd `ErrProposalDropped`).
        case proposalDropped

        public var description: String {
            switch self {
            case .notLeader(let leader?): "not the leader (the leader is \(leader))"
            case .notLeader(nil): "not the leader, and no leader is known"
            case .membershipChangeInProgress: "a membership change is already in progress"
            // swarmkit's message (`ErrCannotRemoveMember`), which the docker CLI shows.
            case .wouldLoseQuorum: "can't remove member from the raft: this would result in a loss of quorum"
            case .unknownMember: "not a member of the raft"
            case .alreadyMember: "already a member of the raft"
            // etcd's `ErrProposalDropped`, which swarmkit hands back as it is.
            case .proposalDropped: "raft proposal dropped"
            }
        }
    }
}
