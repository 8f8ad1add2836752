import SimCore
import Orchestration

/// The leader's dispatcher (swarmkit manager/dispatcher): every node's agent heartbeats to it,
/// it marks a node Down when its heartbeats stop, hands nodes their assignments, and turns
/// agents' status reports into store changes. It runs only on the leader, from the moment it
/// leads (and the store holds a swarm) until it steps down; a new leader starts a fresh one.
///
/// It reads the store its own manager has applied (passed in) and what heartbeats carry.
package struct Dispatcher: Sendable {
    /// The leader term it runs in.
    package let term: UInt64
    /// Per node: its newest expiry timer (older timers are void), and the incarnation of its
    /// engine at its last heartbeat (nil: none yet, or not known); a different one is a new
    /// agent, hence a new session (swarmkit's session ID), which gets every assignment again.
    /// A session keeps its number (its place here) for the dispatcher's life: an expiry timer's
    /// event names it by number, so that firing reads one record, with no node ID to hash or to
    /// release.
    private var sessions: [Session] = []
    /// The number of each node's session (looked up, never iterated).
    private var numbers: IDDictionary<SessionNumber> = [:]
    /// Per host (by index): the session its last heartbeat named, tried first by the next
    /// heartbeat from that host and checked against the node ID it carries (`session(of:from:)`),
    /// and where that node's record lay in the store. A heartbeat then reads one record, not a
    /// hash table's slot and the node ID's text, and its two reads that wait for memory can
    /// start together (`prefetchHeartbeat(from:)`).
    private var lastFrom: [LastHeartbeat] = []
    private struct LastHeartbeat: Equatable {
        var session = SessionNumber.none
        /// -1: not known.
        var position: Int32 = -1
    }
    /// Generations are numbered from the term up, so that a timer a dispatcher of an earlier
    /// term left in the queue never passes for one of this dispatcher's.
    private var nextGeneration: UInt64
    private struct Session {
        // Packed (optionals as sentinels and flags): a heartbeat and an expiry timer's event
        // each read one record, within two cache lines.
        let nodeID: String
        var generation: UInt64
        /// When the newest timer is due (its event ID: `order`).
        var due: SimTime
        /// When the event of the timer `scheduled` is due.
        var scheduledDue: SimTime
        private var scheduledGeneration: UInt64 = 0
        private var orderSequence: UInt64 = 0
        private var incarnationValue: UInt32 = 0
        private var viaIndex: Int32 = -1
        private var positionIndex: Int32 = -1
        private var present: UInt8 = 0
        private static let hasIncarnation: UInt8 = 1, hasOrder: UInt8 = 2

        init(nodeID: String, generation: UInt64, incarnation: UInt32?, due: SimTime, order: EventID?, scheduled: UInt64?,
             scheduledDue: SimTime, via: HostID?, position: Int?) {
            self.nodeID = nodeID
            self.generation = generation; self.due = due; self.scheduledDue = scheduledDue
            self.incarnation = incarnation; self.order = order; self.scheduled = scheduled
            self.via = via; self.position = position
        }

        var incarnation: UInt32? {
            get { present & Self.hasIncarnation != 0 ? incarnationValue : nil }
            set {
                incarnationValue = newValue ?? 0
                present = newValue == nil ? present & ~Self.hasIncarnation : present | Self.hasIncarnation
            }
        }
        /// The event ID the newest timer's heartbeat reserved for it (nil for a timer armed by
        /// `watch`, which is always an event of its own).
        var order: EventID? {
            get { present & Self.hasOrder != 0 ? EventID(sequence: orderSequence) : nil }
            set {
                orderSequence = newValue?.sequence ?? 0
                present = newValue == nil ? present & ~Self.hasOrder : present | Self.hasOrder
            }
        }
        /// The timer whose event is in the queue, if any: a heartbeat that arms a timer due no
        /// sooner than that one schedules no event; when the event fires, it moves on to the
        /// newest timer (`timerFired`). So a node heartbeating steadily has one event waiting,
        /// not one per heartbeat within the grace period. Generations start above 0 (see
        /// `nextGeneration`), so 0 stands for none.
        var scheduled: UInt64? {
            get { scheduledGeneration == 0 ? nil : scheduledGeneration }
            set { scheduledGeneration = newValue ?? 0 }
        }
        /// What the node's last heartbeat found, for the next to try first (nil: not known):
        /// the manager it came through (`Manager.sessions` has the same, or nil here), and
        /// where the node's record lay in the store (`ClusterStore.heartbeatReads`'s hint).
        /// Hints both: one too big to keep is kept as not known.
        var via: HostID? {
            get { viaIndex < 0 ? nil : HostID(Int(viaIndex)) }
            set { viaIndex = newValue.flatMap { Int32(exactly: $0.index) } ?? -1 }
        }
        var position: Int? {
            get { positionIndex < 0 ? nil : Int(positionIndex) }
            set { positionIndex = newValue.flatMap { Int32(exactly: $0) } ?? -1 }
        }
    }
    let settings: DispatcherSettings

    /// A dispatcher for a new leader of term `term`. Every node not Down becomes Unknown, with
    /// `grace` to report in (twice the usual: swarmkit markNodesUnknown).
    package init(term: UInt64, store: ClusterStore, now: SimTime, grace: SimDuration, settings: DispatcherSettings,
                 effects: inout [DispatcherEffect]) {
        self.term = term
        self.settings = settings
        nextGeneration = term << 32 | 1
        effects.append(.started)
        var commands: [StoreCommand] = []
        for node in store.nodes where node.state != .down {
            commands.append(.setNodeState(id: node.id, .unknown, message: "Node moved to \"unknown\" state due to leadership change in cluster", at: now))
            watch(node.id, after: grace, now: now, effects: &effects)
        }
        if !commands.isEmpty { effects.append(.propose(commands)) }
    }

    /// Whether an expiry timer watches `nodeID`.
    package func watches(_ nodeID: String) -> Bool { numbers[nodeID] != nil }

    /// The number of `nodeID`'s session, if it has one; `origin`, the host a heartbeat came
    /// from, if known, names the session to try first.
    package func session(of nodeID: String, from origin: HostID? = nil) -> SessionNumber? {
        if let origin, origin.index < lastFrom.count {
            let tried = lastFrom[origin.index].session
            if tried.index < sessions.count, sessions[tried.index].nodeID == nodeID { return tried }
        }
        return numbers[nodeID]
    }

    /// The node whose session is `session`, if this dispatcher has one of that number.
    package func nodeID(of session: SessionNumber) -> String? {
        session.index < sessions.count ? sessions[session.index].nodeID : nil
    }

    /// What `nodeID`'s last heartbeat found (see `Session`): read before the next is handled,
    /// in the session that heartbeat then files its timer in.
    package func lastHeartbeat(of nodeID: String, from origin: HostID? = nil) -> (via: HostID?, position: Int?)? {
        session(of: nodeID, from: origin).map { (sessions[$0.index].via, sessions[$0.index].position) }
    }

    /// Notes that `nodeID`'s heartbeats now come through `via` (`Manager.sessions` changed), if
    /// it has a session.
    package mutating func heartbeats(of nodeID: String, from origin: HostID? = nil, comeThrough via: HostID) {
        if let n = session(of: nodeID, from: origin) { sessions[n.index].via = via }
    }

    /// Arms a new expiry timer for `nodeID`, voiding the one before; its event is scheduled at
    /// once.
    package mutating func watch(_ nodeID: String, after delay: SimDuration, now: SimTime, effects: inout [DispatcherEffect]) {
        let n = numbers[nodeID]
        arm(nodeID, n, incarnation: n.flatMap { sessions[$0.index].incarnation }, after: delay, now: now, order: nil,
            via: nil, position: nil, effects: &effects)
    }

    /// Files a new expiry timer in `nodeID`'s session `number` (nil: a new session), for its
    /// engine's `incarnation`, voiding the timer before; returns the session it replaced. The
    /// timer is an event (`.expiryDue`) unless an earlier one is in the queue; with `order`, the
    /// event ID reserved for it.
    @discardableResult
    private mutating func arm(_ nodeID: String, _ number: SessionNumber?, incarnation: UInt32?, after delay: SimDuration,
                              now: SimTime, order: EventID?, via: HostID?, position: Int?,
                              effects: inout [DispatcherEffect]) -> (number: SessionNumber, replaced: Session?) {
        let g = nextGeneration
        nextGeneration += 1
        var session = Session(nodeID: nodeID, generation: g, incarnation: incarnation, due: now + delay, order: order,
                              scheduled: g, scheduledDue: now + delay, via: via, position: position)
        let n = number ?? SessionNumber(sessions.count)
        let replaced = number.map { sessions[$0.index] }
        // A heartbeat's timer finds an event in the queue due no later (or as late, and then
        // that one comes first: its ID is older): that one moves on to this timer when it fires.
        var scheduled = true
        if order != nil, let previous = replaced, let earlier = previous.scheduled, previous.scheduledDue <= session.due {
            session.scheduled = earlier
            session.scheduledDue = previous.scheduledDue
            scheduled = false
        }
        if number == nil {
            numbers[nodeID] = n
            sessions.append(session)
        } else {
            sessions[n.index] = session
        }
        if scheduled { effects.append(.expiryDue(session: n, generation: g, after: delay, order: order)) }
        return (n, replaced)
    }

    /// A heartbeat from `node`'s agent, whose engine is in incarnation `incarnation` (nil: not
    /// known), sent from `origin` (nil: not known). `period` is the period the answer gives (the
    /// cluster's, with jitter); `leaderTerm` the term its manager leads in now. `newStream`: the
    /// heartbeat came another way than the last (through another manager, or directly), a new
    /// session stream. `lagging`: the store holds a task of the node left unacknowledged for a
    /// heartbeat period (`ClusterStore.containsTaskAwaitingAgent`). `via` and `position`: the
    /// manager it came through and where the node's record lies, kept for the next heartbeat
    /// (`lastHeartbeat`).
    package mutating func heartbeat(from node: HeartbeatNode, origin: HostID? = nil, incarnation: UInt32?, isRaftMember: Bool,
                                    leaderTerm: UInt64, newStream: Bool = false, lagging: Bool, now: SimTime,
                                    period: SimDuration, expiryOrder: EventID, via: HostID? = nil, position: Int? = nil,
                                    effects: inout [DispatcherEffect]) {
        let nodeID = node.id
        let (number, session) = arm(nodeID, self.session(of: nodeID, from: origin), incarnation: incarnation,
                                    after: period * settings.gracePeriodMultiplier, now: now, order: expiryOrder, via: via,
                                    position: position, effects: &effects)
        if let origin { note(number, position: position, from: origin) }
        // A node new to this dispatcher (or coming back from Down or Unknown, or on a new
        // stream) gets its assignments, as a new swarmkit session does.
        let newSession = incarnation != nil && session?.incarnation != incarnation
        let firstContact = session == nil || node.state != .ready || newSession || newStream
        // swarmkit's session is a reliable stream: an assignment the network lost is sent again.
        // A lagging task (still assigned, prepared but not started though it may start now, or
        // not yet stopped) means its assignment message was lost: the node gets its set once more.
        let writeFirst: [StoreCommand] = node.state == .ready ? [] : [.setNodeState(id: nodeID, .ready, message: "", at: now)]
        effects.append(.heartbeatAnswer(period: period, role: node.role, isRaftMember: isRaftMember, term: leaderTerm,
                                        writeFirst: writeFirst))
        if firstContact || lagging {
            effects.append(.sendAssignments(nodeID: nodeID))
            effects.append(.sendMesh(nodeID: nodeID))
        } else {
            effects.append(.repairMesh(nodeID: nodeID))
        }
    }

    /// Notes that `origin`'s last heartbeat named session `number`, whose node's record lay at
    /// `position` (written only when it changed).
    private mutating func note(_ number: SessionNumber, position: Int?, from origin: HostID) {
        if origin.index >= lastFrom.count {
            lastFrom.append(contentsOf: repeatElement(LastHeartbeat(), count: origin.index + 1 - lastFrom.count))
        }
        let last = LastHeartbeat(session: number, position: position.flatMap { Int32(exactly: $0) } ?? -1)
        if lastFrom[origin.index] != last { lastFrom[origin.index] = last }
    }

    /// Starts loading the session a heartbeat from `origin` will read first (the one its host's
    /// last heartbeat named), and returns where that heartbeat found the node's record, for the
    /// store's line to start loading too. A hint: it changes nothing (`mutating` only so that
    /// the dispatcher is read in place, not copied).
    package mutating func prefetchHeartbeat(from origin: HostID) -> Int? {
        guard origin.index < lastFrom.count else { return nil }
        let last = lastFrom[origin.index]
        sessions.prefetch(last.session.index)
        return last.position < 0 ? nil : Int(last.position)
    }

    /// What a fired expiry timer's event does.
    package enum TimerCheck: Equatable {
        /// Nothing: a later event (or none) stands for the node's timers.
        case void
        /// It was the newest timer: see `expired`.
        case due
        /// Newer timers came: the event goes on to the newest, due `after` from now, under the
        /// event ID its heartbeat reserved.
        case later(generation: UInt64, after: SimDuration, order: EventID)
    }

    /// The event of timer `generation` of session `number` fired at `now`. A number this
    /// dispatcher never gave, or a generation of another dispatcher's, is void.
    package mutating func timerFired(_ number: SessionNumber, generation g: UInt64, now: SimTime) -> TimerCheck {
        guard number.index < sessions.count else { return .void }
        return Self.fired(g, now: now, in: &sessions[number.index])
    }

    private static func fired(_ g: UInt64, now: SimTime, in session: inout Session) -> TimerCheck {
        guard session.scheduled == g else { return .void }
        if session.generation == g {
            session.scheduled = nil
            return .due
        }
        // Only a heartbeat's timer can be newer than a scheduled one without an event of its own.
        guard let order = session.order else { return .void }
        session.scheduled = session.generation
        session.scheduledDue = session.due
        return .later(generation: session.generation, after: session.due - now, order: order)
    }

    /// The expiry timer `generation` of session `number` fired: unless a newer one replaced it,
    /// the node missed its heartbeats and is Down.
    package func expired(_ number: SessionNumber, generation g: UInt64, store: ClusterStore, now: SimTime,
                         effects: inout [DispatcherEffect]) {
        guard number.index < sessions.count, sessions[number.index].generation == g else { return }
        let nodeID = sessions[number.index].nodeID
        guard let node = store.node(id: nodeID), node.state != .down else { return }
        let message = node.state == .unknown ? "heartbeat failure for node in \"unknown\" state" : "heartbeat failure"
        effects.append(.propose([.setNodeState(id: nodeID, .down, message: message, at: now)]))
    }

    /// Agents' status reports, as one batch of store changes (swarmkit UpdateTaskStatus).
    package static func taskStatus(_ reports: [TaskReport], effects: inout [DispatcherEffect]) {
        guard !reports.isEmpty else { return }
        effects.append(.propose([.batch(reports.map { StoreCommand.setTaskStatus(id: $0.taskID, $0.status) })]))
    }

    /// The tasks `nodeID` should run or stop, as its assignment set, and the IDs of the node's
    /// other tasks the store still holds (stopped for good). swarmkit's set names those too, and
    /// the agent removes the container of a task once its set no longer names it: the task
    /// reaper deleted the task (swarmkit dispatcher `Assignments`, agent worker `reconcileTaskState`).
    package static func assignments(of nodeID: String, in store: ClusterStore) -> AssignmentSet {
        var set = AssignmentSet()
        for task in store.tasks(onNode: nodeID) where task.status.state >= .assigned {
            if task.status.state <= .running || task.desiredState <= .running { set.tasks.append(task) }
            else { set.stopped.append(task.id) }
        }
        return set
    }
}

/// A session's number in its dispatcher (see `Dispatcher.sessions`): what an expiry timer's
/// event names. A number of another dispatcher's names nothing, or a session none of whose
/// generations it carries.
package struct SessionNumber: Hashable, Sendable {
    let value: UInt32
    init(_ index: Int) { value = UInt32(truncatingIfNeeded: index) }
    var index: Int { Int(value) }
    /// No session.
    static let none = SessionNumber(Int(UInt32.max))
}
