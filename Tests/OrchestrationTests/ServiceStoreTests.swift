import Testing
import SimCore
@testable import Orchestration

@Suite struct ServiceStoreTests {
    func spec(_ name: String, replicas: Int = 2, ports: [PortConfig] = []) -> ServiceSpec {
        var s = ServiceSpec(name: name, mode: .replicated(replicas), task: TaskTemplate(image: "nginx:1.25"))
        s.endpoint.ports = ports
        return s
    }

    func task(_ id: String, service: String = "s1", slot: Int, node: String? = nil, at time: Int64 = 0) -> TaskRecord {
        TaskRecord(id: id, serviceID: service, serviceName: "web", slot: slot, nodeID: node, specVersion: 0,
                   spec: TaskTemplate(image: "nginx"), status: TaskStatus(state: .new, timestamp: .zero, message: "created"),
                   createdAt: SimTime(nanoseconds: time))
    }

    func store(_ commands: [StoreCommand]) -> ClusterStore {
        var s = ClusterStore()
        for (i, c) in commands.enumerated() { s.apply(c, at: UInt64(i + 1)) }
        return s
    }

    // MARK: Services

    @Test func servicesResolveByIDNameOrUniquePrefix() {
        let s = store([
            .createService(ServiceRecord(id: "abc1", spec: spec("web"), createdAt: .zero)),
            .createService(ServiceRecord(id: "abd2", spec: spec("db"), createdAt: .zero)),
        ])
        #expect(s.services.map(\.id) == ["abc1", "abd2"])
        #expect(s.resolveService("abd2")?.spec.name == "db")
        #expect(s.resolveService("web")?.id == "abc1")
        #expect(s.resolveService("abc")?.id == "abc1")
        #expect(s.resolveService("ab") == nil)
        #expect(s.resolveService("") == nil)
    }

    @Test func anUpdateKeepsThePreviousSpecAndGivesTheNewOneAFreshVersion() {
        var s = store([.createService(ServiceRecord(id: "s1", spec: spec("web"), createdAt: .zero))])
        #expect(s.service(id: "s1")?.specVersion == 0)
        s.apply(.setUpdateStatus(serviceID: "s1", UpdateStatus(state: .completed, message: "update completed"), at: .zero), at: 2)
        s.apply(.updateService(id: "s1", spec("web", replicas: 5), at: SimTime(nanoseconds: 9)), at: 3)
        let first = s.service(id: "s1")
        #expect(first?.spec.replicas == 5)
        #expect(first?.previousSpec?.replicas == 2)
        #expect(first?.previousSpecVersion == 0)
        #expect(first?.updateStatus == nil)
        #expect(first?.updatedAt == SimTime(nanoseconds: 9))
        s.apply(.updateService(id: "s1", spec("web", replicas: 7), at: .zero), at: 3)
        let versions = [UInt64(0), first?.specVersion ?? 0, s.service(id: "s1")?.specVersion ?? 0]
        #expect(Set(versions).count == 3)
    }

