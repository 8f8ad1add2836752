import Raft

extension Raft.Message.Kind {
    /// A short name for traces.
    var traceName: String {
        switch self {
        case .vote: "vote"
        case .voteResponse: "voteResponse"
        case .preVote: "preVote"
        case .preVoteResponse: "preVoteResponse"
        case .append: "append"
        case .appendResponse: "appendResponse"
        case .heartbeat: "heartbeat"
        case .heartbeatResponse: "heartbeatResponse"
        case .installSnapshot: "installSnapshot"
        case .timeoutNow: "timeoutNow"
        }
    }
}
