import SimCore
import Raft
import Orchestration

package typealias StoreRaft = RaftNode<StoreCommand, ClusterStore>
package typealias RaftMessage = Raft.Message<StoreCommand, ClusterStore>
package typealias StoreReady = Raft.Ready<StoreCommand, ClusterStore>
package typealias RaftDisk = Raft.Storage<StoreCommand, ClusterStore>

/// The manager role (swarmkit manager/): its Raft node, the store it has applied, the writes it
/// proposed, and on the leader the leader-only work's bookkeeping. It answers a tick, a Raft
/// message and a proposal; `drainReady` hands out what they call for (`ManagerReady`: messages
/// to send, role and term changes, what the applied entries changed, answered proposals).
/// The leader pass (Manager+LeaderPass.swift: the dispatcher's start and stop, assignments,
/// orchestration passes), the role manager and the disk's timing answer with `ManagerEffect`s.
///
/// A class: one host holds it, the shell reaches it through the host table, and a read of one
/// field must not copy the store, the log and every table. Not generic: its code is compiled
/// once, for these types, and called without looking up type metadata.
///
/// It reads only its own state and what arrives in messages; time comes in as an argument.
package final class Manager {
    package var raft: StoreRaft
    /// The replicated store. Every change counts in `meshInputs`.
    package var store: ClusterStore {
        _read { yield storage }
        _modify {
            yield &storage
            meshInputs &+= 1
        }
    }
    private var storage: ClusterStore

    /// Runs `read` on the store in place. A class's stored property handed to a method of
    /// another module is copied first (a retain and a release of every collection in the
    /// store), since the call might change the property; an `inout` access lends it without a
    /// copy. For the reads on a hot path; `read` must not change the store.
    package func readInPlace<R>(_ read: (inout ClusterStore) -> R) -> R { read(&storage) }
    package var appliedIndex: UInt64 = 0
    /// Raft ticks since this manager last knew a leader (swarmkit ticksWithNoLeader).
    package var ticksWithoutLeader = 0
    /// When each Raft peer was last heard from (looked up by ID, never iterated).
    package var lastHeard: [UInt64: SimTime] = [:]
    /// Writes proposed on this leader, waiting to be applied.
    package var proposals: [PendingProposal] = []
    /// Present while this manager leads.
    package var dispatcher: Dispatcher?
    /// Set when a committed membership change removed this manager from Raft.
    package var removedFromRaft = false
    /// Its stop is scheduled (it keeps voting until then).
    package var stopScheduled = false
    /// The term in which this leader, demoted, last tried to hand leadership over (0: never).
    package var transferTriedInTerm: UInt64 = 0
    /// When this manager's last Raft write ends, and when it starts (later than now while it
    /// gathers behind the write in progress); see `raftOutput` (Manager+Disk.swift).
    package var diskBusyUntil: SimTime = .zero
    package var nextWriteStart: SimTime = .zero

    // MARK: Leader-only orchestration
    /// The orchestrators' memory; a new leader starts a fresh one, as in swarmkit.
    package var orchestrator: Orchestrator?
    /// When the next orchestration pass is due, if one is scheduled.
    package var orchestrationDue: SimTime?
    /// The orchestration events scheduled and not yet run, by time and term: a request for an
    /// instant that already has one schedules no other. Every pass asks again for its next
    /// wake-up, which may be far off (a down node's orphan deadline, 24 h ahead); without this,
    /// each pass would leave one more event waiting until then.
    package var scheduledPasses: [(time: SimTime, term: UInt64)] = []
    /// The last entry an orchestration pass proposed: the next pass waits until it is applied,
    /// so it never plans from a store that lacks its own previous decisions. On becoming leader,
    /// the last entry in the log: the dispatcher and the orchestrators start once it is applied.
    package var orchestrationFence: UInt64 = 0
    /// Through which manager each node's session reaches the dispatcher (looked up only).
    package var sessions: IDDictionary<HostID> = [:]
    /// Services whose endpoints are due to spread.
    package var meshPending: [String] = [] { didSet { meshInputs &+= 1 } }
    /// Counts the changes to the store and to `meshPending`, what mesh repair compares a node's
    /// mesh with: equal counts of the same runtime (`serial`) mean nothing changed there.
    package var meshInputs: UInt64 = 0
    /// Which start of a manager this runtime is, unique in the swarm (`Swarm.managerStarts`).
    package var serial: UInt64 = 0
    /// The term last handed out in a `ManagerReady` (or at the start): a later one is news.
    package var announcedTerm: UInt64

    package init(raft: StoreRaft, store: ClusterStore) {
        self.raft = raft; self.storage = store; announcedTerm = raft.term
    }

    /// Where this manager's store stands, for what it sends nodes (`LeaderStamp`).
    package var stamp: LeaderStamp { LeaderStamp(term: raft.term, index: appliedIndex, leader: serial) }
}
