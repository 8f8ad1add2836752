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
        case .expiryDue(let node, let g, let d): "expiry \(node)#\(g % (1 << 32)) after \(d)"
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
        #expect(effects.map(describe) == ["started", "expiry a#1 after 30s", "propose a=unknown"])
        #expect(d.watches("a") && !d.watches("b"))
    }

    @Test func aFirstHeartbeatMarksTheNodeReadyAndSendsItsAssignments() {
        var effects: [DispatcherEffect] = []
        let s = store([("a", .unknown)])
        var d = Dispatcher(term: 4, store: s, now: t0, grace: .seconds(30), settings: settings, effects: &effects)
        effects = []
        d.heartbeat(from: s.node(id: "a")!, incarnation: 1, isRaftMember: false, leaderTerm: 4, lagging: false, now: t0,
                    period: .seconds(5), effects: &effects)
        #expect(effects.map(describe) == ["expiry a#2 after 15s", "answer 5s worker term 4 after 1 write(s)",
                                          "assignments a", "mesh a"])
    }

    @Test func aSteadyHeartbeatOnlyRearmsTheTimerUnlessTheAgentRestartedOrLags() {
        var effects: [DispatcherEffect] = []
        let s = store([("a", .ready)])
        var d = Dispatcher(term: 4, store: store([]), now: t0, grace: .seconds(30), settings: settings, effects: &effects)
        let node = s.node(id: "a")!
        d.heartbeat(from: node, incarnation: 1, isRaftMember: false, leaderTerm: 4, lagging: false, now: t0,
                    period: .seconds(5), effects: &effects)
        effects = []
        d.heartbeat(from: node, incarnation: 1, isRaftMember: false, leaderTerm: 4, lagging: false, now: t0,
                    period: .seconds(5), effects: &effects)
        #expect(effects.map(describe) == ["expiry a#2 after 15s", "answer 5s worker term 4", "repair a"])
        effects = []
        d.heartbeat(from: node, incarnation: 2, isRaftMember: false, leaderTerm: 4, lagging: false, now: t0,
                    period: .seconds(5), effects: &effects)
        #expect(effects.map(describe) == ["expiry a#3 after 15s", "answer 5s worker term 4", "assignments a", "mesh a"])
        // A task of the node left unacknowledged, or the session on a new stream: its set goes again.
        for (lagging, newStream) in [(true, false), (false, true)] {
            effects = []
            d.heartbeat(from: node, incarnation: 2, isRaftMember: false, leaderTerm: 4, newStream: newStream, lagging: lagging,
                        now: t0, period: .seconds(5), effects: &effects)
            #expect(effects.map(describe).dropFirst() == ["answer 5s worker term 4", "assignments a", "mesh a"])
        }
    }

    @Test func onlyTheNewestTimerMarksANodeDown() {
        var effects: [DispatcherEffect] = []
        let s = store([("a", .ready)])
        var d = Dispatcher(term: 4, store: s, now: t0, grace: .seconds(30), settings: settings, effects: &effects)
        d.watch("a", after: .seconds(15), effects: &effects)
        effects = []
        d.expired("a", generation: 4 << 32 | 1, store: s, now: t0, effects: &effects)
        #expect(effects.isEmpty)
        d.expired("a", generation: 4 << 32 | 2, store: s, now: t0, effects: &effects)
        #expect(effects.map(describe) == ["propose a=down"])
    }

    @Test func aTimerOfAnEarlierTermsDispatcherIsVoid() {
        // Left in the queue by the dispatcher of term 4, timer 1 of a node must not pass for the
        // next dispatcher's first timer of the same node: it would mark the node Down early.
        var effects: [DispatcherEffect] = []
        let s = store([("a", .ready)])
        _ = Dispatcher(term: 4, store: s, now: t0, grace: .seconds(30), settings: settings, effects: &effects)
        let d = Dispatcher(term: 5, store: s, now: t0 + .seconds(10), grace: .seconds(30), settings: settings,
                           effects: &effects)
        #expect(!d.isCurrent("a", generation: 4 << 32 | 1))
        #expect(d.isCurrent("a", generation: 5 << 32 | 1))
    }
}
