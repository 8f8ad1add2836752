import SimCore
import SimNetwork
import Raft
import Orchestration
import NodeRoles

/// A simulated swarm: hosts on a network, their engines, and the clock that drives them.
///
/// Single-threaded and deterministic: the same options, hosts and calls give the same events in
/// the same order, and the same trace bytes.
public final class Swarm {
    public let options: SwarmOptions
    public let trace: TraceWriter
    /// Whether each message delivery is traced (off by default: traces stay small).
    public var traceMessages = false
    /// Called at each notable change (roles, faults, node status); see `SwarmNotification`.
    public var observer: ((SimTime, SwarmNotification) -> Void)?

    let simulator = Simulator<SwarmEvent>()
    public internal(set) var network: Network
    var hosts: [Host] = []
    /// Per host: where its node ID's text lies, for `prefetch(for:)` alone (`setMembership`).
    var nodeIDTexts: [UnsafeRawPointer?] = []
    var identity: IDGenerator
    let rootRandom: SeededRandom
    var jitter: SeededRandom
    /// Draws each Raft write's duration when `raftPersistLatency` is a range.
    var persistRandom: SeededRandom
    /// Draws each manager tick's deviation when `raftTickJitter` is set.
    var tickJitterRandom: SeededRandom
    /// `cut A -> B raft-entries`: the (sender, receiver) pairs whose Raft log entries are lost.
    var entryCuts: [(from: HostID, to: HostID)] = []
    /// Raft member ID → host (an address book; looked up, never iterated).
    var raftDirectory: [UInt64: HostID] = [:] { didSet { raftDirectoryChanges &+= 1 } }
    /// Counts the changes to `raftDirectory`, and the last `managerHosts` answer.
    var raftDirectoryChanges: UInt64 = 0
    var lastManagerHosts: (voters: [UInt64], directoryChanges: UInt64, hosts: [HostID])?
    /// Node ID → the host whose engine is that node (looked up, never iterated).
    var hostOfNode: IDDictionary<HostID> = [:] { didSet { hostOfNodeChanges &+= 1 } }
    /// Counts the changes to `hostOfNode` (a node leaving takes its endpoints out of the mesh).
    var hostOfNodeChanges: UInt64 = 0
    /// Counts the managers started, to tell their runtimes apart (`Manager.serial`).
    var managerStarts: UInt64 = 0
    /// Moves after every event that may change who leads (all but a tick that only counted,
    /// `raftTick`) and whenever a run starts; `leaderBetweenEvents` keeps its answer meanwhile.
    var leaderEpoch: UInt64 = 0
    var leaderSeen: (epoch: UInt64, leader: HostID?)?
    /// Set by a tick that only counted towards an election timeout.
    var tickOnlyCounted = false
    var operations = OperationTable()
    var meshRequests: [MeshRequestState] = []
    var pendingCalls = CallTable()
    /// Their deadlines; only the earliest that may still fire is an event (see `CallDeadlines`).
    var callDeadlines = CallDeadlines()
    /// Writers waiting for their proposal, by the ticket its `PendingProposal` carries (looked up,
    /// never iterated), and the last ticket given.
    var proposalWaiters: [UInt64: ProposalWaiter] = [:]
    var proposalTickets: UInt64 = 0
    /// The agents' effects buffer, reused from event to event (see `withAgent`).
    var agentEffects: [AgentEffect] = []
    /// The dispatchers' effects buffer (see `takeDispatcherEffects`).
    var dispatcherEffects: [DispatcherEffect] = []
    var nextCallID: CallID = 1
    public var safety = SafetyMonitor()
    /// The swarm's own invariants (stores agree, tasks, slots, scheduling); see `InvariantChecker`.
    public var invariants = InvariantChecker()
    /// How the containers of each declared image behave (`image web:2 exits 1 after 5s`).
    public var images = ImageCatalog()

