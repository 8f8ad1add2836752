import Testing
import SimCore
@testable import Orchestration

@Suite struct OrchestratorReplicatedTests {
    // MARK: Slots

    @Test func aNewServiceGetsOneNewTaskPerSlot() {
        var h = Harness()
        h.agentsRun = false
        let web = h.create(Harness.spec(replicas: 3))
        let plan = h.orchestrator.reconcile(h.store, now: .zero, ids: &h.ids)
        let created = plan.commands.compactMap { c -> TaskRecord? in if case .putTask(let t) = c { return t } else { return nil } }
        #expect(plan.commands.count == 3)
        #expect(created.map(\.slot) == [1, 2, 3])
        #expect(created.allSatisfy { $0.serviceID == web && $0.desiredState == .running && $0.nodeID == nil })
        #expect(created.allSatisfy { $0.status == TaskStatus(state: .new, timestamp: .zero, message: "created") })
        #expect(plan.wakeAt == nil)
    }

    @Test func scalingUpFillsTheLowestFreeSlots() {
        var h = Harness()
        let web = h.create(Harness.spec(replicas: 2))
        h.settle()
        h.update(web) { $0.mode = .replicated(4) }
        h.settle()
        #expect(h.running(web).map(\.slot).sorted() == [1, 2, 3, 4])
    }

    @Test func scalingDownRemovesTheSurplusKeepingTheNodesBalanced() {
        var h = Harness()
        let web = h.create(Harness.spec(replicas: 6))
        h.settle()
        h.agentsRun = false
        h.update(web) { $0.mode = .replicated(3) }
        h.leader()
        let removing = h.tasks(web).filter { $0.desiredState == .remove }
        #expect(removing.map(\.slot).sorted() == [4, 5, 6])
        #expect(Set(removing.compactMap { h.hostname($0) }) == ["w1", "w2", "w3"])
        // The reaper deletes them once their agents have shut them down.
        h.agentsRun = true
        h.settle()
        #expect(h.tasks(web).map(\.slot).sorted() == [1, 2, 3])
        #expect(h.spread(web) == "w1:1 w2:1 w3:1")
    }

    @Test func scalingDownPrefersSlotsThatAreNotRunning() {
        var h = Harness()
        var spec = Harness.spec(replicas: 3)
        spec.task.restart.condition = .none
        let web = h.create(spec)
        h.settle()
        h.complete(h.task(web, slot: 1)!.id)     // slot 1 stays, stopped for good
        h.settle()
        h.update(web) { $0.mode = .replicated(2) }
        h.agentsRun = false
        h.leader()
        // Slot 1 was marked for removal, and the reaper deleted its stopped task at once.
        #expect(h.tasks(web).map(\.slot) == [2, 3])
        #expect(h.log.contains { if case .setTaskDesiredState(_, .remove, _) = $0 { return true } else { return false } })
    }

    // MARK: Restart policy

    @Test func aFailedTaskIsReplacedInItsSlotAfterTheRestartDelay() {
        var h = Harness()
        let web = h.create(Harness.spec(replicas: 3))
        h.settle()
        let victim = h.task(web, slot: 2)!
        h.now = .seconds(10)
        h.fail(victim.id)
        let plan = h.leader()
        #expect(h.store.task(id: victim.id)?.desiredState == .shutdown)
        let replacement = h.task(web, slot: 2)!
        #expect(replacement.id != victim.id)
        #expect(replacement.desiredState == .ready)
        #expect(plan.wakeAt == .seconds(15))
        h.settle()
        #expect(h.store.task(id: replacement.id)?.status.state == .ready)   // prepared, waiting for the delay
        h.run(until: .seconds(15))
        #expect(h.store.task(id: replacement.id)?.desiredState == .running)
        #expect(h.store.task(id: replacement.id)?.status.state == .running)
        #expect(h.running(web).count == 3)
    }

    @Test func theRestartDelayComesFromTheStoppedTasksSpec() {
        var h = Harness()
        var spec = Harness.spec(replicas: 1)
        spec.task.restart.delay = .seconds(2)
        let web = h.create(spec)
        h.settle()
        h.fail(h.task(web, slot: 1)!.id)
        #expect(h.leader().wakeAt == .seconds(2))
    }

    @Test func conditionNoneNeverReplaces() {
        var h = Harness()
        var spec = Harness.spec(replicas: 1)
        spec.task.restart.condition = .none
        let web = h.create(spec)
        h.settle()
        let t = h.task(web, slot: 1)!
        h.fail(t.id)
        h.run(for: .minutes(1))
        #expect(h.tasks(web).map(\.id) == [t.id])
        #expect(h.store.task(id: t.id)?.desiredState == .shutdown)
    }

