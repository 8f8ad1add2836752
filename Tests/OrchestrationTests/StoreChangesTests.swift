import Testing
import SimCore
@testable import Orchestration

/// `ClusterStore.apply` says exactly what it changed, for every kind of command, and nothing
/// for a command it refuses.
@Suite struct StoreChangesTests {
    typealias Change = StoreChanges.Change

    func node(_ id: String) -> NodeRecord {
        NodeRecord(id: id, hostname: "h-" + id, role: .worker, address: "10.0.0.1", engineVersion: "28.2.2",
                   nanoCPUs: 1_000_000_000, memoryBytes: 1 << 30, createdAt: .zero)
    }

    func service(_ id: String, replicas: Int = 1) -> ServiceRecord {
        ServiceRecord(id: id, spec: ServiceSpec(name: "web-" + id, mode: .replicated(replicas), task: TaskTemplate(image: "nginx")),
                      createdAt: .zero)
    }

    func task(_ id: String, of serviceID: String = "s1", on nodeID: String? = nil) -> TaskRecord {
        TaskRecord(id: id, service: service(serviceID), slot: 1, nodeID: nodeID, at: .zero)
    }

    func status(_ state: TaskState) -> TaskStatus { TaskStatus(state: state, timestamp: .zero, message: "") }

    func t(_ id: String, _ serviceID: String = "s1", _ nodeID: String?, _ kind: StoreChanges.Task.Kind) -> Change {
        .task(.init(id: id, serviceID: serviceID, nodeID: nodeID, kind: kind))
    }

    /// A store with a cluster, nodes n1 and n2, service s1, and task t1 pending (no node).
    func store() -> ClusterStore {
        var s = ClusterStore()
        s.apply(.createCluster(ClusterRecord(id: "c", workerToken: "w", managerToken: "m", createdAt: .zero)), at: 1)
        s.apply(.addNode(node("n1")), at: 2)
        s.apply(.addNode(node("n2")), at: 3)
        s.apply(.createService(service("s1")), at: 4)
        s.apply(.putTask(task("t1")), at: 5)
        return s
    }

    func changes(_ command: StoreCommand, in s: inout ClusterStore) -> [Change] {
        let result = s.apply(command, at: s.appliedIndex + 1)
        return result.changes(in: s)
    }

    @Test func clusterCommands() {
        var s = ClusterStore()
        #expect(changes(.createCluster(ClusterRecord(id: "c", workerToken: "w", managerToken: "m", createdAt: .zero)), in: &s) == [.cluster])
        #expect(changes(.createCluster(ClusterRecord(id: "d", workerToken: "w", managerToken: "m", createdAt: .zero)), in: &s) == [])
        #expect(changes(.rotateToken(.worker, token: "w2", at: .zero), in: &s) == [.cluster])
        #expect(changes(.updateCluster(heartbeat: .seconds(5), taskHistoryLimit: nil, at: .zero), in: &s) == [.cluster])
        var empty = ClusterStore()
        #expect(changes(.rotateToken(.worker, token: "w2", at: .zero), in: &empty) == [])
    }

    @Test func nodeCommands() {
        var s = store()
        #expect(changes(.addNode(node("n3")), in: &s) == [.node(.init(id: "n3", kind: .added))])
        #expect(changes(.addNode(node("n3")), in: &s) == [])
        #expect(changes(.updateNode(id: "n3", NodeUpdate(availability: .drain), at: .zero), in: &s) == [.node(.init(id: "n3", kind: .updated))])
        #expect(changes(.setNodeState(id: "n3", .ready, message: "", at: .zero), in: &s) == [.node(.init(id: "n3", kind: .state))])
        #expect(changes(.setNodeRole(id: "n3", .manager, raftID: 7, at: .zero), in: &s) == [.node(.init(id: "n3", kind: .role))])
        #expect(changes(.removeNode(id: "n3"), in: &s) == [.node(.init(id: "n3", kind: .removed))])
        for command: StoreCommand in [.removeNode(id: "n3"), .updateNode(id: "n3", NodeUpdate(), at: .zero),
                                      .setNodeState(id: "n3", .down, message: "", at: .zero),
                                      .setNodeRole(id: "n3", .worker, raftID: 0, at: .zero)] {
            #expect(changes(command, in: &s) == [], "\(command)")
        }
    }