    public init(options: SwarmOptions, trace: TraceWriter = .disabled()) {
        self.options = options
        self.trace = trace
        rootRandom = SeededRandom(seed: options.seed)
        network = Network(defaultLink: options.link, random: rootRandom.child("network"))
        identity = IDGenerator(random: rootRandom.child("identity"))
        jitter = rootRandom.child("jitter")
        persistRandom = rootRandom.child("raft persist")
        tickJitterRandom = rootRandom.child("raft tick jitter")
    }

    public var now: SimTime { simulator.now }

    // MARK: Hosts

    /// Adds a machine with a Docker engine that is not yet in a swarm.
    @discardableResult
    public func addHost(name: String, address: String, nanoCPUs: Int64 = 1_000_000_000,
                        memoryBytes: Int64 = 1 << 31, labels: Labels = Labels()) -> HostID {
        let id = network.addHost()
        precondition(id.index == hosts.count, "Swarm.addHost: network and host table out of step")
        hosts.append(Host(id: id, name: name, address: address, nanoCPUs: nanoCPUs, memoryBytes: memoryBytes, engineLabels: labels))
        nodeIDTexts.append(nil)
        return id
    }

    public var hostCount: Int { hosts.count }
    public func name(of host: HostID) -> String { hosts[host.index].name }
    public func address(of host: HostID) -> String { hosts[host.index].address }
    public func isUp(_ host: HostID) -> Bool { network.isUp(host) }

    /// The host with this name or address (with or without a port).
    public func host(named reference: String) -> HostID? {
        let bare = reference.split(separator: ":", maxSplits: 1).first.map(String.init) ?? reference
        return hosts.first(where: { $0.name == bare || $0.address == bare })?.id
    }

    // MARK: Running

    /// Runs every event due up to `time`.
    public func run(until time: SimTime) {
        leaderEpoch &+= 1
        var driver = Driver(swarm: self)
        simulator.run(until: time, &driver)
    }

    /// Runs until `condition` holds or `deadline` passes; returns whether it held.
    @discardableResult
    public func run(until condition: (Swarm) -> Bool, deadline: SimTime) -> Bool {
        leaderEpoch &+= 1
        var driver = Driver(swarm: self)
        return simulator.run(until: { _ in condition(self) }, deadline: deadline, &driver)
    }

    /// Lives for one `run` call, so it holds the swarm strongly: an `unowned` reference would
    /// be checked (an atomic retain and release) on every event.
    struct Driver: EventHandler {
        let swarm: Swarm
        mutating func handle(_ event: SwarmEvent, simulator: Simulator<SwarmEvent>) {
            swarm.tickOnlyCounted = false
            swarm.handle(event)
            if !swarm.tickOnlyCounted { swarm.leaderEpoch &+= 1 }
            simulator.peekNext { swarm.prefetch(for: $0) }
        }
    }

    func handle(_ event: SwarmEvent) {
        switch event {
        case .deliver(let envelope):
            deliver(envelope)
        case .raftTick(let host, let incarnation):
            guard current(host, incarnation) else { return }
            raftTick(host)
        case .raftPersisted(let host, let incarnation, let messages):
            guard current(host, incarnation) else { return }
            sendRaftMessages(messages, from: host)
        case .heartbeatDue(let host, let incarnation):
            guard current(host, incarnation) else { return }
            heartbeatWoke(host)
        case .callTimeout(let id):
            if let call = pendingCalls.remove(id) { callFailed(call, .deadline, id: id) }
            armCallDeadline()
        case .nodeExpiry(let host, let incarnation, let session, let generation):
            guard current(host, incarnation) else { return }
            nodeExpired(host, session: session, generation: generation)
        case .retryOperation(let op, let deadline):
            retry(op, deadline: deadline)
        case .orchestrate(let host, let incarnation, let term):
            guard current(host, incarnation) else { return }
            orchestrate(host, term: term)
        case .taskStep(let host, let incarnation, let taskID):
            guard current(host, incarnation) else { return }
            agentStep(host, taskID: taskID)
        case .meshPropagate(let host, let incarnation, let serviceID):
            guard current(host, incarnation) else { return }
            propagateMesh(host, serviceID: serviceID)
        case .meshTimeout(let id):
            meshTimedOut(id)
        case .stopRemovedManager(let host, let incarnation):
            guard current(host, incarnation), hosts[host.index].manager?.removedFromRaft == true else { return }
            stopManager(host)
        case .retryJoin(let host, let incarnation):
            guard current(host, incarnation) else { return }
            sendBackgroundJoin(host)
        }
    }

