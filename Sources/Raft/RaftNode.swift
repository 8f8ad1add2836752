import SimCore

/// One member's Raft state machine: pure, single-threaded, driven from outside (STYLE.md 1–2).
///
/// A value type; all mutation goes through the methods below. The shell calls `tick()` once
/// per logical clock tick (swarmkit: one per second), `step(_:)` for each message that arrives,
/// `propose(_:)` / `proposeMembership(_:)` on the leader; after any of these, while `hasReady`,
/// it takes `ready()`, does what it says, and calls `advance()`.
///
/// Membership takes effect on commit, as in etcd and swarmkit: `voters` is the configuration
/// of the latest membership entry at or below `commitIndex`. One change at a time keeps any two
/// consecutive configurations' majorities overlapping (thesis §4.1). A new cluster's founding
/// voters are written as the first log entries (term 0, committed from the start, like etcd's
/// bootstrap), so a member that joins later replays the whole configuration history.
///
/// Roles are a plain enum plus leader-only and candidate-only fields (`progress`, `votes`),
/// rather than an enum carrying them: the hot paths mutate the leader's progress in place, which
/// an enum payload cannot do without copying.
///
/// The implementation is `@inlinable` throughout, so that a client module specializes it for
/// its own `Command` and `State`; unspecialized generic code spends most of its time looking up
/// type metadata. Internal state therefore lives in `@usableFromInline` properties named as in
/// Figure 2 and etcd (`currentTerm`, `committed`, …), behind read-only public accessors.
public struct RaftNode<Command, State> {
    // MARK: Identity and settings

    public let id: Raft.NodeID
    /// The configuration in use (`Raft.Config.normalized`).
    public let config: Raft.Config
    @usableFromInline var random: SeededRandom

    // MARK: Persistent state (Figure 2)

    @usableFromInline var currentTerm: UInt64
    @usableFromInline var vote: Raft.NodeID?
    @usableFromInline var log: RaftLog<Command>
    /// The latest snapshot: made by `compact`, or received from a leader.
    @usableFromInline var snapshot: Raft.Snapshot<State>? {
        didSet { snapshottedThrough = snapshot?.index ?? 0 }
    }
    /// `snapshot?.index ?? 0`, kept apart so that reading it never touches the snapshot (a getter
    /// on a node in an array may otherwise copy the whole node).
    @usableFromInline var snapshottedThrough: UInt64 = 0
    @usableFromInline var committed: UInt64

    // MARK: Membership

    /// The voters, sorted: the configuration committed at `committed`.
    @usableFromInline var membership: [Raft.NodeID]
    /// Leader only: the index of the latest membership entry (or of its term's no-op) that it
    /// has not yet seen commit.
    @usableFromInline var pendingConfIndex: UInt64 = 0
    /// Leader only: it has proposed its own removal, and takes no more proposals.
    @usableFromInline var leaving = false
    /// Leader only: the voter it is handing leadership to, if any (etcd `leadTransferee`);
    /// see RaftNode+Transfer.swift.
    @usableFromInline var leadTransferee: Raft.NodeID?

    // MARK: Volatile state

    @usableFromInline var currentRole: Raft.Role = .follower
    @usableFromInline var knownLeader: Raft.NodeID?
    @usableFromInline var electionElapsed = 0
    @usableFromInline var heartbeatElapsed = 0
    @usableFromInline var randomizedElectionTimeout = 0
    /// Ticks since this node (re)started; the leader's clock for `isReachable`.
    @usableFromInline var ticks: UInt64 = 0
    /// Candidate and pre-candidate only: the answers received, in arrival order.
    @usableFromInline var votes: [Vote] = []
    /// Leader only: one per voter, sorted by ID, this member included.
    @usableFromInline var progress: [Progress] = []

    // MARK: Output not yet handed out by ready()

    @usableFromInline var outbox: [Raft.Message<Command, State>] = []
    /// An empty message buffer the shell gave back (`recycle(_:)`), for the next outbox.
    @usableFromInline var spareOutbox: [Raft.Message<Command, State>] = []
    /// The first log index not yet handed out for persisting.
    @usableFromInline var unstableFrom: UInt64
    @usableFromInline var reportedHardState: Raft.HardState
    /// The last committed index handed out for applying.
    @usableFromInline var handedOutThrough: UInt64
    /// The last index the application has applied (acknowledged by `advance()`).
    @usableFromInline var applied: UInt64 = 0
    @usableFromInline var receivedSnapshot: Raft.Snapshot<State>?
    @usableFromInline var pendingCompaction: Raft.Compaction<State>?
    @usableFromInline var reportedRole: Raft.Role = .follower
    @usableFromInline var reportedLeader: Raft.NodeID?

    /// One answer to a (pre-)vote request.
    @usableFromInline
    struct Vote {
        @usableFromInline var voter: Raft.NodeID
        @usableFromInline var granted: Bool
        @inlinable init(voter: Raft.NodeID, granted: Bool) {
            self.voter = voter
            self.granted = granted
        }
    }

    // MARK: Starting

