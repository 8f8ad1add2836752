import Testing
import SimCore
@testable import Orchestration

/// The jobs orchestrators' decisions, driven through the harness: tasks to complete, at most
/// `--max-concurrent` wanted at once, failed ones restarted, a new iteration after an update.
@Suite struct OrchestratorJobsTests {
    static func job(_ name: String = "batch", maxConcurrent: Int, total: Int) -> ServiceSpec {
        ServiceSpec(name: name, mode: .replicatedJob(maxConcurrent: maxConcurrent, total: total), task: TaskTemplate(image: "batch:1"))
    }

    @Test func aReplicatedJobRunsAtMostMaxConcurrentTasksUntilTotalComplete() {
        var h = Harness()
        let job = h.create(Self.job(maxConcurrent: 2, total: 5))
        h.settle()
        #expect(h.live(job).count == 2)
        #expect(h.live(job).allSatisfy { $0.desiredState == .complete })
        #expect(h.running(job).count == 2)
        var completions = 0
        while let t = h.running(job).first, completions < 10 {
            h.complete(t.id)
            completions += 1
            h.settle()
            #expect(h.live(job).filter { $0.status.state != .complete }.count <= 2)
        }
        #expect(completions == 5)
        #expect(h.tasks(job).filter { $0.status.state == .complete }.map(\.slot).sorted() == [0, 1, 2, 3, 4])   // swarmkit's slots: 0…total-1
        #expect(ServiceStatus(of: h.store.service(id: job)!, in: h.store).completed == 5)
        #expect(ServiceConvergence.pending(in: h.store).isEmpty)
    }

    @Test func aFailedJobTaskIsRestartedInItsSlotAndACompletedOneIsNot() {
        var h = Harness()
        let job = h.create(Self.job(maxConcurrent: 2, total: 2))
        h.settle()
        let tasks = h.running(job).sorted { $0.slot < $1.slot }
        h.fail(tasks[0].id)
        h.complete(tasks[1].id)
        h.run(for: .seconds(10))
        #expect(h.tasks(job).filter { $0.slot == 0 }.count == 2)   // the failed task and its replacement
        #expect(h.tasks(job).filter { $0.slot == 1 }.count == 1)
        #expect(h.running(job).map(\.slot) == [0])
        #expect(h.store.task(id: tasks[0].id)?.desiredState == .shutdown)
    }

    @Test func anUpdateStartsANewIterationThatRunsAgain() {
        var h = Harness()
        let job = h.create(Self.job(maxConcurrent: 1, total: 1))
        h.settle()
        if let t = h.running(job).first { h.complete(t.id) }
        h.settle()
        #expect(h.live(job).filter { $0.status.state != .complete }.isEmpty)
        h.update(job) { $0.task.forceUpdate += 1 }
        h.settle()
        #expect(h.store.service(id: job)?.jobIteration == 1)
        #expect(h.running(job).count == 1)
        #expect(h.running(job).first?.jobIteration == 1)
        #expect(ServiceStatus(of: h.store.service(id: job)!, in: h.store).completed == 0)
    }

    @Test func aGlobalJobCompletesOneTaskOnEveryActiveNode() {
        var h = Harness()
        h.setNode("w3", availability: .drain)
        let job = h.create(ServiceSpec(name: "migrate", mode: .globalJob, task: TaskTemplate(image: "batch:1")))
        h.settle()
        #expect(h.running(job).compactMap(\.nodeID).sorted() == ["nw1", "nw2"])
        for t in h.running(job) { h.complete(t.id) }
        h.settle()
        #expect(h.live(job).filter { $0.status.state != .complete }.isEmpty)
        h.setNode("w3", availability: .active)
        h.settle()
        #expect(h.running(job).compactMap(\.nodeID) == ["nw3"])
    }
}
