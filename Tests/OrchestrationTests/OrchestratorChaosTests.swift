import Testing
import SimCore
@testable import Orchestration

/// Random faults, scaling and updates; then quiet. Whatever happened, the services converge.
@Suite struct OrchestratorChaosTests {
    static let hosts = ["w1", "w2", "w3", "w4"]

    func run(seed: UInt64) -> Harness {
        var h = Harness(nodes: Self.hosts)
        var random = SeededRandom(seed: seed)
        var webSpec = Harness.spec(replicas: 5)
        webSpec.update.parallelism = 2
        webSpec.update.failureAction = .continue
        if seed % 2 == 1 { webSpec.update.order = .startFirst }
        let web = h.create(webSpec)
        var agentSpec = ServiceSpec(name: "agent", mode: .global, task: TaskTemplate(image: "agent:1"))
        agentSpec.task.restart.delay = .seconds(2)
        let agent = h.create(agentSpec)
        h.settle()
        for step in 0..<60 {
            let host = Self.hosts[random.int(in: 0..<Self.hosts.count)]
            switch random.int(in: 0..<8) {
            case 0: h.setNode(host, .down)
            case 1: h.setNode(host, .ready)
            case 2: h.setNode(host, availability: .drain)
            case 3: h.setNode(host, availability: .active)
            case 4: if let t = h.running(web).first { h.fail(t.id) }
            case 5: h.update(web) { $0.mode = .replicated(random.int(in: 1...8)) }
            case 6: h.update(web) { $0.task.image = "nginx:\(step)" }
            default: if let t = h.running(agent).last { h.fail(t.id) }
            }
            h.run(for: .seconds(Int64(random.int(in: 1...20))))
        }
        for host in Self.hosts {
            h.setNode(host, .ready)
            h.setNode(host, availability: .active)
        }
        h.run(for: .minutes(3))
        return h
    }

    @Test(arguments: Array(1...8) as [UInt64])
    func servicesConvergeOnceFaultsStop(seed: UInt64) {
        let h = run(seed: seed)
        guard let web = h.store.service(named: "web"), let agent = h.store.service(named: "agent") else {
            Issue.record("services missing")
            return
        }
        let replicas = web.spec.replicas ?? 0
        // One running task per slot; scale-down keeps the best-balanced slots, so the numbers
        // need not be 1…N.
        let slots = h.running(web.id).map(\.slot)
        #expect(slots.count == replicas && Set(slots).count == replicas, "seed \(seed)")
        #expect(h.running(web.id).allSatisfy { $0.spec == web.spec.task }, "seed \(seed)")
        #expect(h.live(web.id).count == replicas, "seed \(seed)")
        #expect(h.running(agent.id).map { $0.nodeID ?? "" }.sorted() == Self.hosts.map { "n" + $0 }, "seed \(seed)")
        #expect(h.live(agent.id).count == Self.hosts.count, "seed \(seed)")
        // History stays within the limit of 5 per slot.
        for slot in h.store.taskTable.slots(ofService: web.id) { #expect(h.store.taskTable.count(in: slot) <= 5) }
        // And the leader has nothing left to do.
        var o = h.orchestrator, ids = h.ids
        #expect(o.reconcile(h.store, now: h.now, ids: &ids).commands.isEmpty, "seed \(seed)")
        #expect(Placement.plan(h.store, now: h.now).isEmpty, "seed \(seed)")
    }

    @Test func aChaoticRunIsReproducible() {
        #expect(run(seed: 9).log == run(seed: 9).log)
    }
}
