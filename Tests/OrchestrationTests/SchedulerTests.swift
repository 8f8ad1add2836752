import SimCore
import Testing
@testable import Orchestration

// Placement, ranking, batching and explanations of whole scheduling passes.

private typealias NodeInfo = Scheduler.NodeInfo
private typealias TaskSpec = Scheduler.TaskSpec
private typealias Constraint = Scheduler.Constraint

private let cpu = Int64(1_000_000_000)
private let gib = Int64(1) << 30

private func node(_ id: String, total: Int = 0, services: [String: Int] = [:], labels: [Scheduler.Label] = [],
                  available: Scheduler.Resources = .init(nanoCPUs: 8 * cpu, memoryBytes: 16 * gib)) -> NodeInfo {
    NodeInfo(id: id, hostname: id, labels: labels, available: available, tasksByService: services,
             totalTasks: max(total, services.values.reduce(0, +)))
}

private func replicas(_ service: String, _ n: Int, version: Int = 0, from first: Int = 1,
                      reserve: Scheduler.Resources = .zero, maxPerNode: Int = 0, hostPorts: [Scheduler.PortKey] = [],
                      constraints: [Constraint] = []) -> [TaskSpec] {
    (first..<(first + n)).map {
        TaskSpec(id: "\(service).\($0)", serviceID: service, specVersion: version, constraints: constraints,
                 reservations: reserve, maxReplicasPerNode: maxPerNode, hostPorts: hostPorts)
    }
}

private func schedule(_ tasks: [TaskSpec], _ nodes: inout [NodeInfo], now: SimTime = .zero) -> [Scheduler.Decision] {
    Scheduler.schedule(tasks: tasks, nodes: &nodes, now: now)
}

private func byID(_ nodes: [NodeInfo], _ id: String) -> NodeInfo? { nodes.first { $0.id == id } }

@Suite struct SchedulerRankingTests {
    @Test func fewestTasksInTotalWins() {
        var nodes = [node("a", total: 3), node("b", total: 1), node("c", total: 2)]
        #expect(schedule([TaskSpec(id: "t")], &nodes).map(\.node) == ["b"])
    }

    @Test func tiesGoToTheSmallestNodeID() {
        var nodes = [node("c"), node("a"), node("b")]
        #expect(schedule([TaskSpec(id: "t")], &nodes).map(\.node) == ["a"])
    }

    @Test func fewerTasksOfTheServiceBeatFewerTasksInTotal() {
        var nodes = [node("a", services: ["web": 1]), node("b", services: ["db": 5])]
        #expect(schedule(replicas("web", 1), &nodes).map(\.node) == ["b"])
        #expect(schedule(replicas("db", 1), &nodes).map(\.node) == ["a"])
    }

    @Test func decisionsCarryTaskIDsInInputOrder() {
        var nodes = [node("a"), node("b")]
        let decisions = schedule(replicas("web", 2), &nodes)
        #expect(decisions == [
            .init(taskID: "web.1", node: "a", explanation: nil),
            .init(taskID: "web.2", node: "b", explanation: nil),
        ])
    }
}

@Suite struct SchedulerFailurePenaltyTests {
    let web1 = Scheduler.VersionedService(serviceID: "web", specVersion: 1)
    let now = SimTime.zero + .minutes(30)

    private func nodes(failuresOnA times: [SimDuration], of service: Scheduler.VersionedService) -> [NodeInfo] {
        var a = node("a")
        a.recentFailures[service] = times.map { now + SimDuration(nanoseconds: -$0.nanoseconds) }
        return [a, node("b", total: 10, services: ["web": 3])]
    }

    @Test func fiveRecentFailuresSendANodeToTheBack() {
        var n = nodes(failuresOnA: [.seconds(10), .seconds(20), .seconds(30), .seconds(40), .seconds(50)], of: web1)
        #expect(schedule(replicas("web", 1, version: 1), &n, now: now).map(\.node) == ["b"])
    }

    @Test func fourFailuresDoNotCount() {
        var n = nodes(failuresOnA: [.seconds(10), .seconds(20), .seconds(30), .seconds(40)], of: web1)
        #expect(schedule(replicas("web", 1, version: 1), &n, now: now).map(\.node) == ["a"])
    }

