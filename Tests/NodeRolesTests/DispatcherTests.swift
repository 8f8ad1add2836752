import Testing
import SimCore
import Orchestration
@testable import NodeRoles

/// The leader's dispatcher driven on its own: heartbeats and timers in, effects out.
@Suite struct DispatcherTests {
    let settings = DispatcherSettings(gracePeriodMultiplier: 3)
    let t0 = SimTime(nanoseconds: 100_000_000_000)

    func store(_ states: [(String, NodeState)]) -> ClusterStore {
        var store = ClusterStore()
        var index: UInt64 = 1
        for (id, state) in states {
            store.apply(.addNode(NodeRecord(id: id, hostname: id, role: .worker, address: "10.0.0.1", engineVersion: "27",
                                            nanoCPUs: 1, memoryBytes: 1, createdAt: .zero)), at: index)
            store.apply(.setNodeState(id: id, state, message: "", at: .zero), at: index + 1)
            index += 2
        }
        return store
    }

    func describe(_ e: DispatcherEffect) -> String {
        switch e {
        case .started: "started"
        case .propose(let commands):
            "propose " + commands.map { c -> String in
                if case .setNodeState(let id, let state, _, _) = c { "\(id)=\(state.rawValue)" } else { "other" }
            }.joined(separator: " ")
        case .expiryDue(let session, let g, let d, let order):
            "expiry \(session.index)#\(g % (1 << 32)) after \(d)" + (order.map { " order \($0.sequence)" } ?? "")
        case .heartbeatAnswer(let period, let role, _, let term, let writeFirst):
            "answer \(period) \(role) term \(term)" + (writeFirst.isEmpty ? "" : " after \(writeFirst.count) write(s)")
        case .sendAssignments(let node): "assignments \(node)"
        case .sendMesh(let node): "mesh \(node)"
        case .repairMesh(let node): "repair \(node)"
        }
    }

    @Test func aNewLeaderMarksEveryNodeNotDownUnknownAndWatchesIt() {
        var effects: [DispatcherEffect] = []
        let d = Dispatcher(term: 4, store: store([("a", .ready), ("b", .down)]), now: t0, grace: .seconds(30),
                           settings: settings, effects: &effects)
        #expect(effects.map(describe) == ["started", "expiry 0#1 after 30s", "propose a=unknown"])
        #expect(d.watches("a") && !d.watches("b"))
        #expect(d.session(of: "a") == SessionNumber(0) && d.nodeID(of: SessionNumber(0)) == "a")
    }

