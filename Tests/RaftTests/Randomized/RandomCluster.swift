import SimCore
@testable import Raft

/// One randomized run of a Raft cluster on a small simulated network of its own (until the
/// SimNetwork module lands): members tick every 100 ms of virtual time, slightly out of step;
/// messages take 1–10 ms, sometimes up to 250 ms (so they reorder), and may be lost or
/// duplicated; partitions come and go; members crash and restart from their `Raft.Storage`;
/// clients propose commands to whoever leads; members snapshot when `needsSnapshot`; the leader
/// adds fresh members and removes members, one change at a time, and removed members shut down
/// (as swarmkit managers do) once a remaining member has applied their removal.
///
/// Every Ready goes through a `Raft.SafetyChecker` (safety all the time). Then faults stop:
/// the network heals, every crashed member restarts, and the members of the latest committed
/// configuration must converge and commit one last command within `settleTicks` (liveness at
/// the end). Everything is drawn from the seed, so a run is a pure function of it.
struct RandomCluster {
    struct Settings: CustomStringConvertible {
        var voters: Int
        /// Fresh members the leader may add during the run.
        var joiners = 2
        var config: Raft.Config
        /// Ticks (of 100 ms) of faults and proposals.
        var faultTicks = 60
        /// Ticks allowed to converge once faults stop.
        var settleTicks = 200

        /// Settings for `voters` founding members with a configuration drawn from `random`.
        static func draw(voters: Int, _ random: inout SeededRandom) -> Settings {
            var config = Raft.Config()
            config.electionTicks = random.chance(0.5) ? 4 : 10
            config.checkQuorum = random.chance(0.7)
            config.preVote = random.chance(0.5)
            config.heartbeatTicks = random.chance(0.8) ? 1 : 3
            config.maxEntriesPerAppend = [1, 1, 4, 64][random.int(in: 0..<4)]
            config.maxInflightAppends = [1, 4, 256][random.int(in: 0..<3)]
            config.snapshotInterval = [8, 30, 10_000][random.int(in: 0..<3)]
            config.logEntriesForSlowFollowers = [0, 3, 50][random.int(in: 0..<3)]
            return Settings(voters: voters, config: config)
        }

        var description: String {
            "\(voters) voters, election \(config.electionTicks), checkQuorum \(config.checkQuorum), preVote \(config.preVote), "
                + "heartbeat \(config.heartbeatTicks), \(config.maxEntriesPerAppend) entries/append, \(config.maxInflightAppends) inflight, "
                + "snapshot every \(config.snapshotInterval) keeping \(config.logEntriesForSlowFollowers)"
        }
    }

    struct Outcome {
        var violations: [Raft.Violation]
        /// What had not converged when time ran out (empty: converged).
        var pending: [String]
        var settledAfterTicks: Int?
        var committedCommands: Int
        var membershipChanges: Int
        var events: Int
    }

    enum Event {
        case tick(Int)
        case deliver(Msg)
        case fault
        case propose
    }

    /// Where a member slot is in its life.
    enum Status: Equatable { case notStarted, running, crashed, removed }

    let seed: UInt64
    let settings: Settings
    private var random: SeededRandom
    private let nodeStreams: SeededRandom
    private var events = EventQueue<Event>()
    private(set) var now = SimTime.zero
    private(set) var nodes: [Node]
    private var storages: [TestStorage]
    private(set) var states: [[String]]
    private var status: [Status]
    /// The index of the committed entry that removed each member, once any member applied it.
    private var removalIndex: [UInt64?]
    /// Each member's side of the current partition: messages cross only within a side.
    private var side: [Int]
    private var loss = 0.0
    private var duplication = 0.0
    private var faultsOn = true
    private var crashBeforeSending = false
    private var proposals = 0
    private var membershipChanges = 0
    private var restarts: UInt64 = 0
    private var handled = 0
    private(set) var checker = Raft.SafetyChecker()
    /// Turns where `handOut` did other than the Ready loop (`compareHandOut`).
    private(set) var handOutMismatches: [String] = []
    /// Lines describing faults and role changes, when tracing.
    private(set) var trace: [String]?

    static let tickInterval = SimDuration.milliseconds(100)