    @Test func theWindowIsFiveMinutesInclusive() {
        let edge = [SimDuration.seconds(1), .seconds(2), .seconds(3), .seconds(4), .minutes(5)]
        var atEdge = nodes(failuresOnA: edge, of: web1)
        #expect(schedule(replicas("web", 1, version: 1), &atEdge, now: now).map(\.node) == ["b"])
        let past = [SimDuration.seconds(1), .seconds(2), .seconds(3), .seconds(4), .minutes(5) + .nanoseconds(1)]
        var pastEdge = nodes(failuresOnA: past, of: web1)
        #expect(schedule(replicas("web", 1, version: 1), &pastEdge, now: now).map(\.node) == ["a"])
    }

    @Test func failuresCountPerSpecVersion() {
        var n = nodes(failuresOnA: Array(repeating: .seconds(5), count: 6), of: .init(serviceID: "web", specVersion: 0))
        #expect(schedule(replicas("web", 1, version: 1), &n, now: now).map(\.node) == ["a"])
    }

    @Test func betweenPenalizedNodesFewerFailuresWin() {
        var a = node("a")
        var b = node("b", total: 7, services: ["web": 7])
        a.recentFailures[web1] = Array(repeating: now, count: 6)
        b.recentFailures[web1] = Array(repeating: now, count: 5)
        var n = [a, b]
        #expect(schedule(replicas("web", 1, version: 1), &n, now: now).map(\.node) == ["b"])
    }

    @Test func aPenalizedNodeIsStillUsedWhenItIsTheOnlyOne() {
        var a = node("a")
        a.recentFailures[web1] = Array(repeating: now, count: 9)
        var n = [a]
        #expect(schedule(replicas("web", 2, version: 1), &n, now: now).map(\.node) == ["a", "a"])
    }

    @Test func recordFailureKeepsTheWindow() {
        var a = node("a")
        a.recordFailure(of: web1, at: .zero)
        a.recordFailure(of: web1, at: .zero + .minutes(4))
        a.recordFailure(of: web1, at: .zero + .minutes(6))
        #expect(a.recentFailures[web1] == [.zero + .minutes(4), .zero + .minutes(6)])
        #expect(a.recentFailureCount(of: web1, now: .zero + .minutes(9)) == 2)
        #expect(a.recentFailureCount(of: web1, now: .zero + .minutes(10)) == 1)
    }
}

@Suite struct SchedulerBatchingTests {
    @Test func aGroupFillsNodesLevelly() {
        var nodes = [node("a"), node("b"), node("c")]
        #expect(schedule(replicas("web", 6), &nodes).map(\.node) == ["a", "b", "c", "a", "b", "c"])
        #expect(nodes.map { $0.tasksByService["web"] } == [2, 2, 2])
    }

    @Test func aGroupLevelsAnUnevenStart() {
        var nodes = [node("a", services: ["web": 2]), node("b"), node("c")]
        #expect(schedule(replicas("web", 5), &nodes).map(\.node) == ["b", "c", "b", "c", "a"])
        #expect(nodes.map(\.totalTasks) == [3, 2, 2])
    }

    @Test func placementsUpdateTheNodes() {
        let port = Scheduler.PortKey(protocol: .tcp, port: 8080)
        var nodes = [node("b", total: 1), node("a", total: 1)]
        let tasks = replicas("web", 2, reserve: .init(nanoCPUs: cpu, memoryBytes: gib), hostPorts: [port])
        #expect(schedule(tasks, &nodes).map(\.node) == ["a", "b"])
        #expect(nodes.map(\.id) == ["b", "a"])  // the caller's order is kept
        for n in nodes {
            #expect(n.available == .init(nanoCPUs: 7 * cpu, memoryBytes: 15 * gib))
            #expect(n.usedHostPorts == [port])
            #expect(n.tasksByService == ["web": 1])
            #expect(n.totalTasks == 2)
        }
    }

    @Test func theNextPassSeesThisOne() {
        var nodes = [node("a"), node("b"), node("c")]
        _ = schedule(replicas("web", 2), &nodes)
        #expect(schedule(replicas("web", 2, from: 3), &nodes).map(\.node) == ["c", "a"])
    }

    @Test func groupsRunInOrderOfFirstAppearance() {
        var nodes = [node("a"), node("b")]
        let tasks = [replicas("db", 1)[0], replicas("web", 1)[0], replicas("db", 1, from: 2)[0]]
        #expect(schedule(tasks, &nodes).map(\.node) == ["a", "a", "b"])
    }

    @Test func specVersionsAreSeparateGroupsOfOneService() {
        var nodes = [node("a"), node("b"), node("c")]
        let tasks = replicas("web", 2, version: 2, from: 3) + replicas("web", 2, version: 1)
        #expect(schedule(tasks, &nodes).map(\.node) == ["a", "b", "c", "a"])
    }

