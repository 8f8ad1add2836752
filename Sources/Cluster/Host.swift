import SimCore
import Raft
import Orchestration

/// One machine: its fixed description, what its engine keeps on disk, and what it holds in
/// memory (lost at a crash).
struct Host {
    let id: HostID
    let name: String
    let address: String
    let nanoCPUs: Int64
    let memoryBytes: Int64
    let engineLabels: Labels

    // MARK: On disk: survives a crash
    /// The swarm this engine belongs to, if any.
    var membership: Membership?
    /// A manager's Raft log, term and vote.
    var raftStorage: Raft.Storage<StoreCommand, ClusterStore>?
    /// Managers this node knows of, for its agent to connect to.
    var knownManagers: [HostID] = []

    // MARK: In memory: lost at a crash
    /// A join that `docker swarm join` stopped waiting for, which the engine keeps trying.
    var backgroundJoin: (token: String, remote: String)?
    var manager: ManagerRuntime?
    var agent: AgentRuntime?
    /// This node's IPVS: endpoints per service, as far as it has heard.
    var mesh: MeshTable?
    /// The stamp of the last mesh update this node took, per service.
    var meshStamps: [String: LeaderStamp] = [:]
    /// Ports published in ingress mode, and the service behind each.
    var publishedPorts: [(port: Int, serviceID: String, serviceName: String)] = []

    init(id: HostID, name: String, address: String, nanoCPUs: Int64, memoryBytes: Int64, engineLabels: Labels) {
        self.id = id; self.name = name; self.address = address
        self.nanoCPUs = nanoCPUs; self.memoryBytes = memoryBytes; self.engineLabels = engineLabels
    }
}

/// A node's identity in its swarm (its certificate, in real Swarm).
struct Membership {
    var nodeID: String
    var clusterID: String
    /// The Raft ID while this node is a manager, else 0.
    var raftID: UInt64
}

/// A manager's running state: its Raft node, the store it has applied, and on the leader the
/// leader-only work.
struct ManagerRuntime {
    var raft: StoreRaft
    var store: ClusterStore
    var appliedIndex: UInt64 = 0
    /// Raft ticks since this manager last knew a leader (swarmkit ticksWithNoLeader).
    var ticksWithoutLeader = 0
    /// When each Raft peer was last heard from (looked up by ID, never iterated).
    var lastHeard: [UInt64: SimTime] = [:]
    /// Writes proposed on this leader, waiting to be applied.
    var proposals: [PendingProposal] = []
    /// Present while this manager leads.
    var dispatcher: Dispatcher?
    /// Set when a committed membership change removed this manager from Raft.
    var removedFromRaft = false
    /// Its stop is scheduled (it keeps voting until then).
    var stopScheduled = false

    // MARK: Leader-only orchestration
    /// The orchestrators' memory; a new leader starts a fresh one, as in swarmkit.
    var orchestrator: Orchestrator?
    /// When the next orchestration pass is due, if one is scheduled.
    var orchestrationDue: SimTime?
    /// The orchestration events scheduled and not yet run, by time and term: a request for an
    /// instant that already has one schedules no other. Every pass asks again for its next
    /// wake-up, which may be far off (a down node's orphan deadline, 24 h ahead); without this,
    /// each pass would leave one more event waiting until then.
    var scheduledPasses: [(time: SimTime, term: UInt64)] = []
    /// The last entry an orchestration pass proposed: the next pass waits until it is applied,
    /// so it never plans from a store that lacks its own previous decisions. On becoming leader,
    /// the last entry in the log: the dispatcher and the orchestrators start once it is applied.
    var orchestrationFence: UInt64 = 0
    /// Through which manager each node's session reaches the dispatcher (looked up only).
    var sessions: [String: HostID] = [:]
    /// Services whose endpoints are due to spread.
    var meshPending: [String] = []

    init(raft: StoreRaft, store: ClusterStore) { self.raft = raft; self.store = store }

    /// Where this manager's store stands, for what it sends nodes (`LeaderStamp`).
    var stamp: LeaderStamp { LeaderStamp(term: raft.term, index: appliedIndex) }
}

/// What applying committed entries on a manager calls for in the shell.
struct ApplyEffects {
    var storeChanged = false
    /// Nodes whose assignments changed (leader only).
    var touchedNodes: [String] = []
    /// Services whose endpoints or ports may have changed (leader only).
    var meshServices: [String] = []
    /// Node status changes the leader recorded.
    var nodeStates: [(String, NodeState)] = []
    /// Nodes the leader applied as Ready (perhaps an entry a previous leader proposed).
    var readyNodes: [String] = []
    /// Nodes the leader applied as added: Unknown until their engine first reports.
    var addedNodes: [String] = []
}