    init(seed: UInt64, voters: Int, tracing: Bool = false) {
        self.seed = seed
        let root = SeededRandom(seed: seed)
        var settingsStream = root.child("settings")
        settings = Settings.draw(voters: voters, &settingsStream)
        random = root.child("network")
        let streams = root.child("nodes")
        nodeStreams = streams
        let slots = voters + settings.joiners
        let founders = (1...voters).map { Raft.NodeID($0) }
        let config = settings.config
        nodes = (1...slots).map { Node(id: Raft.NodeID($0), voters: $0 <= voters ? founders : [], config: config, random: streams.child(UInt64($0))) }
        storages = Array(repeating: TestStorage(), count: slots)
        states = Array(repeating: [], count: slots)
        status = (0..<slots).map { $0 < voters ? .running : .notStarted }
        removalIndex = Array(repeating: nil, count: slots)
        side = Array(repeating: 0, count: slots)
        trace = tracing ? [] : nil
    }

    // MARK: Running

    mutating func run() -> Outcome {
        for i in nodes.indices {
            process(i)
            events.push(.tick(i), at: now + .milliseconds(Int64(random.int(in: 0..<100))))
        }
        events.push(.fault, at: now + .milliseconds(Int64(random.int(in: 100..<1_000))))
        events.push(.propose, at: now + .milliseconds(Int64(random.int(in: 50..<300))))
        runEvents(until: SimTime.zero + Self.tickInterval * Int64(settings.faultTicks))

        // Faults stop: heal everything, bring every crashed member back, wait for convergence.
        faultsOn = false
        note("faults stop: heal, restart all")
        side = side.map { _ in 0 }
        loss = 0
        duplication = 0
        for i in nodes.indices where status[i] == .crashed { restart(i) }
        var pending: [String] = []
        var finalIndex: UInt64?
        for t in 1...settings.settleTicks {
            runEvents(until: now + Self.tickInterval)
            let members = self.members
            pending = Raft.Convergence.pending(members.map { nodes[$0] })
            guard pending.isEmpty else { continue }
            guard let index = finalIndex else {
                // Converged: one more command must commit everywhere.
                if let l = members.first(where: { nodes[$0].role == .leader }) {
                    finalIndex = try? nodes[l].propose("final")
                    process(l)
                }
                continue
            }
            guard members.allSatisfy({ nodes[$0].appliedIndex >= index }) else { continue }
            for i in members where states[i] != states[members[0]] {
                pending.append("member \(i + 1) applied \(states[i].count) commands, member \(members[0] + 1) applied \(states[members[0]].count)")
            }
            return Outcome(violations: checker.violations, pending: pending, settledAfterTicks: t,
                           committedCommands: states[members[0]].count, membershipChanges: membershipChanges, events: handled)
        }
        if pending.isEmpty { pending = ["the final command did not commit everywhere"] }
        return Outcome(violations: checker.violations, pending: pending, settledAfterTicks: nil,
                       committedCommands: 0, membershipChanges: membershipChanges, events: handled)
    }

    /// The members of the latest committed configuration: that of the running member with the
    /// highest commit index.
    private var members: [Int] {
        let running = nodes.indices.filter { status[$0] == .running }
        guard let latest = running.max(by: { nodes[$0].commitIndex < nodes[$1].commitIndex }) else { return [] }
        return nodes[latest].voters.map { Int($0) - 1 }
    }

    /// Former members shut down, as removed managers do, once a remaining member has applied
    /// their removal (until then a remaining voter that missed the commit may need their vote).
    private mutating func retireRemovedMembers() {
        for i in nodes.indices where status[i] == .running {
            guard let removal = removalIndex[i] else { continue }
            if nodes.indices.contains(where: { $0 != i && status[$0] == .running && nodes[$0].isVoter && nodes[$0].commitIndex >= removal }) {
                status[i] = .removed
                note("member \(i + 1) shuts down: removed at \(removal)")
            }
        }
    }

    private mutating func runEvents(until deadline: SimTime) {
        while let t = events.peekTime(), t <= deadline, let (time, _, event) = events.pop() {
            now = time
            handled += 1
            handle(event)
        }
        now = deadline
    }