    @Test func aManualRollbackSwapsSpecsAndVersions() {
        var s = store([.createService(ServiceRecord(id: "s1", spec: spec("web"), createdAt: .zero))])
        s.apply(.updateService(id: "s1", spec("web", replicas: 5), at: .zero), at: 2)
        let updatedVersion = s.service(id: "s1")?.specVersion
        s.apply(.rollbackService(id: "s1", at: SimTime(nanoseconds: 4)), at: 3)
        let r = s.service(id: "s1")
        #expect(r?.spec.replicas == 2 && r?.specVersion == 0)
        #expect(r?.previousSpec?.replicas == 5 && r?.previousSpecVersion == updatedVersion)
        #expect(r?.updateStatus == UpdateStatus(state: .rollbackStarted, message: "manually requested rollback",
                                                startedAt: SimTime(nanoseconds: 4)))
    }

    @Test func anAutomaticRollbackForgetsThePreviousSpec() {
        var s = store([.createService(ServiceRecord(id: "s1", spec: spec("web"), createdAt: .zero))])
        s.apply(.updateService(id: "s1", spec("web", replicas: 5), at: .zero), at: 2)
        s.apply(.startRollback(id: "s1", message: "m", at: .zero), at: 3)   // no update status: ignored
        #expect(s.service(id: "s1")?.spec.replicas == 5)
        s.apply(.setUpdateStatus(serviceID: "s1", UpdateStatus(state: .updating, message: "update in progress"), at: .zero), at: 4)
        s.apply(.startRollback(id: "s1", message: "m", at: .zero), at: 5)
        let r = s.service(id: "s1")
        #expect(r?.spec.replicas == 2 && r?.specVersion == 0 && r?.previousSpec == nil)
        #expect(r?.updateStatus?.state == .rollbackStarted && r?.updateStatus?.message == "m")
    }

    @Test func ingressPortsWithoutANumberGetTheLowestFreeDynamicPort() {
        let s = store([
            .createService(ServiceRecord(id: "s1", spec: spec("a", ports: [PortConfig(published: nil, target: 80)]), createdAt: .zero)),
            .createService(ServiceRecord(id: "s2", spec: spec("b", ports: [PortConfig(published: 30001, target: 81),
                                                                          PortConfig(published: nil, target: 82)]), createdAt: .zero)),
        ])
        #expect(s.service(id: "s1")?.endpointPorts.map(\.published) == [30000])
        #expect(s.service(id: "s2")?.endpointPorts.map(\.published) == [30001, 30002])
    }

    @Test func anUpdateKeepsThePortSwarmPicked() {
        var s = store([.createService(ServiceRecord(id: "s1", spec: spec("a", ports: [PortConfig(published: nil, target: 80)]), createdAt: .zero))])
        s.apply(.createService(ServiceRecord(id: "s0", spec: spec("b", ports: [PortConfig(published: nil, target: 80)]), createdAt: .zero)), at: 2)
        s.apply(.updateService(id: "s1", spec("a", replicas: 3, ports: [PortConfig(published: nil, target: 80)]), at: .zero), at: 3)
        #expect(s.service(id: "s1")?.endpointPorts.map(\.published) == [30000])
        #expect(s.service(id: "s0")?.endpointPorts.map(\.published) == [30001])
    }

    @Test func removingAServiceLeavesItsTasks() {
        let s = store([
            .createService(ServiceRecord(id: "s1", spec: spec("web"), createdAt: .zero)),
            .putTask(task("t1", slot: 1)),
            .removeService(id: "s1"),
        ])
        #expect(s.services.isEmpty)
        #expect(s.task(id: "t1") != nil)
    }

    // MARK: Tasks

    @Test func tasksAreFoundBySlotServiceAndNode() {
        let s = store([
            .putTask(task("t3", slot: 2, node: "n1", at: 5)),
            .putTask(task("t1", slot: 1, node: "n2", at: 9)),
            .putTask(task("t2", slot: 1, node: "n1", at: 3)),
            .putTask(task("g1", service: "s2", slot: 0, node: "n1")),
        ])
        #expect(s.tasks.map(\.id) == ["g1", "t1", "t2", "t3"])
        #expect(s.tasks(ofService: "s1").map(\.id) == ["t2", "t1", "t3"])
        #expect(s.tasks(in: SlotKey(serviceID: "s1", slot: 1)).map(\.id) == ["t2", "t1"])
        #expect(s.tasks(in: SlotKey(serviceID: "s2", slot: 0, nodeID: "n1")).map(\.id) == ["g1"])
        #expect(s.tasks(onNode: "n1").map(\.id) == ["g1", "t2", "t3"])
        #expect(s.taskTable.slots(ofService: "s1") == [SlotKey(serviceID: "s1", slot: 1), SlotKey(serviceID: "s1", slot: 2)])
        #expect(s.taskTable.serviceIDs == ["s1", "s2"])
    }

    @Test func removingAndReplacingTasksKeepsTheIndexesRight() {
        var s = store([.putTask(task("t1", slot: 1, node: "n1")), .putTask(task("t2", slot: 1, node: "n1"))])
        s.apply(.removeTask(id: "t1"), at: 3)
        s.apply(.putTask(task("t2", slot: 4, node: "n2")), at: 4)
        #expect(s.tasks(onNode: "n1").isEmpty)
        #expect(s.tasks(onNode: "n2").map(\.id) == ["t2"])
        #expect(s.taskTable.slots(ofService: "s1") == [SlotKey(serviceID: "s1", slot: 4)])
        s.apply(.removeTask(id: "t2"), at: 5)
        #expect(s.taskTable.serviceIDs.isEmpty && s.taskTable.nodeIDs.isEmpty && s.taskTable.count == 0)
    }

    @Test func assigningATaskIndexesItsNodeOnce() {
        var s = store([.putTask(task("t1", slot: 1))])
        let assigned = TaskStatus(state: .assigned, timestamp: .zero, message: "scheduler assigned task to node")
        s.apply(.setTaskStatus(id: "t1", TaskStatus(state: .pending, timestamp: .zero, message: "pending task scheduling")), at: 2)
        s.apply(.assignTask(id: "t1", nodeID: "n1", assigned), at: 3)
        s.apply(.assignTask(id: "t1", nodeID: "n2", assigned), at: 4)
        #expect(s.task(id: "t1")?.nodeID == "n1")
        #expect(s.tasks(onNode: "n1").map(\.id) == ["t1"])
        #expect(s.tasks(onNode: "n2").isEmpty)
    }

    @Test func statusOnlyMovesForwardAndDesiredStateNeverGoesBack() {
        var s = store([.putTask(task("t1", slot: 1))])
        s.apply(.setTaskStatus(id: "t1", TaskStatus(state: .running, timestamp: .zero, message: "started")), at: 2)
        s.apply(.setTaskStatus(id: "t1", TaskStatus(state: .starting, timestamp: .zero, message: "starting")), at: 3)
        #expect(s.task(id: "t1")?.status.state == .running)
        s.apply(.setTaskDesiredState(id: "t1", .shutdown, at: .zero), at: 4)
        s.apply(.setTaskDesiredState(id: "t1", .running, at: .zero), at: 5)
        #expect(s.task(id: "t1")?.desiredState == .shutdown)
        s.apply(.setTaskStatus(id: "t1", TaskStatus(state: .failed, timestamp: .zero, message: "x", error: "e")), at: 6)
        s.apply(.setTaskStatus(id: "t1", TaskStatus(state: .shutdown, timestamp: .zero, message: "shutdown")), at: 7)
        #expect(s.task(id: "t1")?.status.state == .failed)
    }

    @Test func theSameCommandsGiveEqualStoresAndOrderOfIndependentPutsDoesNotMatter() {
        let commands: [StoreCommand] = [
            .createService(ServiceRecord(id: "s1", spec: spec("web"), createdAt: .zero)),
            .putTask(task("a", slot: 1, node: "n1")), .putTask(task("b", slot: 2, node: "n2")),
            .setTaskDesiredState(id: "a", .shutdown, at: .zero), .removeTask(id: "zz"),
        ]
        #expect(store(commands) == store(commands))
        var swapped = commands
        swapped.swapAt(1, 2)
        #expect(store(commands) == store(swapped))
        #expect(store(commands) != store(Array(commands.dropLast(2))))
    }

    @Test func namesFollowDockerForReplicatedAndGlobalTasks() {
        #expect(task("t9", slot: 3).name == "web.3")
        #expect(task("t9", slot: 3).containerName == "web.3.t9")
        #expect(task("t9", slot: 0, node: "n1").name == "web.n1")
    }

    @Test func theCurrentTaskOfASlotIsTheNewestStillWanted() {
        var old = task("t1", slot: 1, at: 1)
        old.desiredState = .shutdown
        let s = store([.putTask(old), .putTask(task("t2", slot: 1, at: 2))])
        #expect(s.currentTask(in: SlotKey(serviceID: "s1", slot: 1))?.id == "t2")
        #expect(s.resolveTask("t1")?.id == "t1")
        #expect(s.resolveTask("t") == nil)
    }
}
