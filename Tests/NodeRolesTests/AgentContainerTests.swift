import Testing
import SimCore
import Orchestration
@testable import NodeRoles

/// The agent's containers: exits, failed pulls, health checks and `fail`, each reported with
/// the state, message and error swarmkit's exec and moby's controller give them.
@Suite struct AgentContainerTests {
    var ids = IDGenerator(random: SeededRandom(seed: 7))

    func host(_ images: ImageCatalog) -> AgentHost {
        AgentHost(id: HostID(0), inSwarm: true, knownManagers: [HostID(1)], runsManager: false, images: images)
    }

    func catalog(_ image: String, _ behaviour: ContainerBehaviour) -> ImageCatalog {
        var c = ImageCatalog()
        c.declare(image, behaviour)
        return c
    }

    func task(image: String = "web:2", health: HealthConfig = HealthConfig()) -> TaskRecord {
        var spec = TaskTemplate(image: image)
        spec.health = health
        return TaskRecord(id: "t1", serviceID: "svc", serviceName: "web", slot: 1, nodeID: "node1", specVersion: 1, spec: spec,
                          status: TaskStatus(state: .assigned, timestamp: .zero, message: "scheduler assigned task to node"),
                          createdAt: .zero)
    }

    static func at(_ seconds: Int64) -> SimTime { SimTime(nanoseconds: seconds * 1_000_000_000) }

    /// Takes the task and steps it at each whole second up to `until`, answering every report.
    mutating func run(_ record: TaskRecord, on h: AgentHost, until: Int64) -> (Agent, [TaskStatus]) {
        var a = Agent(timing: ExecutorTiming(imagePull: .seconds(2), containerStart: .seconds(1))), effects: [AgentEffect] = []
        var statuses: [TaskStatus] = []
        func collect(_ effects: [AgentEffect]) {
            for case .reportStatus(let reports, _) in effects { statuses += reports.map(\.status) }
        }
        a.takeAssignments([record], stamp: LeaderStamp(term: 1, index: 1), now: .zero, host: h, ids: &ids, effects: &effects)
        collect(effects)
        for s in 0...until {
            effects = []
            a.reportsAnswered(accepted: true, host: h, effects: &effects)
            a.step(taskID: "t1", now: Self.at(s), host: h, ids: &ids, effects: &effects)
            collect(effects)
        }
        return (a, statuses)
    }

    @Test mutating func aContainerThatExitsNonZeroFailsItsTaskWithDockersError() {
        let (a, statuses) = run(task(), on: host(catalog("docker.io/library/web:2", .exits(code: 1, after: .seconds(5), upTo: .seconds(5)))), until: 12)
        let last = statuses.last
        #expect(last?.state == .failed)
        #expect(last?.error == "task: non-zero exit (1)")
        #expect(last?.message == "started")
        #expect(last?.exitCode == 1)
        #expect(last?.timestamp == Self.at(8))   // started at 3 s (pull 2 s, start 1 s), exits 5 s later
        #expect(a.tasks.isEmpty)
        #expect(a.containers.map(\.isUp) == [false])
    }

    @Test mutating func exitZeroCompletesTheTask() {
        let (_, statuses) = run(task(), on: host(catalog("web:2", .completes(after: .seconds(2), upTo: .seconds(2)))), until: 8)
        #expect(statuses.last?.state == .complete)
        #expect(statuses.last?.message == "finished")
        #expect(statuses.last?.error == nil)
    }

    @Test mutating func aFailedPullRejectsTheTaskBeforeItHasAContainer() {
        let (a, statuses) = run(task(image: "web:5"), on: host(catalog("web:5", .pullFails)), until: 5)
        #expect(statuses.last?.state == .rejected)
        #expect(statuses.last?.error == "No such image: web:5")
        #expect(statuses.last?.message == "preparing")
        #expect(a.containers.isEmpty)
    }

    @Test mutating func anUndeclaredImageRunsForEver() {
        let (a, statuses) = run(task(), on: host(catalog("other:1", .exits(code: 2, after: .zero, upTo: .zero))), until: 100)
        #expect(statuses.last?.state == .running)
        #expect(a.runningTasks.count == 1)
    }

    @Test mutating func aHealthCheckKeepsTheTaskStartingUntilItPasses() {
        var check = HealthConfig(command: "true")
        check.interval = .seconds(10)
        let (_, early) = run(task(health: check), on: host(ImageCatalog()), until: 12)
        #expect(early.last?.state == .starting)
        let (a, later) = run(task(health: check), on: host(ImageCatalog()), until: 13)
        #expect(later.last?.state == .running)   // container up at 3 s, first check at 13 s
        #expect(a.containers.first?.health == .healthy)
    }

