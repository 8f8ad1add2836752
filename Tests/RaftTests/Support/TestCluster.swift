import SimCore
@testable import Raft

typealias Node = RaftNode<String, [String]>
typealias Msg = Raft.Message<String, [String]>
typealias TestStorage = Raft.Storage<String, [String]>

/// A tiny in-memory cluster for rule-by-rule tests: members 1...n, a FIFO of messages in
/// flight, links that can be cut, crashes and restarts from `Raft.Storage`. Nothing happens
/// unless a test says so: `tick`, `deliver`, `stabilize`. Every Ready goes through a
/// `Raft.SafetyChecker`.
///
/// The application state of each member is the list of commands it applied, in order.
struct TestCluster {
    private(set) var nodes: [Node]
    private(set) var storages: [TestStorage]
    /// Commands applied by each member (its application state).
    private(set) var states: [[String]]
    private(set) var alive: [Bool]
    /// Messages sent and not yet delivered or dropped, oldest first.
    var queue: [Msg] = []
    /// Every message delivered to a live member, in order.
    private(set) var delivered: [Msg] = []
    /// `blocked[from][to]`: messages on that link are dropped when delivered.
    private var blocked: [[Bool]]
    private(set) var checker = Raft.SafetyChecker()
    let config: Raft.Config
    let seed: UInt64
    private var restarts: UInt64 = 0

    /// A new cluster whose founders are members 1...voters; `joiners` more members (numbered
    /// after them) start with no configuration, as managers about to join.
    init(voters: Int, joiners: Int = 0, config: Raft.Config = .init(), seed: UInt64 = 1) {
        let founders = (1...voters).map { Raft.NodeID($0) }
        let root = SeededRandom(seed: seed)
        nodes = (1...(voters + joiners)).map { i in
            Node(id: Raft.NodeID(i), voters: i <= voters ? founders : [], config: config, random: root.child(UInt64(i)))
        }
        let n = nodes.count
        storages = Array(repeating: TestStorage(), count: n)
        states = Array(repeating: [], count: n)
        alive = Array(repeating: true, count: n)
        blocked = Array(repeating: Array(repeating: false, count: n), count: n)
        self.config = config
        self.seed = seed
        processAll()
    }

    /// A cluster built from given storages (member i+1 restores from `storages[i]`).
    init(restoring storages: [TestStorage], config: Raft.Config = .init(), seed: UInt64 = 1) {
        let root = SeededRandom(seed: seed)
        nodes = storages.indices.map {
            Node(id: Raft.NodeID($0 + 1), restoring: storages[$0], config: config, random: root.child(UInt64($0 + 1)))
        }
        let n = nodes.count
        self.storages = storages
        states = Array(repeating: [], count: n)
        alive = Array(repeating: true, count: n)
        blocked = Array(repeating: Array(repeating: false, count: n), count: n)
        self.config = config
        self.seed = seed
        for node in nodes { checker.restarted(node) }
        processAll()
    }

    subscript(id: Raft.NodeID) -> Node { nodes[Int(id) - 1] }
    func state(_ id: Raft.NodeID) -> [String] { states[Int(id) - 1] }
    func storage(_ id: Raft.NodeID) -> TestStorage { storages[Int(id) - 1] }
    var ids: [Raft.NodeID] { nodes.map(\.id) }
    var liveIDs: [Raft.NodeID] { ids.filter { alive[Int($0) - 1] } }

    /// The live leaders, by ID.
    var leaders: [Raft.NodeID] { liveIDs.filter { self[$0].role == .leader } }

    // MARK: Driving members

    /// Hands out and carries out every Ready of member `id`: check, persist, send, apply, advance.
    mutating func process(_ id: Raft.NodeID) {
        let i = Int(id) - 1
        while alive[i] && nodes[i].hasReady {
            let ready = nodes[i].ready()
            checker.observe(nodes[i], ready: ready)
            storages[i].persist(ready)
            queue.append(contentsOf: ready.messages)
            if let s = ready.snapshot { states[i] = s.state }
            for e in ready.committed { if case .command(let c) = e.payload { states[i].append(c) } }
            nodes[i].advance()
        }
    }

    mutating func processAll() { for id in ids { process(id) } }

    /// Runs `body` on member `id`, then processes its Ready.
    @discardableResult
    mutating func with<R>(_ id: Raft.NodeID, _ body: (inout Node) throws -> R) rethrows -> R {
        let r = try body(&nodes[Int(id) - 1])
        process(id)
        return r
    }

    mutating func tick(_ id: Raft.NodeID, times: Int = 1) {
        for _ in 0..<times where alive[Int(id) - 1] { with(id) { $0.tick() } }
    }

    /// Ticks every live member once per round, delivering everything after each round.
    mutating func tickAll(rounds: Int = 1) {
        for _ in 0..<rounds {
            for id in liveIDs { tick(id) }
            stabilize()
        }
    }

