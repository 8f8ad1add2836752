import SimCore
import Raft
import Orchestration
import NodeRoles

/// One machine: its fixed description, what its engine keeps on disk, and what it holds in
/// memory (lost at a crash).
///
/// A class: the swarm's host table holds one per machine for the whole run, and events reach
/// into one host's roles (`hosts[i].manager?.raft`, `hosts[i].agent`) many times each; a value
/// would be copied whole, every table it holds retained and released, on each read.
final class Host {
    // Stored properties lie in declaration order: what a heartbeat reads or writes comes first,
    // as few cache lines as will hold it (a swarm of thousands of nodes heartbeats through all
    // of its hosts every period, and each line more is a miss per heartbeat); the Raft storage,
    // a manager's alone and the biggest, comes last. Those first lines, up to the agent's tasks,
    // are what `Swarm.prefetch(for:)` loads ahead of a heartbeat (`hostBytesPrefetched`).

    // MARK: Read on every heartbeat (in memory, lost at a crash, unless said otherwise)
    /// Heartbeat wake-ups scheduled for this incarnation and not yet due (see `scheduleHeartbeat`).
    var heartbeatWakeups = 0
    /// A promotion's Raft join is on its way to the leader.
    var joiningRaft = false
    /// Restarted with autolock on: neither manager nor agent runs until `docker swarm unlock`.
    var locked = false
    var manager: Manager?
    /// The swarm this engine belongs to, if any. On disk: survives a crash.
    var membership: Membership?
    /// Managers this node knows of, for its agent to connect to. On disk: survives a crash.
    var knownManagers: [HostID] = []
    /// A `swarm init --force-new-cluster`, answered once the manager leads with its log applied.
    var pendingForcedInit: OperationID?
    /// A `swarm init` or `swarm join`, answered once the node has registered (and a manager's
    /// once Raft has taken it in).
    var pendingJoin: PendingJoin?
    /// What mesh repair last found this node's mesh up to date with (`Swarm.meshRepairStamp`).
    var meshCheckedFresh: Swarm.MeshRepairStamp?
    /// This node's routing mesh, as far as updates have reached it (what a heartbeat reads of it
    /// first).
    var mesh = NodeMesh()
    /// The agent (what a heartbeat reads of it first; its tasks last).
    var agent: Agent?

    // MARK: Fixed
    let id: HostID
    let name: String
    let address: String
    let nanoCPUs: Int64
    let memoryBytes: Int64
    let engineLabels: Labels

    // MARK: In memory: lost at a crash
    /// A join that `docker swarm join` stopped waiting for, which the engine keeps trying.
    var backgroundJoin: (token: String, remote: String)?
    /// When its manager last became Raft leader (read only while it still leads: see
    /// `ClusterObserver.leaderSince`).
    var leaderSince: SimTime?
    /// The unlock key its manager's disk is sealed with: the swarm's key as its store held it
    /// when it went down (nil: autolock was off). Read at restart (Swarm+Autolock.swift).
    var sealedWith: String?

    // MARK: On disk: survives a crash
    /// A manager's Raft log, term and vote.
    var raftStorage: Raft.Storage<StoreCommand, ClusterStore>?

    init(id: HostID, name: String, address: String, nanoCPUs: Int64, memoryBytes: Int64, engineLabels: Labels) {
        self.id = id; self.name = name; self.address = address
        self.nanoCPUs = nanoCPUs; self.memoryBytes = memoryBytes; self.engineLabels = engineLabels
    }
}

/// A `swarm init` or `swarm join` waiting for its node to register: the operation, and what
/// it answers then (`EngineResponse.joined`). A class: every heartbeat answer asks whether one
/// waits, and a reference is one word to read where the fields would be four.
final class PendingJoin {
    let operation: OperationID
    let nodeID: String
    let asManager: Bool
    let managerAddress: String

    init(operation: OperationID, nodeID: String, asManager: Bool, managerAddress: String) {
        self.operation = operation; self.nodeID = nodeID; self.asManager = asManager; self.managerAddress = managerAddress
    }

    var answer: EngineResponse { .joined(nodeID: nodeID, asManager: asManager, managerAddress: managerAddress) }
}