    @Test mutating func anUnhealthyContainerIsStoppedAndItsTaskFails() {
        var check = HealthConfig(command: "true")
        check.interval = .seconds(10)
        check.retries = 2
        let h = host(catalog("web:2", .unhealthy(after: .seconds(25), upTo: .seconds(25))))
        // Checks at 13 s (pass), 23 s (pass), 33 s (fail), 43 s (fail: the second in a row).
        let (_, before) = run(task(health: check), on: h, until: 42)
        #expect(before.last?.state == .running)
        let (a, after) = run(task(health: check), on: h, until: 43)
        #expect(after.last?.state == .failed)
        #expect(after.last?.error == "task: non-zero exit (137): dockerexec: unhealthy container")
        #expect(a.containers.first?.health == .unhealthy)
    }

    @Test mutating func failuresInTheStartPeriodDoNotCount() {
        var check = HealthConfig(command: "true")
        check.interval = .seconds(5)
        check.retries = 1
        check.startPeriod = .seconds(20)
        // Unhealthy from the start: the checks at 8, 13, 18 s fall in the start period; 23 s counts.
        let h = host(catalog("web:2", .unhealthy(after: .zero, upTo: .zero)))
        let (_, before) = run(task(health: check), on: h, until: 22)
        #expect(before.last?.state == .starting)
        let (_, after) = run(task(health: check), on: h, until: 23)
        #expect(after.last?.state == .failed)
    }

    @Test mutating func failStopsAnUpContainerWithTheCodeGiven() {
        var (a, _) = run(task(), on: host(ImageCatalog()), until: 4)
        var effects: [AgentEffect] = []
        #expect(a.failContainer("t1", code: 137, now: Self.at(5), host: host(ImageCatalog()), effects: &effects))
        #expect(a.exited.first?.record.status.error == "task: non-zero exit (137)")
        #expect(!a.failContainer("t1", code: 1, now: Self.at(6), host: host(ImageCatalog()), effects: &effects))
    }

    @Test mutating func aStoppedContainersFinalStatusIsSentAgainWhileTheStoreSaysRunning() {
        let h = host(catalog("web:2", .exits(code: 3, after: .seconds(1), upTo: .seconds(1))))
        var (a, statuses) = run(task(), on: h, until: 6)
        #expect(statuses.last?.state == .failed)
        // The report was lost: the next assignment set still says running.
        var stale = task()
        stale.status = TaskStatus(state: .running, timestamp: Self.at(3), message: "started")
        var effects: [AgentEffect] = []
        a.takeAssignments([stale], stamp: LeaderStamp(term: 1, index: 9), now: Self.at(7), host: h, ids: &ids, effects: &effects)
        let resent = a.reports.map(\.status) + effects.flatMap { e -> [TaskStatus] in
            if case .reportStatus(let reports, _) = e { return reports.map(\.status) }
            return []
        }
        #expect(resent.map(\.error) == ["task: non-zero exit (3)"])
        #expect(a.tasks.isEmpty)
    }

    @Test mutating func aStoppedContainerIsRemovedOnceTheStoreNoLongerHoldsItsTask() {
        let h = host(catalog("web:2", .exits(code: 3, after: .seconds(1), upTo: .seconds(1))))
        var (a, _) = run(task(), on: h, until: 6)
        var effects: [AgentEffect] = []
        // Stopped for good (desired shutdown), still in the store: its ID is in the set.
        a.takeAssignments([], stopped: ["t1"], stamp: LeaderStamp(term: 1, index: 9), now: Self.at(7), host: h,
                          ids: &ids, effects: &effects)
        #expect(a.containers.map(\.record.id) == ["t1"])
        // The reaper deleted it: the next set does not name it, and a new session does not report it.
        a.takeAssignments([], stopped: [], stamp: LeaderStamp(term: 1, index: 12), now: Self.at(8), host: h,
                          ids: &ids, effects: &effects)
        #expect(a.containers.isEmpty)
        effects = []
        a.heartbeatAccepted(term: 2, host: h, effects: &effects)
        #expect(!effects.contains { if case .reportStatus = $0 { true } else { false } })
    }

    @Test func imageReferencesMatchAsDockerNormalisesThem() {
        #expect(ImageReference.normalized("docker.io/library/web:2") == "web:2")
        #expect(ImageReference.normalized("web") == "web:latest")
        #expect(ImageReference.normalized("index.docker.io/library/web") == "web:latest")
        #expect(ImageReference.normalized("registry:5000/team/web") == "registry:5000/team/web:latest")
        #expect(catalog("web", .pullFails).behaviour(of: "docker.io/library/web:latest") == .pullFails)
    }

    @Test func aRangeIsDrawnPerContainerWithinItsBounds() {
        var random = SeededRandom(seed: 3)
        let b = ContainerBehaviour.exits(code: 137, after: .seconds(10), upTo: .seconds(60))
        let moments = (0..<50).map { _ in ContainerLife(record: task(), behaviour: b, now: .zero, random: &random).exitAt }
        #expect(moments.allSatisfy { $0.map { $0 >= Self.at(10) && $0 <= Self.at(60) } ?? false })
        #expect(Set(moments.compactMap { $0 }).count > 10)
    }
}
