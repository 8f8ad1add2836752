import SimCore
import Raft
import Orchestration
import NodeRoles

/// A manager's running state: its Raft node, the store it has applied, and on the leader the
/// leader-only work.
struct ManagerRuntime {
    var raft: StoreRaft
    var store: ClusterStore { didSet { meshInputs &+= 1 } }
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
    /// The term in which this leader, demoted, last tried to hand leadership over (0: never).
    var transferTriedInTerm: UInt64 = 0
    /// When this manager's last Raft write ends, and when it starts (later than now while it
    /// gathers behind the write in progress); see `Swarm.raftReadyPersisted`.
    var diskBusyUntil: SimTime = .zero
    var nextWriteStart: SimTime = .zero

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
    var meshPending: [String] = [] { didSet { meshInputs &+= 1 } }
    /// Counts the changes to the store and to `meshPending`, what mesh repair compares a node's
    /// mesh with: equal counts of the same runtime (`serial`) mean nothing changed there.
    var meshInputs: UInt64 = 0
    /// Which start of a manager this runtime is, unique in the swarm (`Swarm.managerStarts`).
    var serial: UInt64 = 0

    init(raft: StoreRaft, store: ClusterStore) { self.raft = raft; self.store = store }

    /// Where this manager's store stands, for what it sends nodes (`LeaderStamp`).
    var stamp: LeaderStamp { LeaderStamp(term: raft.term, index: appliedIndex) }
}
