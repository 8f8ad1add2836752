import Testing
import SimCore
@testable import Orchestration

@Suite struct OrchestratorUpdateTests {
    func service(_ h: inout Harness, replicas: Int = 3, _ change: (inout ServiceSpec) -> Void = { _ in }) -> String {
        var spec = Harness.spec(replicas: replicas, image: "nginx:1.24")
        change(&spec)
        let id = h.create(spec)
        h.settle()
        return id
    }

    /// With agents held back: an update of `id` to nginx:1.25, then a `service update` with that
    /// same spec (which clears the status); returns the update's first new task.
    func startUpdateThenRepeatItsSpec(_ h: inout Harness, _ id: String) -> TaskRecord {
        h.agentsRun = false
        h.update(id) { $0.task.image = "nginx:1.25" }
        h.leader()
        h.update(id) { _ in }
        h.leader()
        return h.live(id).first { $0.spec.image == "nginx:1.25" }!
    }

    func images(_ h: Harness, _ id: String) -> [String] { h.running(id).sorted { $0.slot < $1.slot }.map(\.spec.image) }

    /// Creation times of the tasks running the new image, in seconds.
    func newTaskTimes(_ h: Harness, _ id: String, image: String = "nginx:1.25") -> [Int64] {
        h.tasks(id).filter { $0.spec.image == image }.map { $0.createdAt.nanoseconds / 1_000_000_000 }.sorted()
    }

    @Test func anUpdateStartsWithTheFirstSlotAndSaysSo() {
        var h = Harness()
        let web = service(&h)
        let old = h.task(web, slot: 1)!
        h.agentsRun = false
        h.update(web) { $0.task.image = "nginx:1.25" }
        h.leader()
        #expect(h.store.service(id: web)?.updateStatus == UpdateStatus(state: .updating, message: "update in progress", startedAt: .zero))
        #expect(h.store.task(id: old.id)?.desiredState == .shutdown)
        let new = h.live(web).filter { $0.spec.image == "nginx:1.25" }
        #expect(new.map(\.slot) == [1])
        #expect(new.first?.desiredState == .ready)   // stop-first: starts once the old one has stopped
        #expect(h.live(web).filter { $0.spec.image == "nginx:1.24" }.map(\.slot) == [2, 3])
    }

    @Test func aRollingUpdateReplacesEverySlotThenCompletesAfterTheMonitorPeriod() {
        var h = Harness()
        let web = service(&h)
        h.update(web) { $0.task.image = "nginx:1.25" }
        h.settle()
        #expect(images(h, web) == ["nginx:1.25", "nginx:1.25", "nginx:1.25"])
        #expect(h.store.service(id: web)?.updateStatus?.state == .updating)
        #expect(h.wakeAt == .seconds(5))
        h.run(until: .seconds(5))
        let status = h.store.service(id: web)?.updateStatus
        #expect(status == UpdateStatus(state: .completed, message: "update completed", startedAt: .zero, completedAt: .seconds(5)))
        #expect(h.tasks(web).filter { $0.spec.image == "nginx:1.24" }.allSatisfy { $0.status.state == .shutdown })
    }

    @Test func theUpdateDelayPacesEachWorker() {
        var h = Harness()
        let web = service(&h) { $0.update.delay = .seconds(10) }
        h.update(web) { $0.task.image = "nginx:1.25" }
        h.run(until: .seconds(60))
        #expect(newTaskTimes(h, web) == [0, 10, 20])
        #expect(h.store.service(id: web)?.updateStatus?.completedAt == .seconds(35))   // last delay, then 5 s monitor
    }

    @Test func parallelismReplacesThatManySlotsAtOnce() {
        var h = Harness()
        let web = service(&h, replicas: 5) {
            $0.update.delay = .seconds(10)
            $0.update.parallelism = 2
        }
        h.update(web) { $0.task.image = "nginx:1.25" }
        h.run(until: .seconds(60))
        #expect(newTaskTimes(h, web) == [0, 0, 10, 10, 20])
    }

    @Test func parallelismZeroReplacesEverythingAtOnce() {
        var h = Harness()
        let web = service(&h, replicas: 4) { $0.update.parallelism = 0; $0.update.delay = .seconds(10) }
        h.update(web) { $0.task.image = "nginx:1.25" }
        h.run(until: .seconds(60))
        #expect(newTaskTimes(h, web) == [0, 0, 0, 0])
    }

    @Test func startFirstRunsTheNewTaskBeforeStoppingTheOldOne() {
        var h = Harness()
        let web = service(&h, replicas: 1) { $0.update.order = .startFirst }
        let old = h.task(web, slot: 1)!
        h.agentsRun = false
        h.update(web) { $0.task.image = "nginx:1.25" }
        h.leader()
        let new = h.live(web).first { $0.id != old.id }!
        #expect(new.desiredState == .running)
        #expect(h.store.task(id: old.id)?.desiredState == .running)
        h.agentsRun = true
        h.settle()
        #expect(h.store.task(id: new.id)?.status.state == .running)
        #expect(h.store.task(id: old.id)?.status.state == .shutdown)
    }

