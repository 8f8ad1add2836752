import SimCore

/// The swarm itself: identity, join tokens and the settings `docker swarm update` changes
/// (swarmkit's `api.Cluster`, reduced).
public struct ClusterRecord: Equatable, Sendable {
    public var id: String
    public var name = "default"
    /// `SWMTKN-1-<root CA digest>-<secret>`; the digest part is shared by both tokens.
    public var workerToken: String
    public var managerToken: String
    /// How often agents heartbeat (`--dispatcher-heartbeat`, default 5 s).
    public var dispatcherHeartbeat: SimDuration = .seconds(5)
    /// Tasks kept per slot, running one included (`--task-history-limit`, default 5).
    public var taskHistoryLimit = 5
    /// The key that unlocks a restarted manager (`SWMKEY-1-…`) while autolock is on
    /// (`--autolock`); nil when it is off (swarmkit keeps it in `Cluster.UnlockKeys`).
    public var unlockKey: String?
    public var createdAt: SimTime
    public var updatedAt: SimTime

    public init(id: String, workerToken: String, managerToken: String, createdAt: SimTime) {
        self.id = id; self.workerToken = workerToken; self.managerToken = managerToken
        self.createdAt = createdAt; self.updatedAt = createdAt
    }

    public func token(for role: NodeRole) -> String { role == .manager ? managerToken : workerToken }
}
