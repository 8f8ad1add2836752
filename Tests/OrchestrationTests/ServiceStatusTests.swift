import Testing
import SimCore
@testable import Orchestration

/// The one definition each of a service's status (what `service ls` shows), of node
/// eligibility, and of convergence (`services converged`), and where they part.
@Suite struct ServiceStatusTests {
    var store = ClusterStore()
    var index: UInt64 = 0

    mutating func apply(_ c: StoreCommand) { index += 1; store.apply(c, at: index) }

    mutating func addNode(_ id: String, state: NodeState = .ready, availability: NodeAvailability = .active,
                          labels: [(String, String)] = []) {
        apply(.addNode(NodeRecord(id: id, hostname: "h-" + id, role: .worker, address: "10.0.0.1", engineVersion: "28.2.2",
                                  nanoCPUs: 1_000_000_000, memoryBytes: 1 << 30, createdAt: .zero)))
        apply(.setNodeState(id: id, state, message: "", at: .zero))
        apply(.updateNode(id: id, NodeUpdate(availability: availability, labelsToAdd: labels), at: .zero))
    }

    mutating func addService(_ id: String, mode: ServiceMode, constraints: [String] = []) throws -> ServiceRecord {
        var spec = ServiceSpec(name: "svc-" + id, mode: mode, task: TaskTemplate(image: "nginx"))
        spec.task.constraints = try Scheduler.Constraint.parse(all: constraints)
        apply(.createService(ServiceRecord(id: id, spec: spec, createdAt: .zero)))
        return try #require(store.service(id: id))
    }

    /// A task of `service` on `node`, observed `state`, desired `desired`.
    mutating func addTask(_ id: String, of service: ServiceRecord, slot: Int, on node: String,
                          _ state: TaskState, desired: TaskState = .running) {
        var t = TaskRecord(id: id, service: service, slot: slot, nodeID: node, at: .zero)
        t.status = TaskStatus(state: state, timestamp: .zero, message: "")
        t.desiredState = desired
        apply(.putTask(t))
    }

    // MARK: ServiceStatus

    @Test mutating func replicatedStatusCountsEveryRunningTaskAgainstTheReplicaCount() throws {
        addNode("n1"); addNode("n2", state: .down)
        let web = try addService("s1", mode: .replicated(3))
        addTask("t1", of: web, slot: 1, on: "n1", .running)
        addTask("t2", of: web, slot: 2, on: "n2", .running)                        // on a Down node: still counted
        addTask("t3", of: web, slot: 3, on: "n1", .running, desired: .shutdown)    // being shut down: still counted
        addTask("t4", of: web, slot: 3, on: "n1", .starting)
        #expect(ServiceStatus(of: web, in: store) == ServiceStatus(running: 3, desired: 3))
    }

    @Test mutating func globalStatusWantsTheTasksDesiredRunning() throws {
        addNode("n1"); addNode("n2")
        let agent = try addService("s1", mode: .global)
        addTask("t1", of: agent, slot: 0, on: "n1", .running)
        addTask("t2", of: agent, slot: 0, on: "n2", .preparing)
        addTask("t3", of: agent, slot: 0, on: "n2", .failed, desired: .shutdown)
        #expect(ServiceStatus(of: agent, in: store) == ServiceStatus(running: 1, desired: 2))
    }

    // MARK: NodeEligibility

    @Test mutating func eligibleNodesAreActiveNotDownAndMeetTheConstraints() throws {
        addNode("a", labels: [("gpu", "yes")])
        addNode("b", state: .unknown, labels: [("gpu", "yes")])      // Unknown is not Down
        addNode("c", state: .down, labels: [("gpu", "yes")])
        addNode("d", availability: .pause, labels: [("gpu", "yes")])
        addNode("e", availability: .drain, labels: [("gpu", "yes")])
        addNode("f")                                                  // no label
        let gpu = try addService("s1", mode: .global, constraints: ["node.labels.gpu==yes"])
        let any = try addService("s2", mode: .global)
        #expect(NodeEligibility.nodes(for: gpu, in: store).map(\.id) == ["a", "b"])
        #expect(NodeEligibility.nodes(for: any, in: store).map(\.id) == ["a", "b", "f"])
    }

    // MARK: ServiceConvergence

    @Test mutating func convergenceIsStricterThanServiceLs() throws {
        addNode("n1"); addNode("n2", state: .unknown)
        let web = try addService("s1", mode: .replicated(2))
        addTask("t1", of: web, slot: 1, on: "n1", .running)
        addTask("t2", of: web, slot: 2, on: "n2", .running)
        // service ls says 2/2; a task on a node that has not reported in does not count.
        #expect(ServiceStatus(of: web, in: store) == ServiceStatus(running: 2, desired: 2))
        #expect(ServiceConvergence.pending(in: store) == ["service svc-s1 has 1 of 2 tasks running"])
        apply(.setNodeState(id: "n2", .ready, message: "", at: .zero))
        #expect(ServiceConvergence.pending(in: store) == [])
        // A third task still running beside its replacement: 3/2 in service ls, not converged.
        addTask("t3", of: web, slot: 2, on: "n1", .running)
        #expect(ServiceStatus(of: web, in: store) == ServiceStatus(running: 3, desired: 2))
        #expect(ServiceConvergence.pending(in: store) == ["service svc-s1 has 3 of 2 tasks running"])
        apply(.setUpdateStatus(serviceID: "s1", UpdateStatus(state: .updating, message: ""), at: .zero))
        #expect(ServiceConvergence.pending(in: store) == ["service svc-s1 is updating"])
    }

    @Test mutating func aReplicatedServiceWithNoEligibleNodeIsSettledWhilePending() throws {
        addNode("n1")
        _ = try addService("s1", mode: .replicated(2), constraints: ["node.labels.zone==a"])
        #expect(ServiceConvergence.pending(in: store) == [])
    }

    @Test mutating func aGlobalServiceRunsOnExactlyTheEligibleReadyNodes() throws {
        addNode("n1", labels: [("zone", "a")]); addNode("n2", labels: [("zone", "a")]); addNode("n3")
        let agent = try addService("s1", mode: .global, constraints: ["node.labels.zone==a"])
        addTask("t1", of: agent, slot: 0, on: "n1", .running)
        addTask("t3", of: agent, slot: 0, on: "n3", .running)
        #expect(ServiceConvergence.pending(in: store) == [
            "global service svc-s1 does not run one task on h-n2",
            "global service svc-s1 runs tasks on ineligible nodes: svc-s1.n3",
        ])
    }
}