    @Test func serviceCommands() {
        var s = store()
        #expect(changes(.createService(service("s2")), in: &s) == [.service(.init(id: "s2", kind: .created))])
        #expect(changes(.createService(service("s2")), in: &s) == [])
        var spec = service("s2", replicas: 3).spec
        spec.name = "web-s2"
        #expect(changes(.updateService(id: "s2", spec, at: .zero), in: &s) == [.service(.init(id: "s2", kind: .spec))])
        #expect(changes(.rollbackService(id: "s2", at: .zero), in: &s) == [.service(.init(id: "s2", kind: .spec))])
        let status = UpdateStatus(state: .updating, message: "update in progress")
        #expect(changes(.setUpdateStatus(serviceID: "s2", status, at: .zero), in: &s) == [.service(.init(id: "s2", kind: .updateStatus))])
        #expect(changes(.startRollback(id: "s2", message: "x", at: .zero), in: &s) == [.service(.init(id: "s2", kind: .spec))])
        // The updater's rollback forgets the previous spec: a second one has nothing to go back to.
        #expect(changes(.startRollback(id: "s2", message: "x", at: .zero), in: &s) == [])
        #expect(changes(.removeService(id: "s2"), in: &s) == [.service(.init(id: "s2", kind: .removed))])
        for command: StoreCommand in [.removeService(id: "s2"), .updateService(id: "s2", spec, at: .zero),
                                      .rollbackService(id: "s2", at: .zero), .setUpdateStatus(serviceID: "s2", nil, at: .zero)] {
            #expect(changes(command, in: &s) == [], "\(command)")
        }
    }

    @Test func taskCommands() {
        var s = store()
        #expect(changes(.putTask(task("t2", on: "n2")), in: &s) == [t("t2", "s1", "n2", .put)])
        #expect(changes(.assignTask(id: "t1", nodeID: "n1", status(.assigned)), in: &s) == [t("t1", "s1", "n1", .assigned)])
        // Assigned already, to another node, or a task that is gone: refused.
        #expect(changes(.assignTask(id: "t1", nodeID: "n2", status(.assigned)), in: &s) == [])
        #expect(changes(.assignTask(id: "gone", nodeID: "n2", status(.assigned)), in: &s) == [])
        #expect(changes(.setTaskStatus(id: "t1", status(.running)), in: &s) == [t("t1", "s1", "n1", .status)])
        #expect(changes(.setTaskStatus(id: "t1", status(.running)), in: &s) == [t("t1", "s1", "n1", .status)])
        #expect(changes(.setTaskStatus(id: "t1", status(.pending)), in: &s) == [])   // no going back
        #expect(changes(.setTaskDesiredState(id: "t1", .shutdown, at: .zero), in: &s) == [t("t1", "s1", "n1", .desiredState)])
        #expect(changes(.setTaskDesiredState(id: "t1", .running, at: .zero), in: &s) == [])   // not later
        #expect(changes(.removeTask(id: "t1"), in: &s) == [t("t1", "s1", "n1", .removed)])
        #expect(changes(.removeTask(id: "t1"), in: &s) == [])
        #expect(changes(.setTaskStatus(id: "t1", status(.running)), in: &s) == [])
        #expect(changes(.setTaskDesiredState(id: "t1", .remove, at: .zero), in: &s) == [])
    }

    @Test func networkCommands() {
        var s = store()
        let record = NetworkRecord(id: "net1", spec: NetworkSpec(name: "back"), createdAt: .zero)
        #expect(changes(.createNetwork(record), in: &s) == [.network(.init(id: "net1", isRemoved: false))])
        #expect(changes(.createNetwork(record), in: &s) == [])
        #expect(changes(.removeNetwork(id: "net1"), in: &s) == [.network(.init(id: "net1", isRemoved: true))])
        #expect(changes(.removeNetwork(id: "net1"), in: &s) == [])
    }