    @Test func onFailureReplacesAFailedTaskButNotACompletedOne() {
        var h = Harness()
        var spec = Harness.spec(replicas: 2)
        spec.task.restart.condition = .onFailure
        let web = h.create(spec)
        h.settle()
        h.fail(h.task(web, slot: 1)!.id)
        h.complete(h.task(web, slot: 2)!.id)
        h.run(for: .seconds(10))
        #expect(h.tasks(web).filter { $0.slot == 1 }.count == 2)
        #expect(h.tasks(web).filter { $0.slot == 2 }.count == 1)
        #expect(h.running(web).map(\.slot) == [1])
    }

    @Test func maxAttemptsStopsRestartingTheSlot() {
        var h = Harness()
        var spec = Harness.spec(replicas: 1)
        spec.task.restart.maxAttempts = 2
        let web = h.create(spec)
        h.settle()
        for _ in 0..<3 {
            if let t = h.running(web).first { h.fail(t.id) }
            h.run(for: .seconds(10))
        }
        #expect(h.tasks(web).count == 3)   // the first task and two restarts
        #expect(h.running(web).isEmpty)
        #expect(h.tasks(web).allSatisfy { $0.status.state == .failed })
    }

    @Test func aRestartWindowOnlyCountsRecentRestarts() {
        var h = Harness(historyLimit: 20)
        var spec = Harness.spec(replicas: 1)
        spec.task.restart.maxAttempts = 1
        spec.task.restart.window = .seconds(60)
        let web = h.create(spec)
        h.settle()
        h.fail(h.running(web)[0].id)          // restart 1 at 0 s
        h.run(for: .seconds(10))
        h.fail(h.running(web)[0].id)          // within the window: no restart
        h.run(for: .seconds(100))
        #expect(h.running(web).isEmpty)
        #expect(h.tasks(web).count == 2)

        var g = Harness(historyLimit: 20)
        let api = g.create(spec)
        g.settle()
        g.fail(g.running(api)[0].id)
        g.run(for: .seconds(70))              // the restart at 0 s has left the window
        g.fail(g.running(api)[0].id)
        g.run(for: .seconds(10))
        #expect(g.running(api).count == 1)
        #expect(g.tasks(api).count == 3)
    }

    // MARK: Nodes

    @Test func tasksOnADownNodeAreReplacedAfterTheRestartDelayWithoutWaiting() {
        var h = Harness()
        let web = h.create(Harness.spec(replicas: 3))
        h.settle()
        let lost = h.running(web).first { h.hostname($0) == "w2" }!
        h.now = .seconds(20)
        h.setNode("w2", .down)
        let plan = h.leader()
        #expect(h.store.task(id: lost.id)?.desiredState == .shutdown)
        #expect(h.store.task(id: lost.id)?.status.state == .running)   // nobody to report otherwise
        #expect(plan.wakeAt == .seconds(25))
        h.run(until: .seconds(25))
        #expect(h.running(web).filter { h.hostname($0) != "w2" }.count == 3)
        #expect(h.task(web, slot: lost.slot).map { h.hostname($0) } != "w2")
    }

    @Test func drainReplacesAtOnceAndStartsTheReplacementWhenTheOldTaskHasStopped() {
        var h = Harness()
        let web = h.create(Harness.spec(replicas: 3))
        h.settle()
        let moved = h.running(web).first { h.hostname($0) == "w1" }!
        h.agentsRun = false
        h.setNode("w1", availability: .drain)
        let plan = h.leader()
        let replacement = h.task(web, slot: moved.slot)!
        #expect(replacement.desiredState == .ready)
        #expect(h.store.task(id: moved.id)?.desiredState == .shutdown)
        #expect(plan.wakeAt == .seconds(60))   // no delay: only the old-task timeout is pending
        h.agentsRun = true
        h.settle()
        #expect(h.store.task(id: moved.id)?.status.state == .shutdown)
        #expect(h.store.task(id: replacement.id)?.status.state == .running)
        #expect(h.spread(web) == "w2:2 w3:1" || h.spread(web) == "w2:1 w3:2")
    }

    @Test func aReplacementStartsAfterTheOldTaskTimeoutIfTheOldTaskNeverStops() {
        var h = Harness()
        let web = h.create(Harness.spec(replicas: 1))
        h.settle()
        let old = h.running(web)[0]
        h.apply([.updateNode(id: old.nodeID!, NodeUpdate(availability: .drain), at: .zero),
                 .setNodeState(id: old.nodeID!, .disconnected, message: "", at: .zero)])   // its agent stops answering
        h.settle()
        let replacement = h.task(web, slot: 1)!
        #expect(replacement.desiredState == .ready)
        h.run(until: .seconds(59))
        #expect(h.store.task(id: replacement.id)?.desiredState == .ready)
        h.run(until: .seconds(60))
        #expect(h.store.task(id: replacement.id)?.desiredState == .running)
    }