    @Test func anUpdateFirstTakesTheSlotASupersededStartFirstUpdateLeftHalfDone() {
        var h = Harness()
        let web = service(&h) {
            $0.update.order = .startFirst
            $0.update.delay = .seconds(10)
        }
        h.update(web) { $0.task.image = "nginx:1.25" }
        h.run(until: .seconds(9))    // slot 1 is done; slot 2's turn comes at 10 s
        h.agentsRun = false
        h.run(until: .seconds(10))   // slot 2's new task is created and does not start
        #expect(h.live(web).filter { $0.slot == 2 }.map(\.spec.image).sorted() == ["nginx:1.24", "nginx:1.25"])
        h.update(web) { $0.task.image = "nginx:1.26" }
        h.leader()
        // Slot 2 still wants two tasks: the new update starts there, not at slot 1.
        #expect(h.live(web).filter { $0.spec.image == "nginx:1.26" }.map(\.slot) == [2])
        h.agentsRun = true
        h.run(until: .seconds(60))
        #expect(images(h, web) == ["nginx:1.26", "nginx:1.26", "nginx:1.26"])
        #expect(h.live(web).count == 3)
    }

    @Test func aFailureBeforeRunningPausesTheUpdate() {
        var h = Harness()
        let web = service(&h) { $0.update.delay = .seconds(10) }
        h.agentsRun = false
        h.update(web) { $0.task.image = "nginx:1.25" }
        h.leader()
        let new = h.live(web).first { $0.spec.image == "nginx:1.25" }!
        h.fail(new.id)
        h.agentsRun = true
        h.run(until: .seconds(60))
        let status = h.store.service(id: web)?.updateStatus
        #expect(status?.state == .paused)
        #expect(status?.message == "update paused due to failure or early termination of task \(new.id)")
        // No slot after the failed one was touched; the failed slot was restarted by the
        // restart policy with the new spec.
        #expect(newTaskTimes(h, web) == [0, 0])
        #expect(images(h, web) == ["nginx:1.25", "nginx:1.24", "nginx:1.24"])
    }

    /// Seeds 34596, 37793, 39420: a `service update` with the same spec clears the status and
    /// leaves the update running (swarmkit's supervisor keeps it too); when the failure action
    /// then runs, the pause must still be written, or the update stops unseen with slots on
    /// the earlier spec (swarmkit writes nothing over a missing status).
    @Test func aFailureAfterASameSpecUpdateStillPausesTheUpdate() {
        var h = Harness()
        let web = service(&h) { $0.update.delay = .seconds(10) }
        let new = startUpdateThenRepeatItsSpec(&h, web)
        #expect(h.store.service(id: web)?.updateStatus == nil)
        h.fail(new.id)
        h.agentsRun = true
        h.run(until: .seconds(60))
        let status = h.store.service(id: web)?.updateStatus
        #expect(status?.state == .paused && status?.startedAt == .zero)
        #expect(status?.message == "update paused due to failure or early termination of task \(new.id)")
        #expect(images(h, web) == ["nginx:1.25", "nginx:1.24", "nginx:1.24"])
    }

    /// The same with failure action rollback: the second update made the spec being rolled out
    /// the previous one too, so there is nothing to return to, and the update pauses.
    @Test func aRollbackAfterASameSpecUpdatePausesInstead() {
        var h = Harness()
        let web = service(&h) { $0.update.failureAction = .rollback }
        let new = startUpdateThenRepeatItsSpec(&h, web)
        h.fail(new.id)
        h.agentsRun = true
        h.run(until: .seconds(60))
        let service = h.store.service(id: web)
        #expect(service?.spec.task.image == "nginx:1.25")
        #expect(service?.updateStatus?.state == .paused)
        #expect(service?.updateStatus?.message == "update paused due to failure or early termination of task \(new.id)")
        #expect(images(h, web) == ["nginx:1.25", "nginx:1.24", "nginx:1.24"])
    }

    /// Seed 71226: a `service update` with the same spec resumes a paused update (the way
    /// Docker's docs give to restart one), even while the paused updater still waits for a
    /// start-first replacement it had handed out: an updater that took its failure action
    /// works towards nothing more, and is not the update the new request asks for.
    @Test func aSameSpecUpdateResumesAPausedUpdateStillFinishingItsSlots() {
        var h = Harness()
        let web = service(&h) {
            $0.update.order = .startFirst
            $0.update.parallelism = 2
        }
        h.agentsRun = false
        h.update(web) { $0.task.image = "nginx:1.25" }
        h.leader()
        let new = h.live(web).filter { $0.spec.image == "nginx:1.25" }.sorted { $0.slot < $1.slot }
        #expect(new.map(\.slot) == [1, 2])
        h.fail(new[0].id)
        h.leader()
        #expect(h.store.service(id: web)?.updateStatus?.state == .paused)
        h.update(web) { _ in }
        h.leader()
        h.agentsRun = true
        h.run(until: .seconds(60))
        #expect(images(h, web) == ["nginx:1.25", "nginx:1.25", "nginx:1.25"])
        #expect(h.live(web).count == 3)
        #expect(h.store.service(id: web)?.updateStatus?.state == .completed)
    }