    @Test func tasksWithoutAServiceGoOneByOneAfterTheGroups() {
        var nodes = [node("a"), node("b")]
        let tasks = [TaskSpec(id: "x"), replicas("web", 1)[0], TaskSpec(id: "y")]
        #expect(schedule(tasks, &nodes).map(\.node) == ["b", "a", "a"])
        #expect(nodes.map(\.totalTasks) == [2, 1])
        #expect(nodes.map(\.tasksByService) == [["web": 1], [:]])
    }
}

@Suite struct SchedulerExplanationTests {
    @Test func resourcesRunOutWithinAGroup() {
        var nodes = [node("a", available: .init(nanoCPUs: 2 * cpu, memoryBytes: gib))]
        let d = schedule(replicas("web", 3, reserve: .init(nanoCPUs: cpu)), &nodes)
        #expect(d.map(\.node) == ["a", "a", nil])
        #expect(d[2].explanation == "no suitable node (insufficient resources on 1 node)")
        #expect(nodes[0].available == .init(nanoCPUs: 0, memoryBytes: gib))
    }

    @Test func hostPortsInUse() {
        var nodes = [node("a"), node("b")]
        let d = schedule(replicas("web", 3, hostPorts: [.init(port: 8080)]), &nodes)
        #expect(d.map(\.node) == ["a", "b", nil])
        #expect(d[2].explanation == "no suitable node (host-mode port already in use on 2 nodes)")
    }

    @Test func maxReplicasPerNode() {
        var nodes = [node("a"), node("b")]
        let d = schedule(replicas("web", 4, maxPerNode: 1), &nodes)
        #expect(d.map(\.node) == ["a", "b", nil, nil])
        #expect(d[2].explanation == "no suitable node (max replicas per node limit exceed)")
        #expect(d[3].explanation == d[2].explanation)
    }

    @Test func everyNodeIsChargedToItsFirstFailingFilter() throws {
        var drained = node("d1", labels: [.init("gpu", "yes")])
        drained.availability = .drain
        var nodes = [
            drained, node("c1"), node("c2"), node("c3"),
            node("f1", labels: [.init("gpu", "yes")], available: .init(nanoCPUs: 0, memoryBytes: 0)),
        ]
        let tasks = replicas("ml", 1, reserve: .init(nanoCPUs: cpu), constraints: [try Constraint.parse("node.labels.gpu==yes")])
        let d = schedule(tasks, &nodes)
        #expect(d == [.init(taskID: "ml.1", node: nil, explanation:
            "no suitable node (scheduling constraints not satisfied on 3 nodes; 1 node not available for new tasks; insufficient resources on 1 node)")])
    }

    @Test func noNodesAtAll() {
        var nodes: [NodeInfo] = []
        #expect(schedule(replicas("web", 2), &nodes).map(\.explanation) == ["no suitable node", "no suitable node"])
    }

    @Test func anExplanationIsRecountedAfterAPlacement() {
        var drained = node("b")
        drained.availability = .drain
        var nodes = [node("a", available: .init(nanoCPUs: 2 * cpu, memoryBytes: gib)), drained]
        nodes[0].usedHostPorts = [.init(port: 80)]
        let blocked = TaskSpec(id: "x", reservations: .init(nanoCPUs: 2 * cpu), hostPorts: [.init(port: 80)])
        var later = blocked
        later.id = "z"
        let tasks = [blocked, TaskSpec(id: "y", reservations: .init(nanoCPUs: cpu)), later, later]
        let d = schedule(tasks, &nodes)
        #expect(d.map(\.node) == [nil, "a", nil, nil])
        #expect(d[0].explanation == "no suitable node (1 node not available for new tasks; host-mode port already in use on 1 node)")
        #expect(d[2].explanation == "no suitable node (1 node not available for new tasks; insufficient resources on 1 node)")
        #expect(d[3].explanation == d[2].explanation)
    }

    @Test func anUnplacedTaskLeavesTheNodesAlone() {
        var nodes = [node("a", available: .zero)]
        let before = nodes[0]
        _ = schedule(replicas("web", 1, reserve: .init(memoryBytes: 1)), &nodes)
        #expect(nodes[0].available == before.available)
        #expect(nodes[0].totalTasks == 0)
        #expect(nodes[0].tasksByService.isEmpty)
    }
}