    private mutating func handle(_ event: Event) {
        switch event {
        case .tick(let i):
            if status[i] == .running {
                nodes[i].tick()
                process(i)
                retireRemovedMembers()
            }
            // Clocks run slightly out of step: 95–105 ms per tick.
            events.push(.tick(i), at: now + .milliseconds(Int64(random.int(in: 95...105))))
        case .deliver(let m):
            let (from, to) = (Int(m.from) - 1, Int(m.to) - 1)
            guard status[to] == .running, side[from] == side[to] else { return }
            nodes[to].step(m)
            process(to)
        case .fault:
            guard faultsOn else { return }
            injectFault()
            events.push(.fault, at: now + .milliseconds(Int64(random.int(in: 100..<700))))
        case .propose:
            guard faultsOn else { return }
            proposeSomewhere()
            events.push(.propose, at: now + .milliseconds(Int64(random.int(in: 20..<300))))
        }
    }

    // MARK: Members

    /// Carries out every Ready of member `i`: check, persist, send, apply, advance; then
    /// snapshots if due.
    private mutating func process(_ i: Int) {
        while status[i] == .running && nodes[i].hasReady {
            let before = (nodes[i].term, nodes[i].commitIndex)
            let twin = handOutTwin(i)   // compared with the Ready's turn below
            let ready = nodes[i].ready()
            checker.observe(nodes[i], ready: ready)
            storages[i].persist(ready)
            // A nemesis that strikes at the worst moment: a leader that has just taken office,
            // committed, or accepted a proposal sometimes crashes after persisting, before
            // sending, leaving entries half-replicated (the paper's Figure 8 needs exactly that).
            if faultsOn && nodes[i].role == .leader
                && (crashBeforeSending || ((ready.role != nil || nodes[i].commitIndex != before.1) && random.chance(0.03))) {
                crashBeforeSending = false
                status[i] = .crashed
                note("crash member \(i + 1) (leader at commit \(nodes[i].commitIndex), before sending)")
                return
            }
            for m in ready.messages { send(m) }
            if let s = ready.snapshot { states[i] = s.state }
            for e in ready.committed {
                switch e.payload {
                case .command(let c): states[i].append(c)
                case .membership(let change) where change.kind == .removeVoter: removalIndex[Int(change.node) - 1] = e.index
                default: break
                }
            }
            nodes[i].advance()
            compareHandOut(twin, with: ready, member: i)
            // Odd seeds go on from the node `handOut` left, as a shell that never asks for a
            // Ready keeps it (no appended arrays kept for Readies); even seeds from the Ready's.
            if seed % 2 == 1 {
                nodes[i] = twin.node
                nodes[i].log.keepsAppendedArrays = false
            }
            if trace != nil && (ready.role != nil || before.0 != nodes[i].term) {
                note("member \(i + 1): \(nodes[i].role) in term \(nodes[i].term), commit \(nodes[i].commitIndex)")
            }
            if nodes[i].needsSnapshot {
                nodes[i].compact(through: nodes[i].appliedIndex, state: states[i])
            }
        }
        // With nothing ready, a turn through `handOut` changes nothing.
        if status[i] == .running { compareHandOut(handOutTwin(i), with: Raft.Ready(), member: i) }
    }

    /// What a turn through `handOut` does on copies of member `i`'s node and storage.
    struct Twin {
        var node: Node
        var storage: TestStorage
        var sent: [Msg] = []
        var loaded: Raft.Snapshot<[String]>?
        var applied: [Raft.Entry<String>] = []
    }

    private func handOutTwin(_ i: Int) -> Twin {
        var twin = Twin(node: nodes[i], storage: storages[i])
        twin.node.handOut(persistingTo: &twin.storage, send: { twin.sent += $0 }, load: { twin.loaded = $0 },
                          apply: { twin.applied.append($0) })
        return twin
    }

