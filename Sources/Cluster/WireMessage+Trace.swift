/// Short names of messages, for traces.
extension WireMessage {
    var traceKind: String {
        switch self {
        case .raft(let m): "raft.\(m.kind.traceName)"
        case .call(_, let c):
            switch c {
            case .api: "call.api"
            case .join: "call.join"
            case .raftJoin: "call.raftJoin"
            case .heartbeat: "call.heartbeat"
            case .taskStatus: "call.taskStatus"
            }
        case .reply: "reply"
        case .raftMemberRemoved: "raft.memberRemoved"
        case .assignments: "assignments"
        case .mesh: "mesh"
        case .meshNodeLeft: "mesh.nodeLeft"
        case .meshRequest: "mesh.request"
        case .meshResponse: "mesh.response"
        }
    }
}