    /// Whether `host` is up and still in the incarnation an event was scheduled for.
    func current(_ host: HostID, _ incarnation: UInt32) -> Bool {
        network.isUp(host) && network.incarnation(host) == incarnation
    }

    func schedule(_ event: SwarmEvent, after delay: SimDuration) {
        simulator.schedule(event, after: delay)
    }

    // MARK: Messages

    func send(_ message: WireMessage, from: HostID, to: HostID) {
        let envelope = Envelope(from: from, to: to, incarnation: network.incarnation(to), message: message)
        if !entryCuts.isEmpty, isEntryCut(message, from: from, to: to) {
            if traceMessages { traceMessage("drop", envelope, reason: "cut") }
            return
        }
        switch transmission(of: message, from: from, to: to) {
        case .dropped(let reason):
            if traceMessages { traceMessage("drop", envelope, reason: reason.rawValue) }
        case .delivered(let delay):
            simulator.schedule(.deliver(envelope), after: delay)
        case .duplicated(let first, let second):
            simulator.schedule(.deliver(envelope), after: first)
            simulator.schedule(.deliver(envelope), after: second)
        }
    }

    func deliver(_ envelope: Envelope<WireMessage>) {
        guard network.accepts(envelope) else {
            if traceMessages { traceMessage("drop", envelope, reason: "receiver") }
            return
        }
        if traceMessages { traceMessage("deliver", envelope, reason: nil) }
        switch envelope.message {
        case .raft(let message): raftReceive(message, at: envelope.to)
        case .raftMemberRemoved(let id, let byForce):
            if byForce { memberRemovedByForce(id, at: envelope.to) } else { memberRemovedByDemotion(id, at: envelope.to) }
        case .call(let id, let call): receiveCall(id, call, from: envelope.from, at: envelope.to)
        case .reply(let id, let reply): receiveReply(id, reply, at: envelope.to)
        case .mesh(let updates): receiveMesh(updates, at: envelope.to)
        case .meshNodeLeft(let nodeID): receiveMeshNodeLeft(nodeID, at: envelope.to)
        case .meshRequest(let id, let taskID): receiveMeshRequest(id, taskID: taskID, from: envelope.from, at: envelope.to)
        case .meshResponse(let id, let task): receiveMeshResponse(id, task: task, from: envelope.from)
        case .assignments(let node, let nodeID, let stamp, let set):
            if node == envelope.to { receiveAssignments(set, for: nodeID, stamp: stamp, at: node) }
            else if hosts[envelope.to.index].manager != nil { send(envelope.message, from: envelope.to, to: node) }
        }
    }

    func raftRandom(_ host: HostID) -> SeededRandom {
        rootRandom.child("raft").child(UInt64(host.index) << 32 | UInt64(network.incarnation(host)))
    }

    // MARK: Trace

    func traceHost(_ event: String, _ host: HostID) {
        guard trace.isEnabled else { return }
        var line = TraceLine(time: now, event: event)
        line.field("host", name(of: host))
        trace.write(line)
    }

    func traceFault(_ event: String, _ args: [String]) {
        guard trace.isEnabled else { return }
        var line = TraceLine(time: now, event: event)
        if !args.isEmpty { line.field("args", args) }
        trace.write(line)
    }

    func traceMessage(_ event: String, _ e: Envelope<WireMessage>, reason: String?) {
        guard trace.isEnabled else { return }
        var line = TraceLine(time: now, event: event)
        line.field("from", name(of: e.from))
        line.field("to", name(of: e.to))
        line.field("msg", e.message.traceKind)
        if let reason { line.field("reason", reason) }
        trace.write(line)
    }
}