extension ManagerRuntime {
    /// Loads a received snapshot and applies committed entries to the store.
    mutating func apply(_ ready: Raft.Ready<StoreCommand, ClusterStore>, effects: inout ApplyEffects,
                        afterEach check: ((StoreCommand, UInt64, ManagerRuntime) -> Void)? = nil) {
        if let snapshot = ready.snapshot, snapshot.index >= appliedIndex {
            store = snapshot.state
            appliedIndex = snapshot.index
            effects.storeChanged = true
        }
        let leading = raft.role == .leader
        for entry in ready.committed where entry.index > appliedIndex {
            switch entry.payload {
            case .command(let command):
                if leading {
                    Swarm.touchedNodes(by: command, in: store, into: &effects.touchedNodes)
                    Swarm.meshServices(touchedBy: command, in: store, into: &effects.meshServices)
                }
                effects.storeChanged = true
                store.apply(command, at: entry.index)
                check?(command, entry.index, self)
                if leading, case .setNodeState(let id, let state, _, _) = command, let node = store.node(id: id) {
                    effects.nodeStates.append((node.hostname, state))
                    if state == .ready { effects.readyNodes.append(id) }
                }
                if leading, case .addNode(let record) = command { effects.addedNodes.append(record.id) }
            case .membership(let change):
                if change.kind == .removeVoter && change.node == raft.id { removedFromRaft = true }
            case .empty:
                break
            }
            appliedIndex = entry.index
        }
    }

    /// Takes out the proposals whose entries are applied, and those a lost leadership strands.
    mutating func settleProposals() -> (answered: [PendingProposal], lost: [PendingProposal]) {
        var waiting: [PendingProposal] = [], answered: [PendingProposal] = [], lost: [PendingProposal] = []
        for p in proposals {
            if appliedIndex >= p.index { answered.append(p) }
            else if raft.role != .leader || raft.term != p.term { lost.append(p) }
            else { waiting.append(p) }
        }
        proposals = waiting
        return (answered, lost)
    }

    /// Snapshots the applied store so Raft can drop old entries.
    mutating func compact() {
        raft.compact(through: appliedIndex, state: store)
    }

    /// Proposes commands, then a membership change if any; returns the last entry's index.
    mutating func propose(_ commands: [StoreCommand], membership: Raft.MembershipChange?) throws(Raft.ProposalError) -> UInt64 {
        var last: UInt64 = 0
        for command in commands { last = try raft.propose(command) }
        if let membership { last = try raft.proposeMembership(membership) }
        return last
    }
}

/// Where the answer to a request goes.
enum ReplyTarget {
    case operation(OperationID)
    case remote(CallID, to: HostID)
}

/// A write waiting for its entry to be applied.
struct PendingProposal {
    var index: UInt64
    var term: UInt64
    var target: ReplyTarget
    var reply: Reply
}

/// The leader's view of node heartbeats (swarmkit manager/dispatcher).
struct Dispatcher {
    let term: UInt64
    /// The newest expiry timer per node; older timers are void.
    var generation: [String: UInt64] = [:]
    var nextGeneration: UInt64 = 1
    /// The incarnation of each node's engine at its last heartbeat: a different one is a new
    /// agent, hence a new session (swarmkit's session ID), which gets every assignment again.
    var agentIncarnation: [String: UInt32] = [:]
}

/// A node's agent: heartbeats to a manager, moves to another when its manager is gone.
struct AgentRuntime {
    var manager: HostID?
    var failures = 0
    var inFlight: CallID?
    var joiningRaft = false
    /// A `swarm join` as manager, answered once Raft has taken this node in.
    var pendingJoin: (OperationID, EngineResponse)?
    /// The tasks this node runs, sorted by task ID.
    var tasks: [AgentTask] = []
    /// Status changes not yet sent to the dispatcher, one per task (the latest wins).
    var reports: [TaskReport] = []
    var reportInFlight: CallID?
    /// The reports of the call in flight, put back if it fails.
    var unconfirmed: [TaskReport] = []
    /// The leader term of the dispatcher session; a new one makes the agent report everything.
    var sessionTerm: UInt64 = 0
    /// The stamp of the newest assignment set taken; an older set that arrives later is stale.
    var assignments = LeaderStamp(term: 0, index: 0)
}

/// A task as the agent running it sees it.
struct AgentTask {
    var record: TaskRecord
    /// What the agent has done with it so far.
    var observed: TaskState
    /// When the current step completes (a step in progress is not started twice).
    var stepDue: SimTime?
    var containerID: String?
}

/// A docker call in progress on one host.
public struct OperationID: Hashable, Sendable {
    public let value: Int
}

struct Operation {
    let id: OperationID
    let host: HostID
    let hostIncarnation: UInt32
    let request: EngineRequest
    var result: EngineResult?
    /// The caller stopped waiting: the answer is dropped when it comes.
    var abandoned = false
}

/// A call sent and not yet answered.
struct PendingCall {
    let caller: HostID
    let callerIncarnation: UInt32
    let purpose: Purpose

    enum Purpose {
        case operation(OperationID)
        /// This manager proxies a call from `origin` to the leader.
        case proxy(CallID, origin: HostID)
        case heartbeat
        case raftJoin
        case taskStatus
        /// A join the engine keeps trying after `docker swarm join` timed out.
        case backgroundJoin
        /// Nobody waits for the answer.
        case none
    }
}