    @Test func pauseMovesNothingAndPlacesNothingNew() {
        var h = Harness()
        let web = h.create(Harness.spec(replicas: 3))
        h.settle()
        let before = h.running(web).map(\.id)
        h.setNode("w1", availability: .pause)
        h.settle()
        #expect(h.running(web).map(\.id) == before)
        h.update(web) { $0.mode = .replicated(5) }
        h.settle()
        #expect(h.running(web).filter { h.hostname($0) == "w1" }.count == 1)
        #expect(h.running(web).count == 5)
    }

    // MARK: Reaper and removal

    @Test func eachSlotKeepsAtMostTheTaskHistoryLimit() {
        var h = Harness(historyLimit: 3)
        var spec = Harness.spec(replicas: 1)
        spec.task.restart.delay = .seconds(1)
        let web = h.create(spec)
        h.settle()
        var ids: [String] = []
        for _ in 0..<5 {
            let t = h.running(web)[0]
            ids.append(t.id)
            h.fail(t.id)
            h.run(for: .seconds(2))
        }
        #expect(h.tasks(web).count == 3)
        #expect(h.tasks(web).filter { $0.status.state == .failed }.map(\.id) == Array(ids.suffix(2)))
        #expect(h.running(web).count == 1)
    }

    @Test func aRemovedServicesTasksAreShutDownThenDeleted() {
        var h = Harness()
        let web = h.create(Harness.spec(replicas: 3))
        h.settle()
        h.apply([.removeService(id: web)])
        h.agentsRun = false
        h.leader()
        #expect(h.tasks(web).count == 3)
        #expect(h.tasks(web).allSatisfy { $0.desiredState == .remove })
        h.agentsRun = true
        h.settle()
        #expect(h.tasks(web).isEmpty)
    }

    @Test func aRemovedServicesUnassignedTasksGoAtOnce() {
        var h = Harness(nodes: [])
        let web = h.create(Harness.spec(replicas: 2))
        h.settle()
        #expect(h.tasks(web).allSatisfy { $0.status.state == .pending })
        h.apply([.removeService(id: web)])
        h.settle()
        #expect(h.store.tasks.isEmpty)
    }

    // MARK: Constraint enforcer and a new leader

    @Test func aLabelChangeMovesTasksThatNoLongerMeetTheirConstraints() {
        var h = Harness(nodes: [])
        h.addNode("w1", labels: [("zone", "a")])
        h.addNode("w2", labels: [("zone", "a")])
        var spec = Harness.spec(replicas: 2)
        spec.task.constraints = [Scheduler.Constraint(key: "node.labels.zone", op: .equal, value: "a")]
        let web = h.create(spec)
        h.settle()
        h.apply([.updateNode(id: "nw1", NodeUpdate(labelsToAdd: [("zone", "b")]), at: .zero)])
        h.leader()
        let rejected = h.tasks(web).filter { $0.status.state == .rejected }
        #expect(rejected.count == 1)
        #expect(rejected.first?.status.error == "assigned node no longer meets constraints")
        #expect(rejected.first?.status.message == "task rejected by constraint enforcer")
        h.run(for: .seconds(10))
        #expect(h.spread(web) == "w2:2")
    }

    @Test func aNewLeaderRebuildsRestartHistoryFromTheStore() {
        var h = Harness()
        var spec = Harness.spec(replicas: 1)
        spec.task.restart.maxAttempts = 1
        let web = h.create(spec)
        h.settle()
        h.fail(h.running(web)[0].id)
        h.run(for: .seconds(10))
        #expect(h.running(web).count == 1)
        h.orchestrator = Orchestrator()     // leadership moved
        h.fail(h.running(web)[0].id)
        h.run(for: .seconds(10))
        #expect(h.running(web).isEmpty)
        #expect(h.tasks(web).count == 2)
    }

    @Test func aNewLeaderResumesADelayedStartFromTheTaskStatusTime() {
        var h = Harness()
        let web = h.create(Harness.spec(replicas: 1))
        h.settle()
        h.fail(h.running(web)[0].id)
        h.settle()
        h.now = .seconds(2)
        h.orchestrator = Orchestrator()
        #expect(h.leader().wakeAt == .seconds(5))
        h.run(until: .seconds(5))
        #expect(h.running(web).count == 1)
    }
}