    @Test func aBatchListsItsChangesInOrderWithRepeats() {
        var s = store()
        let batch = StoreCommand.batch([
            .assignTask(id: "t1", nodeID: "n2", status(.assigned)),
            .setUpdateStatus(serviceID: "s1", nil, at: .zero),
            .setTaskStatus(id: "t1", status(.preparing)),
            .setTaskStatus(id: "missing", status(.running)),
            .setNodeState(id: "n1", .down, message: "", at: .zero),
        ])
        let result = s.apply(batch, at: 9)
        #expect(result.changes(in: s) == [
            t("t1", "s1", "n2", .assigned), .service(.init(id: "s1", kind: .updateStatus)),
            t("t1", "s1", "n2", .status), .node(.init(id: "n1", kind: .state)),
        ])
        #expect(result.tasks(in: s).map(\.id) == ["t1", "t1"])
        #expect(result.services.map(\.id) == ["s1"])
        #expect(result.nodes.map(\.id) == ["n1"])
        #expect(result.networks.isEmpty && !result.cluster && !result.isEmpty)
        #expect(s.appliedIndex == 9)
    }

    @Test func aRefusedCommandStillMovesTheAppliedIndex() {
        var s = store()
        let result = s.apply(.removeTask(id: "nope"), at: 42)
        #expect(result.isEmpty && result.count == 0)
        #expect(s.appliedIndex == 42)
    }

    // MARK: Task changes are recorded by row and read back as they were

    @Test func aTaskPutThenAssignedInOneBatchHadNoNodeAtItsPut() {
        var s = store()
        let batch = StoreCommand.batch([
            .putTask(task("t2")),
            .assignTask(id: "t2", nodeID: "n2", status(.assigned)),
        ])
        #expect(changes(batch, in: &s) == [t("t2", "s1", nil, .put), t("t2", "s1", "n2", .assigned)])
    }

    @Test func aTaskChangedThenRemovedInOneBatchIsStillNamed() {
        var s = store()
        s.apply(.assignTask(id: "t1", nodeID: "n1", status(.assigned)), at: 6)
        // t1's row is emptied, then filled by t3: the first two entries still name t1.
        let batch = StoreCommand.batch([
            .setTaskDesiredState(id: "t1", .remove, at: .zero),
            .removeTask(id: "t1"),
            .putTask(task("t3", of: "s2", on: "n2")),
            .setTaskStatus(id: "t3", status(.running)),
        ])
        #expect(changes(batch, in: &s) == [
            t("t1", "s1", "n1", .desiredState), t("t1", "s1", "n1", .removed),
            t("t3", "s2", "n2", .put), t("t3", "s2", "n2", .status),
        ])
    }

    @Test func aTaskReplacedWholeIsNamedAsItWasBeforeAndAfter() {
        var s = store()
        let batch = StoreCommand.batch([
            .setTaskStatus(id: "t1", status(.pending)),
            .putTask(task("t1", of: "s1", on: "n2")),
            .setTaskStatus(id: "t1", status(.running)),
        ])
        #expect(changes(batch, in: &s) == [
            t("t1", "s1", nil, .status), t("t1", "s1", "n2", .put), t("t1", "s1", "n2", .status),
        ])
    }

    @Test func manyRemovalsInOneBatchAreEachNamed() {
        var s = store()
        let ids = (10..<30).map { "t\($0)" }
        for (i, id) in ids.enumerated() { s.apply(.putTask(task(id, on: i % 2 == 0 ? "n1" : "n2")), at: UInt64(10 + i)) }
        // Each task is shut down, removed, and its row taken by a newcomer, twenty times over.
        let batch = StoreCommand.batch(ids.flatMap { id -> [StoreCommand] in
            [.setTaskDesiredState(id: id, .shutdown, at: .zero), .removeTask(id: id), .putTask(task("new-" + id))]
        })
        let expected: [Change] = ids.enumerated().flatMap { i, id -> [Change] in
            let node = i % 2 == 0 ? "n1" : "n2"
            return [t(id, "s1", node, .desiredState), t(id, "s1", node, .removed), t("new-" + id, "s1", nil, .put)]
        }
        #expect(changes(batch, in: &s) == expected)
    }
}