    /// Records where `handOut` did other than `ready()`, `Storage.persist` and `advance()` from
    /// the same node: what it persisted, sent, loaded and applied, and the node it left.
    private mutating func compareHandOut(_ twin: Twin, with ready: Raft.Ready<String, [String]>, member i: Int) {
        let (n, s) = (nodes[i], storages[i])
        var differ: [String] = []
        if twin.storage.hardState != s.hardState || twin.storage.snapshot != s.snapshot || twin.storage.entries != s.entries
            || twin.storage.baseIndex != s.baseIndex || twin.storage.baseTerm != s.baseTerm { differ.append("storage") }
        if twin.sent != ready.messages { differ.append("messages") }
        if twin.loaded != ready.snapshot { differ.append("snapshot") }
        if twin.applied != ready.committed { differ.append("committed entries") }
        if twin.node.hasReady || n.hasReady { differ.append("still ready") }
        if (twin.node.term, twin.node.role, twin.node.leader, twin.node.commitIndex, twin.node.appliedIndex, twin.node.lastIndex)
            != (n.term, n.role, n.leader, n.commitIndex, n.appliedIndex, n.lastIndex) { differ.append("node") }
        if !differ.isEmpty { handOutMismatches.append("member \(i + 1) at \(now): \(differ.joined(separator: ", "))") }
    }

    private mutating func send(_ m: Msg) {
        guard !random.chance(loss) else { return }
        events.push(.deliver(m), at: now + delay())
        if random.chance(duplication) { events.push(.deliver(m), at: now + delay()) }
    }

    /// 1–10 ms, and one time in ten 20–250 ms.
    private mutating func delay() -> SimDuration {
        random.chance(0.1) ? .milliseconds(Int64(random.int(in: 20...250))) : .milliseconds(Int64(random.int(in: 1...10)))
    }

    private var runningLeader: Int? {
        nodes.indices.filter { status[$0] == .running && nodes[$0].role == .leader }.max { nodes[$0].term < nodes[$1].term }
    }

    private mutating func proposeSomewhere() {
        var order = Array(nodes.indices)
        random.shuffle(&order)
        for i in order where status[i] == .running && nodes[i].role == .leader {
            proposals += 1
            if (try? nodes[i].propose("s\(seed)-\(proposals)")) != nil {
                crashBeforeSending = random.chance(0.05)
                process(i)
                crashBeforeSending = false
                return
            }
        }
    }

    /// The leader adds a fresh member (started first, with no configuration) or removes one.
    private mutating func changeMembership() {
        guard let l = runningLeader else { return }
        let change: Raft.MembershipChange
        if random.chance(0.5), let j = nodes.indices.first(where: { status[$0] == .notStarted }) {
            status[j] = .running
            process(j)
            change = .addVoter(nodes[j].id)
        } else if let v = random.element(of: nodes[l].voters) {
            change = .removeVoter(v)
        } else {
            return
        }
        do {
            _ = try nodes[l].proposeMembership(change)
            membershipChanges += 1
            note("member \(l + 1) proposes to \(change)")
        } catch {
            note("member \(l + 1) refuses to \(change): \(error)")
        }
        process(l)
    }

    private mutating func restart(_ i: Int) {
        restarts += 1
        nodes[i] = Node(id: Raft.NodeID(i + 1), restoring: storages[i], config: settings.config,
                        random: nodeStreams.child("restart").child(restarts))
        states[i] = []
        status[i] = .running
        checker.restarted(nodes[i])
        note("restart member \(i + 1)")
        process(i)
    }

    // MARK: Faults

    private mutating func injectFault() {
        let n = nodes.count
        switch random.int(in: 0..<10) {
        case 0:
            side = (0..<n).map { _ in random.int(in: 0...1) }
            note("partition \(side)")
        case 1:
            let i = runningLeader ?? random.int(in: 0..<n)
            side = (0..<n).map { $0 == i ? 1 : 0 }
            note("isolate member \(i + 1)")
        case 2:
            side = side.map { _ in 0 }
            note("heal")
        case 3, 4:
            let up = nodes.indices.filter { status[$0] == .running }
            if let i = random.chance(0.7) ? runningLeader : random.element(of: up) {
                status[i] = .crashed
                note("crash member \(i + 1)")
            }
        case 5, 6, 7:
            let down = nodes.indices.filter { status[$0] == .crashed }
            if let i = random.element(of: down) { restart(i) }
        case 8:
            changeMembership()
        default:
            loss = [0, 0.05, 0.2, 0.5][random.int(in: 0..<4)]
            duplication = [0, 0.05, 0.2][random.int(in: 0..<3)]
            note("loss \(loss), duplication \(duplication)")
        }
    }

    private mutating func note(_ line: String) {
        if trace != nil { trace?.append("[\(now)] \(line)") }
    }
}
