import SimCore
import Orchestration

/// The answer to a `Call`.
enum Reply {
    /// Indirect (boxed): a result can be large (an inspected cluster, `info`), and every
    /// `WireMessage` and simulator event is as large as its largest case (see `Call.api`).
    indirect case api(EngineResult)
    case joined(nodeID: String, role: NodeRole, managers: [HostID])
    /// The new manager is a Raft voter now (it learns the configuration from the log).
    case raftJoined(voters: [UInt64])
    /// The next heartbeat is due after `period`; the node should have `role`; managers to try.
    case heartbeat(period: SimDuration, role: NodeRole, isRaftMember: Bool, managers: [HostID], term: UInt64, leader: UInt64)
    /// The leader took the reports (it proposes them; a lost proposal is re-reported when the
    /// agent next meets a new leader).
    case taskStatusAccepted
    case failed(EngineError)
}
