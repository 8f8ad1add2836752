import Testing
@testable import Orchestration

// Placement preferences: swarmkit's decision tree spreads a group over label values.

private typealias NodeInfo = Scheduler.NodeInfo
private typealias TaskSpec = Scheduler.TaskSpec

private let cpu = Int64(1_000_000_000)

private func node(_ id: String, zone: String? = nil, rack: String? = nil, web: Int = 0, cpus: Int64 = 8) -> NodeInfo {
    var labels: [Scheduler.Label] = []
    if let zone { labels.append(.init("zone", zone)) }
    if let rack { labels.append(.init("rack", rack)) }
    return NodeInfo(id: id, labels: labels, available: .init(nanoCPUs: cpus * cpu, memoryBytes: 1 << 34),
                    tasksByService: web > 0 ? ["web": web] : [:], totalTasks: web)
}

private func web(_ n: Int, spread: [String] = ["node.labels.zone"], reserve: Int64 = 0,
                 constraints: [String] = []) throws -> [TaskSpec] {
    let prefs = spread.map { Scheduler.SpreadPreference(descriptor: $0) }
    let parsed = try Scheduler.Constraint.parse(all: constraints)
    return (1...n).map {
        TaskSpec(id: "web.\($0)", serviceID: "web", constraints: parsed, preferences: prefs,
                 reservations: .init(nanoCPUs: reserve * cpu))
    }
}

private func place(_ tasks: [TaskSpec], _ nodes: inout [NodeInfo]) -> [String?] {
    Scheduler.schedule(tasks: tasks, nodes: &nodes, now: .zero).map(\.node)
}

@Suite struct SchedulerSpreadTests {
    @Test func splitsEvenlyOverValuesNotNodes() throws {
        var nodes = [node("a1", zone: "a"), node("a2", zone: "a"), node("a3", zone: "a"), node("b1", zone: "b")]
        #expect(place(try web(8), &nodes) == ["a1", "a2", "a3", "a1", "b1", "b1", "b1", "b1"])
        #expect(nodes.map { $0.tasksByService["web"] } == [2, 1, 1, 4])
    }

    @Test func nodesWithoutTheLabelFormTheirOwnBranch() throws {
        var nodes = [node("a", zone: "a"), node("b", zone: "b"), node("u")]
        #expect(place(try web(3), &nodes) == ["u", "a", "b"])
    }

    @Test func existingTasksOfTheServiceCount() throws {
        var two = [node("a1", zone: "a", web: 2), node("b1", zone: "b"), node("b2", zone: "b")]
        #expect(place(try web(2), &two) == ["b1", "b2"])
        var four = [node("a1", zone: "a", web: 2), node("b1", zone: "b"), node("b2", zone: "b")]
        #expect(place(try web(4), &four) == ["a1", "b1", "b2", "b1"])
    }

    @Test func theRemainderGoesToTheFirstValue() throws {
        var nodes = [node("b1", zone: "b"), node("a1", zone: "a")]
        #expect(place(try web(3), &nodes) == ["a1", "a1", "b1"])
    }

    @Test func aFullBranchHandsItsShareToTheOthers() throws {
        var nodes = [node("a1", zone: "a"), node("b1", zone: "b", cpus: 1)]
        #expect(place(try web(4, reserve: 1), &nodes) == ["a1", "a1", "b1", "a1"])
    }

    @Test func aBranchWithNoEligibleNodeIsFullFromTheStart() throws {
        var nodes = [node("a1", zone: "a"), node("b1", zone: "b"), node("c1", zone: "c")]
        #expect(place(try web(4, constraints: ["node.labels.zone!=c"]), &nodes) == ["a1", "a1", "b1", "b1"])
    }

    @Test func preferencesNest() throws {
        var nodes = [
            node("n1", zone: "a", rack: "r1"), node("n2", zone: "a", rack: "r2"), node("n3", zone: "a", rack: "r2"),
            node("n4", zone: "b", rack: "r1"),
        ]
        let tasks = try web(4, spread: ["node.labels.zone", "node.labels.rack"])
        #expect(place(tasks, &nodes) == ["n1", "n2", "n4", "n4"])
    }

    @Test func engineLabelsSpreadToo() throws {
        var nodes = [
            NodeInfo(id: "x1", engineLabels: [.init("dc", "x")]), NodeInfo(id: "x2", engineLabels: [.init("dc", "x")]),
            NodeInfo(id: "y1", engineLabels: [.init("dc", "y")]),
        ]
        #expect(place(try web(4, spread: ["Engine.Labels.dc"]), &nodes) == ["x1", "x2", "y1", "y1"])
    }

    @Test func otherDescriptorsAreIgnored() throws {
        var nodes = [node("a1", zone: "a"), node("a2", zone: "a"), node("b1", zone: "b")]
        #expect(place(try web(3, spread: ["node.hostname"]), &nodes) == ["a1", "a2", "b1"])
    }

    @Test func tasksThatFitNowhereStillExplain() throws {
        var nodes = [node("a1", zone: "a", cpus: 1), node("b1", zone: "b", cpus: 1)]
        let d = Scheduler.schedule(tasks: try web(3, reserve: 1), nodes: &nodes, now: .zero)
        #expect(d.map(\.node) == ["a1", "b1", nil])
        #expect(d[2].explanation == "no suitable node (insufficient resources on 2 nodes)")
    }

    @Test func waterFillLevelsTheLowestFirst() {
        let fill = Scheduler.Workspace.waterFill
        #expect(fill([0, 0], 8) == [4, 4])
        #expect(fill([0, 0], 3) == [2, 1])
        #expect(fill([2, 0], 2) == [0, 2])
        #expect(fill([2, 0], 4) == [1, 3])
        #expect(fill([10, 0, 0], 4) == [0, 2, 2])
        #expect(fill([1, 0, 1], 2) == [1, 1, 0])
        #expect(fill([3], 2) == [2])
        #expect(fill([], 5) == [])
        #expect(fill([4, 1], 0) == [0, 0])
    }

    @Test func parsesTheCLIForm() throws {
        #expect(try Scheduler.SpreadPreference.parse("spread=node.labels.zone").descriptor == "node.labels.zone")
        #expect(throws: Scheduler.PreferenceError.badFormat) { try Scheduler.SpreadPreference.parse("spread") }
        #expect(throws: Scheduler.PreferenceError.badFormat) { try Scheduler.SpreadPreference.parse("spread=a=b") }
        #expect(throws: Scheduler.PreferenceError.unsupportedStrategy("pack")) {
            try Scheduler.SpreadPreference.parse("pack=node.labels.zone")
        }
        #expect(Scheduler.PreferenceError.badFormat.description == #"placement preference must be of the format "<strategy>=<arg>""#)
        #expect(Scheduler.PreferenceError.unsupportedStrategy("pack").description
            == "unsupported placement preference pack (only spread is supported)")
    }
}