    /// Makes member `id` campaign now, as if its election timeout had passed (etcd's MsgHup).
    mutating func campaign(_ id: Raft.NodeID) {
        with(id) { $0.campaign(preVote: $0.config.preVote) }
    }

    /// Member `id` campaigns and every message is delivered.
    mutating func elect(_ id: Raft.NodeID) {
        campaign(id)
        stabilize()
    }

    @discardableResult
    mutating func propose(_ command: String, at id: Raft.NodeID) throws(Raft.ProposalError) -> UInt64 {
        let index = try nodes[Int(id) - 1].propose(command)
        process(id)
        return index
    }

    // MARK: Delivering

    /// Delivers (or drops) the oldest message in flight. False when none is left.
    @discardableResult
    mutating func deliverOne() -> Bool {
        guard !queue.isEmpty else { return false }
        transmit(queue.removeFirst())
        return true
    }

    private mutating func transmit(_ m: Msg) {
        let (f, t) = (Int(m.from) - 1, Int(m.to) - 1)
        guard alive[t], !blocked[f][t] else { return }
        delivered.append(m)
        nodes[t].step(m)
        process(m.to)
    }

    /// Delivers the messages in flight that match, in order; keeps the others. Messages sent
    /// meanwhile wait for a later call.
    mutating func deliver(where match: (Msg) -> Bool) {
        let pending = queue
        queue = []
        var rest: [Msg] = []
        for m in pending {
            if match(m) { transmit(m) } else { rest.append(m) }
        }
        queue = rest + queue
    }

    /// Delivers matching messages, including those they cause, until none matches.
    mutating func deliverAll(where match: (Msg) -> Bool) {
        while queue.contains(where: match) { deliver(where: match) }
    }

    /// Drops the messages in flight that match.
    mutating func drop(where match: (Msg) -> Bool) { queue.removeAll(where: match) }

    /// Delivers until no message is left in flight.
    mutating func stabilize() {
        var steps = 0
        while deliverOne() {
            steps += 1
            precondition(steps < 1_000_000, "TestCluster.stabilize: messages never stop")
        }
    }

    // MARK: Faults

    mutating func cut(_ a: Raft.NodeID, _ b: Raft.NodeID) {
        blocked[Int(a) - 1][Int(b) - 1] = true
        blocked[Int(b) - 1][Int(a) - 1] = true
    }

    mutating func isolate(_ id: Raft.NodeID) { for other in ids where other != id { cut(id, other) } }

    /// Splits the members into groups that cannot reach each other.
    mutating func partition(_ groups: [[Raft.NodeID]]) {
        heal()
        for g in groups { for h in groups where g != h { for a in g { for b in h { cut(a, b) } } } }
    }

    mutating func heal() {
        for i in blocked.indices { for j in blocked[i].indices { blocked[i][j] = false } }
    }

    /// Stops member `id`: its volatile state is gone; its storage stays.
    mutating func crash(_ id: Raft.NodeID) { alive[Int(id) - 1] = false }

    /// Starts member `id` again from its storage.
    mutating func restart(_ id: Raft.NodeID) {
        let i = Int(id) - 1
        restarts += 1
        nodes[i] = Node(id: id, restoring: storages[i], config: config,
                        random: SeededRandom(seed: seed).child("restart").child(restarts))
        states[i] = []
        alive[i] = true
        checker.restarted(nodes[i])
        process(id)
    }

    // MARK: Building logs by hand

    /// A storage whose log holds the founding entries of `voters` members, then one entry per
    /// term in `terms` (commands named "e<index>"), with the given hard state.
    static func storage(voters: Int, terms: [UInt64], term: UInt64, vote: Raft.NodeID? = nil, commit: UInt64? = nil) -> TestStorage {
        var ready = Raft.Ready<String, [String]>()
        for v in 1...voters {
            ready.entries.append(Raft.Entry(term: 0, index: UInt64(v), payload: .membership(.addVoter(Raft.NodeID(v)))))
        }
        for t in terms {
            let index = UInt64(ready.entries.count + 1)
            ready.entries.append(Raft.Entry(term: t, index: index, payload: .command("e\(index)")))
        }
        ready.hardState = Raft.HardState(term: term, vote: vote, commit: commit ?? UInt64(voters))
        var s = TestStorage()
        s.persist(ready)
        return s
    }
}

extension Msg {
    var isVoteRequest: Bool { if case .vote = kind { true } else { false } }
    var isPreVoteRequest: Bool { if case .preVote = kind { true } else { false } }
    var isAppend: Bool { if case .append = kind { true } else { false } }
    var isHeartbeat: Bool { if case .heartbeat = kind { true } else { false } }
    var isSnapshot: Bool { if case .installSnapshot = kind { true } else { false } }
    var appendedEntries: [Raft.Entry<String>] { if case .append(_, _, let e, _) = kind { e } else { [] } }
    var isRejection: Bool {
        switch kind {
        case .appendResponse(_, let reject, _, _), .voteResponse(let reject), .preVoteResponse(let reject): reject
        default: false
        }
    }
}