    @Test func aFailureAfterTheMonitorPeriodDoesNotCount() {
        var h = Harness()
        let web = service(&h) { $0.update.delay = .seconds(10) }
        h.update(web) { $0.task.image = "nginx:1.25" }
        h.run(until: .seconds(7))
        h.fail(h.task(web, slot: 1)!.id)   // running since 0 s: 7 s > 5 s monitor
        h.run(until: .seconds(60))
        #expect(h.store.service(id: web)?.updateStatus?.state == .completed)
    }

    @Test func maxFailureRatioToleratesThatShareOfFailures() {
        var h = Harness()
        let web = service(&h) { $0.update.maxFailureRatio = 0.5 }
        h.agentsRun = false
        h.update(web) { $0.task.image = "nginx:1.25" }
        h.leader()
        h.fail(h.live(web).first { $0.spec.image == "nginx:1.25" }!.id)
        h.agentsRun = true
        h.run(until: .seconds(60))
        #expect(h.store.service(id: web)?.updateStatus?.state == .completed)
        #expect(images(h, web) == ["nginx:1.25", "nginx:1.25", "nginx:1.25"])
    }

    @Test func failureActionContinueCarriesOn() {
        var h = Harness()
        let web = service(&h) { $0.update.failureAction = .continue }
        h.agentsRun = false
        h.update(web) { $0.task.image = "nginx:1.25" }
        h.leader()
        h.fail(h.live(web).first { $0.spec.image == "nginx:1.25" }!.id)
        h.agentsRun = true
        h.run(until: .seconds(60))
        #expect(h.store.service(id: web)?.updateStatus?.state == .completed)
    }

    @Test func failureActionRollbackReturnsToThePreviousSpec() {
        var h = Harness()
        let web = service(&h) { $0.update.failureAction = .rollback }
        h.agentsRun = false
        h.update(web) { $0.task.image = "nginx:1.25" }
        h.leader()
        let new = h.live(web).first { $0.spec.image == "nginx:1.25" }!
        h.fail(new.id)
        h.leader()
        let service = h.store.service(id: web)
        #expect(service?.spec.task.image == "nginx:1.24")
        #expect(service?.previousSpec == nil)
        #expect(service?.updateStatus?.state == .rollbackStarted)
        #expect(service?.updateStatus?.message == "update rolled back due to failure or early termination of task \(new.id)")
        h.agentsRun = true
        h.run(until: .seconds(60))
        #expect(images(h, web) == ["nginx:1.24", "nginx:1.24", "nginx:1.24"])
        #expect(h.store.service(id: web)?.updateStatus?.state == .rollbackCompleted)
        #expect(h.store.service(id: web)?.updateStatus?.message == "rollback completed")
    }

    @Test func aManualRollbackRollsBackWithTheRollbackConfig() {
        var h = Harness()
        let web = service(&h) { $0.rollback.delay = .seconds(3) }
        h.update(web) { $0.task.image = "nginx:1.25" }
        h.run(until: .seconds(10))
        h.apply([.rollbackService(id: web, at: h.now)])
        h.run(until: .seconds(60))
        #expect(images(h, web) == ["nginx:1.24", "nginx:1.24", "nginx:1.24"])
        #expect(newTaskTimes(h, web, image: "nginx:1.24").suffix(3) == [10, 13, 16])
        let status = h.store.service(id: web)?.updateStatus
        #expect(status?.state == .rollbackCompleted && status?.startedAt == .seconds(10) && status?.completedAt == .seconds(24))
    }

    @Test func forceReplacesTasksWhoseSpecIsOtherwiseUnchanged() {
        var h = Harness()
        let web = service(&h)
        let before = Set(h.running(web).map(\.id))
        h.update(web) { $0.task.forceUpdate += 1 }
        h.run(until: .seconds(30))
        #expect(h.running(web).count == 3)
        #expect(Set(h.running(web).map(\.id)).isDisjoint(with: before))
    }

    @Test func scalingAloneStartsNoUpdate() {
        var h = Harness()
        let web = service(&h)
        h.update(web) { $0.mode = .replicated(4) }
        h.run(until: .seconds(30))
        #expect(h.store.service(id: web)?.updateStatus == nil)
        #expect(h.running(web).count == 4)
    }

    @Test func aGlobalServiceUpdatesNodeByNode() {
        var h = Harness()
        var spec = ServiceSpec(name: "agent", mode: .global, task: TaskTemplate(image: "agent:1"))
        spec.update.delay = .seconds(10)
        let agent = h.create(spec)
        h.settle()
        h.update(agent) { $0.task.image = "agent:2" }
        h.run(until: .seconds(60))
        #expect(h.running(agent).map(\.spec.image) == ["agent:2", "agent:2", "agent:2"])
        #expect(newTaskTimes(h, agent, image: "agent:2") == [0, 10, 20])
        #expect(h.running(agent).map { $0.nodeID ?? "" } == ["nw1", "nw2", "nw3"])
    }
}
