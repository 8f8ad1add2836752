import Testing
import SimCore
import Orchestration
@testable import Cluster

/// Each orchestration pass asks again for its next wake-up; one far off (a down node's orphan
/// deadline, 24 h ahead) must stay one event, not one more per pass.
@Suite struct OrchestrationWakeTests {
    @Test("passes asking for the same far wake-up leave one event for it")
    func oneEventPerWakeUp() {
        let h = Harness(managers: 1, workers: 2)
        h.form(managers: 1, workers: 2)
        var spec = ServiceSpec(name: "web", mode: .replicated(2), task: TaskTemplate(image: "nginx"))
        guard case .success(.created(let id)) = h.call(.serviceCreate(spec), on: "m1") else {
            Issue.record("service create failed"); return
        }
        h.wait(.seconds(20))
        // w1 goes down with its task recorded running: the orchestrator wakes at its orphan deadline.
        h.swarm.crash(h.h("w1"))
        h.wait(.seconds(60))
        let leader = h.h("m1")
        let before = h.swarm.simulator.pendingCount
        for replicas in [3, 2, 3, 2, 3, 2, 3, 2, 3, 2] {
            spec.mode = .replicated(replicas)
            #expect(h.call(.serviceUpdate(id: id, spec), on: "m1") == .success(.done))
            h.wait(.seconds(10))
        }
        // Passes ran meanwhile; each asked for the orphan deadline again.
        let passes = h.swarm.hosts[leader.index].manager?.scheduledPasses ?? []
        #expect(passes.count == 1)
        #expect(passes.first.map { $0.time > h.swarm.now + .hours(23) } == true)
        #expect(h.swarm.simulator.pendingCount <= before + 2)
    }
}
