import SimCore
import Orchestration

/// The Swarm section of `docker info` on one engine.
public struct SwarmInfo: Sendable, Equatable {
    public enum LocalState: String, Sendable { case inactive, pending, active, error, locked }
    public var localState: LocalState
    public var nodeID: String
    public var nodeAddress: String
    public var isManager: Bool
    public var clusterID: String?
    public var managers: Int?
    public var nodes: Int?
    public var managerAddresses: [String]
    public var dispatcherHeartbeat: SimDuration?
    public var taskHistoryLimit: Int?
    public var snapshotInterval: UInt64
    public var electionTicks: Int
    public var heartbeatTicks: Int
    public var logEntriesForSlowFollowers: UInt64
    /// `--autolock` is on (`Autolock Managers: true`).
    public var autolock = false
    /// moby `Info().Swarm.Error`: on a manager whose control API has no leader to ask.
    public var error: String? = nil
    /// The engine's own machine and containers, for the rest of `docker info`.
    public var engine = EngineDescription()
}
