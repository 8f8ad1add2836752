import Testing
import SimCore
import Orchestration
@testable import Cluster

/// The swarm's own invariants, fed by hand: each check reports exactly what broke.
@Suite struct InvariantCheckerTests {
    let m1 = HostID(0), m2 = HostID(1)

    func checker() -> InvariantChecker {
        var c = InvariantChecker()
        c.isEnabled = true
        return c
    }

    func node(_ id: String, state: NodeState = .ready) -> NodeRecord {
        var n = NodeRecord(id: id, hostname: id, role: .worker, address: "10.0.0.9", engineVersion: "28.2.2",
                           nanoCPUs: 1_000_000_000, memoryBytes: 1 << 31, createdAt: .zero)
        n.state = state
        return n
    }

    func service(_ id: String) -> ServiceRecord {
        ServiceRecord(id: id, spec: ServiceSpec(name: "web", mode: .replicated(2), task: TaskTemplate(image: "nginx")), createdAt: .zero)
    }

    func task(_ id: String, slot: Int = 1, node: String? = "n1", running: Bool = true) -> TaskRecord {
        var t = TaskRecord(id: id, service: service("s1"), slot: slot, nodeID: node, at: .zero)
        t.status = TaskStatus(state: running ? .running : .assigned, timestamp: .zero, message: "")
        return t
    }

    /// Applies `command` at `index` to `store` and reports it as applied by `host`.
    func apply(_ c: inout InvariantChecker, _ store: inout ClusterStore, _ command: StoreCommand, _ index: UInt64,
               on host: HostID, leader: Bool = true, at seconds: Int64 = 0) {
        let changes = store.apply(command, at: index)
        c.applied(changes, index: index, store: store, on: host, hostName: host == m1 ? "m1" : "m2",
                  isLeader: leader, at: SimTime(nanoseconds: seconds * 1_000_000_000))
    }

    @Test func managersThatAgreeRaiseNothing() {
        var c = checker()
        var a = ClusterStore(), b = ClusterStore()
        for s in [m1, m2] {
            var store = s == m1 ? a : b
            apply(&c, &store, .addNode(node("n1")), 1, on: s)
            apply(&c, &store, .createService(service("s1")), 2, on: s)
            apply(&c, &store, .putTask(task("t1")), 3, on: s)
            if s == m1 { a = store } else { b = store }
        }
        #expect(c.violations == [])
        #expect(a == b)
    }

    @Test func aDivergentApplyIsReportedAtItsIndex() {
        var c = checker()
        var a = ClusterStore(), b = ClusterStore()
        apply(&c, &a, .addNode(node("n1")), 1, on: m1)
        apply(&c, &b, .addNode(node("n1", state: .down)), 1, on: m2)
        #expect(c.violations == ["stores differ after applying index 1: m2's digest differs from the first manager's (at \(SimTime.zero))"])
    }

    @Test func wholeStoresAreComparedAtTheSameIndex() {
        var c = checker()
        var a = ClusterStore(), b = ClusterStore()
        a.apply(.addNode(node("n1")), at: 1)
        b.apply(.addNode(node("n2")), at: 1)
        c.compareStores([("m1", 1, a), ("m2", 1, b), ("m3", 2, b)], at: .zero)
        #expect(c.violations == ["stores differ at index 1: m1 and m2 applied the same entries (at \(SimTime.zero))"])
    }

    @Test func aTaskOfAServiceThatNeverExistedIsReported() {
        var c = checker()
        var a = ClusterStore()
        apply(&c, &a, .addNode(node("n1")), 1, on: m1)
        apply(&c, &a, .putTask(task("t1")), 2, on: m1)
        #expect(c.violations == ["task web.1 (t1) refers to service s1, which never existed (index 2, at \(SimTime.zero))"])
    }

    @Test func schedulingByAManagerThatDoesNotLeadIsReported() {
        var c = checker()
        var a = ClusterStore()
        apply(&c, &a, .addNode(node("n1")), 1, on: m1)
        apply(&c, &a, .createService(service("s1")), 2, on: m1)
        // A pending task (an assignment to a task past pending is refused, and schedules nothing).
        var pending = task("t1", node: nil, running: false)
        pending.status.state = .pending
        apply(&c, &a, .putTask(pending), 3, on: m1)
        apply(&c, &a, .assignTask(id: "t1", nodeID: "n1", TaskStatus(state: .assigned, timestamp: .zero, message: "")), 4, on: m1, leader: false)
        #expect(c.violations == ["index 4 schedules tasks but was first applied by m1, which does not lead (at \(SimTime.zero))"])
    }

    @Test func twoRunningTasksInASlotAreReportedAfterTheGrace() {
        var c = checker()
        var a = ClusterStore()
        apply(&c, &a, .addNode(node("n1")), 1, on: m1)
        apply(&c, &a, .createService(service("s1")), 2, on: m1)
        apply(&c, &a, .putTask(task("t1")), 3, on: m1)
        apply(&c, &a, .putTask(task("t2")), 4, on: m1, at: 10)
        #expect(c.violations == [])   // within the grace: an orchestrator pass may settle it
        apply(&c, &a, .putTask(task("t3", slot: 2)), 5, on: m1, at: 14)
        #expect(c.violations == [])
        apply(&c, &a, .putTask(task("t4", slot: 2, running: false)), 6, on: m1, at: 16)
        #expect(c.violations == ["slot web.1 has had 2 running tasks (t1, t2) with no update in progress since \(SimTime(nanoseconds: 10_000_000_000)) (index 6, at \(SimTime(nanoseconds: 16_000_000_000)))"])
    }

    /// A rollout's new task beside the old one, with no update status: a violation, unless the
    /// last update left the spec as it was (it cleared the status; the rollout goes on).
    @Test func aRolloutGoesOnWithNoStatusAfterAnUpdateThatChangedNothing() {
        for noOpUpdate in [false, true] {
            var c = checker()
            var a = ClusterStore()
            apply(&c, &a, .addNode(node("n1")), 1, on: m1)
            apply(&c, &a, .createService(service("s1")), 2, on: m1)
            apply(&c, &a, .putTask(task("t1")), 3, on: m1)
            var updated = service("s1")
            updated.spec.task = TaskTemplate(image: "nginx:1.25")
            apply(&c, &a, .updateService(id: "s1", updated.spec, at: .zero), 4, on: m1)
            if noOpUpdate { apply(&c, &a, .updateService(id: "s1", updated.spec, at: .zero), 5, on: m1) }
            var t2 = TaskRecord(id: "t2", service: updated, slot: 1, nodeID: "n1", at: .zero)
            t2.status = TaskStatus(state: .running, timestamp: .zero, message: "")
            apply(&c, &a, .putTask(t2), 6, on: m1, at: 10)
            apply(&c, &a, .putTask(task("t3", slot: 2, running: false)), 7, on: m1, at: 16)
            let reported = "slot web.1 has had 2 running tasks (t1, t2) with no update in progress since \(SimTime(nanoseconds: 10_000_000_000)) (index 7, at \(SimTime(nanoseconds: 16_000_000_000)))"
            #expect(c.violations == (noOpUpdate ? [] : [reported]))
        }
    }
}