    @Test func aFirstHeartbeatMarksTheNodeReadyAndSendsItsAssignments() {
        var effects: [DispatcherEffect] = []
        let s = store([("a", .unknown)])
        var d = Dispatcher(term: 4, store: s, now: t0, grace: .seconds(30), settings: settings, effects: &effects)
        effects = []
        d.heartbeat(from: HeartbeatNode(s.node(id: "a")!), incarnation: 1, isRaftMember: false, leaderTerm: 4, lagging: false, now: t0,
                    period: .seconds(5), expiryOrder: EventID(sequence: 7), effects: &effects)
        #expect(effects.map(describe) == ["expiry 0#2 after 15s order 7", "answer 5s worker term 4 after 1 write(s)",
                                          "assignments a", "mesh a"])
    }

    /// Generation `n` of a dispatcher of term 4.
    func gen(_ n: UInt64) -> UInt64 { 4 << 32 | n }

    @Test func aSteadyHeartbeatOnlyRearmsTheTimerUnlessTheAgentRestartedOrLags() {
        var effects: [DispatcherEffect] = []
        let s = store([("a", .ready)])
        var d = Dispatcher(term: 4, store: store([]), now: t0, grace: .seconds(30), settings: settings, effects: &effects)
        let node = HeartbeatNode(s.node(id: "a")!)
        effects = []
        d.heartbeat(from: node, incarnation: 1, isRaftMember: false, leaderTerm: 4, lagging: false, now: t0,
                    period: .seconds(5), expiryOrder: EventID(sequence: 7), effects: &effects)
        #expect(effects.map(describe) == ["expiry 0#1 after 15s order 7", "answer 5s worker term 4", "assignments a", "mesh a"])
        // The timer's event is in the queue, due before the next timers: they schedule none.
        effects = []
        d.heartbeat(from: node, incarnation: 1, isRaftMember: false, leaderTerm: 4, lagging: false, now: t0 + .seconds(5),
                    period: .seconds(5), expiryOrder: EventID(sequence: 9), effects: &effects)
        #expect(effects.map(describe) == ["answer 5s worker term 4", "repair a"])
        effects = []
        d.heartbeat(from: node, incarnation: 2, isRaftMember: false, leaderTerm: 4, lagging: false, now: t0 + .seconds(10),
                    period: .seconds(5), expiryOrder: EventID(sequence: 11), effects: &effects)
        #expect(effects.map(describe) == ["answer 5s worker term 4", "assignments a", "mesh a"])
        // A task of the node left unacknowledged, or the session on a new stream: its set goes again.
        for (lagging, newStream) in [(true, false), (false, true)] {
            effects = []
            d.heartbeat(from: node, incarnation: 2, isRaftMember: false, leaderTerm: 4, newStream: newStream, lagging: lagging,
                        now: t0 + .seconds(10), period: .seconds(5), expiryOrder: EventID(sequence: 13), effects: &effects)
            #expect(effects.map(describe) == ["answer 5s worker term 4", "assignments a", "mesh a"])
        }
    }

    @Test func aTimerEventMovesOnToTheNewestTimerWhichAloneMarksTheNodeDown() throws {
        var effects: [DispatcherEffect] = []
        let s = store([("a", .ready)])
        var d = Dispatcher(term: 4, store: store([]), now: t0, grace: .seconds(30), settings: settings, effects: &effects)
        let node = HeartbeatNode(s.node(id: "a")!)
        d.heartbeat(from: node, incarnation: 1, isRaftMember: false, leaderTerm: 4, lagging: false, now: t0,
                    period: .seconds(5), expiryOrder: EventID(sequence: 7), effects: &effects)
        d.heartbeat(from: node, incarnation: 1, isRaftMember: false, leaderTerm: 4, lagging: false, now: t0 + .seconds(5),
                    period: .seconds(5), expiryOrder: EventID(sequence: 9), effects: &effects)
        let a = try #require(d.session(of: "a"))
        // The event of timer 1 fires: timer 2 is the newest, due 5 s later, under its reserved ID.
        #expect(d.timerFired(a, generation: gen(1), now: t0 + .seconds(15))
                == .later(generation: gen(2), after: .seconds(5), order: EventID(sequence: 9)))
        #expect(d.timerFired(a, generation: gen(1), now: t0 + .seconds(15)) == .void)
        effects = []
        d.expired(a, generation: gen(1), store: s, now: t0 + .seconds(20), effects: &effects)
        #expect(effects.isEmpty)
        #expect(d.timerFired(a, generation: gen(2), now: t0 + .seconds(20)) == .due)
        d.expired(a, generation: gen(2), store: s, now: t0 + .seconds(20), effects: &effects)
        #expect(effects.map(describe) == ["propose a=down"])
        // The next heartbeat finds no event in the queue: its timer is one.
        effects = []
        d.heartbeat(from: node, incarnation: 1, isRaftMember: false, leaderTerm: 4, lagging: false, now: t0 + .seconds(21),
                    period: .seconds(5), expiryOrder: EventID(sequence: 20), effects: &effects)
        #expect(effects.map(describe).first == "expiry 0#3 after 15s order 20")
        // A timer due sooner than the one in the queue (a shorter period) is an event of its own;
        // the later event then finds nothing to do.
        effects = []
        d.heartbeat(from: node, incarnation: 1, isRaftMember: false, leaderTerm: 4, lagging: false, now: t0 + .seconds(22),
                    period: .seconds(1), expiryOrder: EventID(sequence: 22), effects: &effects)
        #expect(effects.map(describe).first == "expiry 0#4 after 3s order 22")
        #expect(d.timerFired(a, generation: gen(4), now: t0 + .seconds(25)) == .due)
        #expect(d.timerFired(a, generation: gen(3), now: t0 + .seconds(36)) == .void)
    }

    @Test func aTimerOfAnEarlierTermsDispatcherIsVoid() throws {
        var effects: [DispatcherEffect] = []
        var d = Dispatcher(term: 5, store: store([("a", .ready)]), now: t0, grace: .seconds(30), settings: settings,
                           effects: &effects)
        let a = try #require(d.session(of: "a"))
        #expect(d.timerFired(SessionNumber(1), generation: 5 << 32 | 1, now: t0 + .seconds(30)) == .void)
        #expect(d.timerFired(a, generation: gen(1), now: t0 + .seconds(30)) == .void)
        #expect(d.timerFired(a, generation: 5 << 32 | 1, now: t0 + .seconds(30)) == .due)
    }

    @Test func onlyTheNewestTimerMarksANodeDown() throws {
        var effects: [DispatcherEffect] = []
        let s = store([("a", .ready)])
        var d = Dispatcher(term: 4, store: s, now: t0, grace: .seconds(30), settings: settings, effects: &effects)
        d.watch("a", after: .seconds(15), now: t0, effects: &effects)
        let a = try #require(d.session(of: "a"))
        effects = []
        d.expired(a, generation: gen(1), store: s, now: t0, effects: &effects)
        #expect(effects.isEmpty)
        d.expired(a, generation: gen(2), store: s, now: t0, effects: &effects)
        #expect(effects.map(describe) == ["propose a=down"])
    }

    /// A heartbeat names its session through the host it came from, tried first: a host whose
    /// last heartbeat was another node's (a node that left and joined again, or a wrong hint)
    /// still finds the node's own session, and a node without one has none.
    @Test func aHeartbeatsOriginIsOnlyAHintToItsSession() throws {
        var effects: [DispatcherEffect] = []
        let s = store([("a", .ready), ("b", .ready)])
        var d = Dispatcher(term: 4, store: store([]), now: t0, grace: .seconds(30), settings: settings, effects: &effects)
        let (h1, h2) = (HostID(1), HostID(2))
        func beat(_ id: String, from origin: HostID?, order: UInt64) throws {
            d.heartbeat(from: HeartbeatNode(try #require(s.node(id: id))), origin: origin, incarnation: 1, isRaftMember: false,
                        leaderTerm: 4, lagging: false, now: t0, period: .seconds(5), expiryOrder: EventID(sequence: order),
                        effects: &effects)
        }
        try beat("a", from: h1, order: 1)
        try beat("b", from: h2, order: 2)
        let a = try #require(d.session(of: "a")), b = try #require(d.session(of: "b"))
        #expect(a != b && d.nodeID(of: a) == "a" && d.nodeID(of: b) == "b")
        #expect(d.session(of: "a", from: h1) == a && d.session(of: "b", from: h1) == b)
        #expect(d.session(of: "b", from: HostID(7)) == b && d.session(of: "c", from: h1) == nil)
        // Host 2 now sends a's heartbeats: a keeps its session, and b is found without the hint.
        effects = []
        try beat("a", from: h2, order: 3)
        #expect(effects.map(describe) == ["answer 5s worker term 4", "repair a"])
        #expect(d.session(of: "a", from: h2) == a && d.session(of: "b", from: h2) == b)
        #expect(d.nodeID(of: SessionNumber(2)) == nil && d.nodeID(of: .none) == nil)
    }
}
