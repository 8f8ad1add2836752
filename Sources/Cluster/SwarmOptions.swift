import SimCore
import SimNetwork
import Raft
import Orchestration

/// Everything a run can be configured with, as plain values. Defaults are swarmkit's.
public struct SwarmOptions: Sendable, Equatable {
    public var seed: UInt64 = 0
    /// Raft's logical clock period (swarmkit: 1 s).
    public var raftTick: SimDuration = .seconds(1)
    public var raft = Raft.Config()
    /// How long a manager takes to write a Raft `Ready`'s hard state and entries to disk before
    /// the messages that depend on them go out (swarmkit's WAL write and fsync). Zero: at once.
    public var raftPersistLatency: Latency = .fixed(.zero)
    /// How far each Raft tick interval may stray from `raftTick`, in all (uniform in ±half of
    /// it): a real server's timer wakes a little early or late and the next wait starts from
    /// there. Zero (the default): every tick exactly `raftTick` after the last.
    public var raftTickJitter: SimDuration = .zero
    /// A member that learns a higher term from a vote request and grants its vote writes twice
    /// (the term, then the vote: LogCabin's `stepDown` then `updateLogMetadata`), so its answer
    /// waits two `raftPersistLatency` draws. False (etcd, swarmkit): one write holds both.
    public var raftTermWriteFirst = false
    /// The heartbeat period a new swarm gets (`swarm init --dispatcher-heartbeat`).
    public var dispatcherHeartbeat: SimDuration = .seconds(5)
    /// Extra random delay added to each heartbeat period (swarmkit HeartbeatEpsilon).
    public var heartbeatEpsilon: SimDuration = .milliseconds(500)
    /// A node missing this many periods is Down (swarmkit GracePeriodMultiplier).
    public var gracePeriodMultiplier: Int64 = 3
    /// The default link between any two hosts.
    public var link = LinkProfile()
    /// How long a docker command waits for an answer before it gives up.
    public var requestTimeout: SimDuration = .seconds(20)
    /// Where a manager answers reads: `.leader` (swarmkit proxies every control API call to the
    /// leader, so reads fail without one) or `.local` (from its own, possibly stale, store).
    public var reads: ReadPath = .leader
    /// The engine version `docker node ls` shows.
    public var engineVersion = "28.2.2"
    /// Ticks with no leader after which a manager refuses requests at once (swarmkit
    /// raft.lostQuorumTimeout).
    public var lostQuorumTicks = 10

    /// How long an agent takes to pull a task's image (`task pull-time`).
    public var imagePullTime: SimDuration = .seconds(1)
    /// How long a container takes to start (`task start-time`).
    public var containerStartTime: SimDuration = .milliseconds(500)

    /// How a node's mesh balances new connections (`mesh balance`).
    public var meshBalance: MeshTable.Balance = .roundRobin
    /// How long a change of endpoints takes to reach the nodes (`mesh propagation`).
    public var meshPropagation: SimDuration = .milliseconds(500)
    /// How long a client (`curl`) waits for an answer.
    public var requestTimeoutForClients: SimDuration = .seconds(2)

    public enum ReadPath: String, Sendable { case leader, local }

    public init() {}
}
