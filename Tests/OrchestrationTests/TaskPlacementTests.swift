import Testing
import SimCore
@testable import Orchestration

/// The scheduling adapter: store → scheduler → commands.
@Suite struct TaskPlacementTests {
    func store(nodes: [(String, Int64)] = [("a", 4), ("b", 4)], tasks: [TaskRecord]) -> ClusterStore {
        var s = ClusterStore()
        var i: UInt64 = 0
        func apply(_ c: StoreCommand) { i += 1; s.apply(c, at: i) }
        for (id, cpus) in nodes {
            apply(.addNode(NodeRecord(id: id, hostname: "h" + id, role: .worker, address: "10.0.0.1", engineVersion: "28",
                                      nanoCPUs: cpus * Harness.cpu, memoryBytes: Harness.gib, createdAt: .zero)))
            apply(.setNodeState(id: id, .ready, message: "", at: .zero))
        }
        for t in tasks { apply(.putTask(t)) }
        return s
    }

    func task(_ id: String, slot: Int = 1, state: TaskState = .new, node: String? = nil, cpus: Int64 = 0,
              desired: TaskState = .running, error: String? = nil, at time: Int64 = 0) -> TaskRecord {
        var spec = TaskTemplate(image: "nginx")
        spec.reservations = .init(nanoCPUs: cpus * Harness.cpu)
        return TaskRecord(id: id, serviceID: "s1", serviceName: "web", slot: slot, nodeID: node, specVersion: 0, spec: spec,
                          desiredState: desired, status: TaskStatus(state: state, timestamp: .zero, message: "created", error: error),
                          createdAt: SimTime(nanoseconds: time))
    }

    let now = SimTime.seconds(3)

    @Test func aNewTaskIsAllocatedThenAssignedInOnePass() {
        let commands = Placement.plan(store(tasks: [task("t1")]), now: now)
        #expect(commands == [
            .setTaskStatus(id: "t1", TaskStatus(state: .pending, timestamp: now, message: "pending task scheduling")),
            .assignTask(id: "t1", nodeID: "a", TaskStatus(state: .assigned, timestamp: now, message: "scheduler assigned task to node")),
        ])
    }

    @Test func tasksAlreadyOnANodeCountAgainstIt() {
        let s = store(tasks: [task("t0", slot: 1, state: .running, node: "a"), task("t1", slot: 2, state: .pending)])
        #expect(Placement.plan(s, now: now) == [
            .assignTask(id: "t1", nodeID: "b", TaskStatus(state: .assigned, timestamp: now, message: "scheduler assigned task to node")),
        ])
    }

    @Test func anUnplaceableTaskWaitsWithTheSchedulersExplanation() {
        let s = store(tasks: [task("t1", state: .pending, cpus: 8)])
        #expect(Placement.plan(s, now: now) == [
            .setTaskStatus(id: "t1", TaskStatus(state: .pending, timestamp: now, message: "created",
                                                error: "no suitable node (insufficient resources on 2 nodes)")),
        ])
    }

    @Test func anUnchangedExplanationIsNotWrittenAgain() {
        let s = store(tasks: [task("t1", state: .pending, cpus: 8, error: "no suitable node (insufficient resources on 2 nodes)")])
        #expect(Placement.plan(s, now: now) == [])
    }

    @Test func explanationsCountEachNodeOnceUnderItsFirstFailingFilter() {
        var s = store(nodes: [("a", 4), ("b", 1), ("c", 1)], tasks: [task("t1", state: .pending, cpus: 2)])
        s.apply(.updateNode(id: "a", NodeUpdate(availability: .drain), at: .zero), at: 100)
        let commands = Placement.plan(s, now: now)
        guard case .setTaskStatus(_, let status) = commands.first else {
            Issue.record("expected a status update, got \(commands)")
            return
        }
        #expect(status.error == "no suitable node (insufficient resources on 2 nodes; 1 node not available for new tasks)")
    }

    @Test func aPendingTaskNoLongerWantedIsShutDownNotPlaced() {
        let s = store(tasks: [task("t1", state: .pending, desired: .shutdown)])
        #expect(Placement.plan(s, now: now) == [
            .setTaskStatus(id: "t1", TaskStatus(state: .shutdown, timestamp: now, message: "created")),
        ])
    }

    @Test func aPreassignedTaskIsConfirmedOnItsNode() {
        let s = store(tasks: [task("g1", slot: 0, state: .pending, node: "b")])
        #expect(Placement.plan(s, now: now) == [
            .setTaskStatus(id: "g1", TaskStatus(state: .assigned, timestamp: now,
                                                message: "scheduler confirmed task can run on preassigned node")),
        ])
    }

    @Test func olderTasksArePlacedFirst() {
        let s = store(nodes: [("a", 1)], tasks: [task("t2", slot: 2, state: .pending, cpus: 1, at: 5),
                                                 task("t1", slot: 1, state: .pending, cpus: 1, at: 9)])
        let commands = Placement.plan(s, now: now)
        #expect(commands.first == .assignTask(id: "t2", nodeID: "a", TaskStatus(state: .assigned, timestamp: now,
                                                                                message: "scheduler assigned task to node")))
        #expect(commands.count == 2)
    }

    @Test func recentFailuresOnANodePushItToTheBack() {
        var tasks = (1...5).map { task("f\($0)", slot: $0, state: .failed, node: "a") }
        tasks.append(task("t1", slot: 9, state: .pending))
        let commands = Placement.plan(store(tasks: tasks), now: now)
        #expect(commands == [.assignTask(id: "t1", nodeID: "b", TaskStatus(state: .assigned, timestamp: now,
                                                                         message: "scheduler assigned task to node"))])
    }
}