    /// A member of a new cluster, or one about to join an existing cluster.
    ///
    /// - Parameter voters: for a founding member, the founding voters (it among them): every
    ///   founder must be given the same list. For a member joining a running cluster, empty: it
    ///   learns the configuration from the leader's log or snapshot, and does not campaign until
    ///   that configuration makes it a voter. (swarmkit founds with one manager, `swarm init`,
    ///   and every other manager joins.)
    /// - The first `ready()` holds the founding entries (persist and apply them, like any).
    public init(id: Raft.NodeID, voters: [Raft.NodeID], config: Raft.Config, random: SeededRandom) {
        let founders = voters.sorted().reduce(into: [Raft.NodeID]()) { if $0.last != $1 { $0.append($1) } }
        let entries = founders.enumerated().map {
            Raft.Entry<Command>(term: 0, index: UInt64($0.offset + 1), payload: .membership(.addVoter($0.element)))
        }
        self.init(id: id, hardState: Raft.HardState(commit: UInt64(entries.count)),
                  log: RaftLog(entries: entries), snapshot: nil, config: config, random: random)
        unstableFrom = 1
        reportedHardState = Raft.HardState()
        handedOutThrough = 0
    }

    /// A member restarting after a crash, from what it had persisted. Term, vote, log, snapshot
    /// and commit index come back; role, leader and leader progress do not.
    ///
    /// The first `ready()` hands out the stored snapshot (as `snapshot`) and the committed
    /// entries after it, so the application rebuilds its state just as for a received snapshot.
    public init(id: Raft.NodeID, restoring storage: Raft.Storage<Command, State>, config: Raft.Config, random: SeededRandom) {
        self.init(id: id, hardState: storage.hardState,
                  log: RaftLog(baseIndex: storage.baseIndex, baseTerm: storage.baseTerm, entries: storage.entries),
                  snapshot: storage.snapshot, config: config, random: random)
        receivedSnapshot = storage.snapshot
    }

    private init(id: Raft.NodeID, hardState: Raft.HardState, log: RaftLog<Command>, snapshot: Raft.Snapshot<State>?,
                 config: Raft.Config, random: SeededRandom) {
        precondition(log.baseIndex <= snapshot?.index ?? 0, "RaftNode: the log was compacted past its snapshot")
        self.id = id
        self.config = config.normalized
        self.random = random
        self.currentTerm = hardState.term
        self.vote = hardState.vote
        self.log = log
        self.snapshot = snapshot
        let snapshotIndex = snapshot?.index ?? 0
        self.snapshottedThrough = snapshotIndex
        self.committed = min(max(hardState.commit, snapshotIndex), log.lastIndex)
        self.membership = []
        self.unstableFrom = log.lastIndex + 1
        self.reportedHardState = hardState
        self.handedOutThrough = snapshotIndex
        self.membership = configuration(at: committed)
        resetElectionTimeout()
    }

    // MARK: Observing

    /// The latest term this member has seen.
    @inlinable public var term: UInt64 { currentTerm }
    /// What this member is doing in its term.
    @inlinable public var role: Raft.Role { currentRole }
    /// The leader this member follows in `term`, if known (itself when leading).
    @inlinable public var leader: Raft.NodeID? { knownLeader }
    /// The voters, sorted: the configuration committed at `commitIndex`.
    @inlinable public var voters: [Raft.NodeID] { membership }
    /// The highest index known to be committed.
    @inlinable public var commitIndex: UInt64 { committed }
    /// The last index the application has applied (acknowledged by `advance()`).
    @inlinable public var appliedIndex: UInt64 { applied }
    /// The index of the last entry in the log.
    @inlinable public var lastIndex: UInt64 { log.lastIndex }
    /// The term of the last entry in the log.
    @inlinable public var lastTerm: UInt64 { log.lastTerm }
    /// The index of the latest snapshot (0 when none).
    @inlinable public var snapshotIndex: UInt64 { snapshottedThrough }
    /// What this member must persist now.
    @inlinable public var hardState: Raft.HardState { Raft.HardState(term: currentTerm, vote: vote, commit: committed) }
    /// Whether this member's configuration counts it as a voter (only voters campaign).
    @inlinable public var isVoter: Bool { membership.contains(id) }
    /// The number of votes that make a majority of `voters`.
    @inlinable public var quorum: Int { membership.count / 2 + 1 }

    /// The term of the entry at `index`, if the log holds it (or it is the compaction point).
    @inlinable public func term(at index: UInt64) -> UInt64? { log.term(at: index) }

    /// The entries the log holds from `first` through `last` (clamped to what it holds).
    public func entries(from first: UInt64, through last: UInt64) -> [Raft.Entry<Command>] {
        let lo = max(first, log.firstIndex), hi = min(last, log.lastIndex)
        return lo <= hi ? Array(log.entries(from: lo, through: hi)) : []
    }

    /// The voters as of `index` (at or after the snapshot, at most the last index).
    @inlinable
    func configuration(at index: UInt64) -> [Raft.NodeID] {
        var voters = snapshot?.voters ?? []
        var i = (snapshot?.index ?? 0) + 1
        while i <= index {
            if case .membership(let change) = log.entry(at: i).payload { voters = change.applied(to: voters) }
            i += 1
        }
        return voters
    }
}
