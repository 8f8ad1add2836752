import SimCore
import Orchestration

/// A node as `docker node ls` and `node inspect` see it: the stored record plus the manager
/// status the answering manager's Raft view gives.
public struct NodeView: Sendable, Equatable {
    public var record: NodeRecord
    public var managerStatus: ManagerStatus?

    public struct ManagerStatus: Sendable, Equatable {
        public var leader: Bool
        public var reachable: Bool
        public var address: String
        public var display: String { leader ? "Leader" : reachable ? "Reachable" : "Unreachable" }
    }
}
