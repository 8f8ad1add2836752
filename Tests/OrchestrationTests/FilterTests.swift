import Testing
@testable import Orchestration

// Each filter of the pipeline, accepting and rejecting, and the explanation texts
// (swarmkit manager/scheduler/filter.go, pipeline.go).

private typealias NodeInfo = Scheduler.NodeInfo
private typealias TaskSpec = Scheduler.TaskSpec
private typealias Filter = Scheduler.Filter
private typealias Constraint = Scheduler.Constraint

private func firstFailure(_ task: TaskSpec, _ node: NodeInfo) -> Filter? {
    Scheduler.Pipeline(task: task).firstFailure(on: node)
}

private let roomy = Scheduler.Resources(nanoCPUs: 4_000_000_000, memoryBytes: 8 << 30)

@Suite struct FilterTests {
    // MARK: Ready

    @Test func readyFilterNeedsReadyAndActive() {
        let task = TaskSpec(id: "t")
        #expect(firstFailure(task, NodeInfo(id: "n")) == nil)
        #expect(firstFailure(task, NodeInfo(id: "n", isReady: false)) == .ready)
        #expect(firstFailure(task, NodeInfo(id: "n", availability: .pause)) == .ready)
        #expect(firstFailure(task, NodeInfo(id: "n", availability: .drain)) == .ready)
    }

    // MARK: Resources

    @Test func resourceFilterComparesEachReservation() {
        let task = TaskSpec(id: "t", reservations: .init(nanoCPUs: 1_000_000_000, memoryBytes: 1 << 30))
        #expect(firstFailure(task, NodeInfo(id: "n", available: .init(nanoCPUs: 1_000_000_000, memoryBytes: 1 << 30))) == nil)
        #expect(firstFailure(task, NodeInfo(id: "n", available: .init(nanoCPUs: 999_999_999, memoryBytes: 8 << 30))) == .resources)
        #expect(firstFailure(task, NodeInfo(id: "n", available: .init(nanoCPUs: 8_000_000_000, memoryBytes: (1 << 30) - 1))) == .resources)
    }

    @Test func resourceFilterIsOffWithoutReservations() {
        let overcommitted = NodeInfo(id: "n", available: .init(nanoCPUs: -5, memoryBytes: -5))
        #expect(firstFailure(TaskSpec(id: "t"), overcommitted) == nil)
        // Reserving memory only still checks the (negative) CPU, as swarmkit does.
        #expect(firstFailure(TaskSpec(id: "t", reservations: .init(memoryBytes: 1)), overcommitted) == .resources)
        #expect(Scheduler.Pipeline(task: TaskSpec(id: "t")).enabled == [.ready])
    }

    // MARK: Plugin

    @Test func pluginFilterNeedsVolumeAndNetworkDrivers() {
        let task = TaskSpec(id: "t", plugins: [.init(.volume, "rexray"), .init(.network, "weave")])
        let both = NodeInfo(id: "n", plugins: [.init(.network, "weave"), .init(.volume, "rexray")])
        #expect(firstFailure(task, both) == nil)
        #expect(firstFailure(task, NodeInfo(id: "n", plugins: [.init(.volume, "rexray")])) == .plugin)
        // The right name under another type does not count.
        #expect(firstFailure(task, NodeInfo(id: "n", plugins: [.init(.volume, "rexray"), .init(.volume, "weave")])) == .plugin)
        // `name:latest` on the node satisfies `name`.
        let latest = NodeInfo(id: "n", plugins: [.init(.volume, "rexray:latest"), .init(.network, "weave:latest")])
        #expect(firstFailure(task, latest) == nil)
        #expect(firstFailure(task, NodeInfo(id: "n", plugins: [.init(.volume, "rexray:1.0"), .init(.network, "weave")])) == .plugin)
    }

    @Test func logDriverOnlyFailsWhenTheNodeReportsOtherLogDrivers() {
        let task = TaskSpec(id: "t", plugins: [.init(.log, "fluentd")])
        #expect(firstFailure(task, NodeInfo(id: "n")) == nil)  // an engine that reports none
        #expect(firstFailure(task, NodeInfo(id: "n", plugins: [.init(.log, "json-file")])) == .plugin)
        #expect(firstFailure(task, NodeInfo(id: "n", plugins: [.init(.log, "json-file"), .init(.log, "fluentd")])) == nil)
    }

    @Test func localVolumesAndEmptyNamesNeedNothing() {
        let task = TaskSpec(id: "t", plugins: [.init(.volume, "local"), .init(.network, "")])
        #expect(firstFailure(task, NodeInfo(id: "n")) == nil)
        #expect(Scheduler.Pipeline(task: task).enabled == [.ready])
    }

    // MARK: Constraint

    @Test func constraintFilterNeedsEveryConstraint() throws {
        let task = TaskSpec(id: "t", constraints: try Constraint.parse(all: ["node.role==worker", "node.labels.zone==a"]))
        #expect(firstFailure(task, NodeInfo(id: "n", labels: [.init("zone", "a")])) == nil)
        #expect(firstFailure(task, NodeInfo(id: "n", labels: [.init("zone", "b")])) == .constraint)
        #expect(firstFailure(task, NodeInfo(id: "n", role: .manager, labels: [.init("zone", "a")])) == .constraint)
    }

    // MARK: Platform

    @Test func platformFilterNormalizesArchitectures() {
        let amd64 = TaskSpec(id: "t", platforms: [.init(os: "linux", architecture: "amd64")])
        #expect(firstFailure(amd64, NodeInfo(id: "n", platform: .init(os: "linux", architecture: "x86_64"))) == nil)
        #expect(firstFailure(amd64, NodeInfo(id: "n", platform: .init(os: "linux", architecture: "aarch64"))) == .platform)
        #expect(firstFailure(amd64, NodeInfo(id: "n", platform: .init(os: "windows", architecture: "x86_64"))) == .platform)
        let arm = TaskSpec(id: "t", platforms: [.init(os: "linux", architecture: "aarch64")])
        #expect(firstFailure(arm, NodeInfo(id: "n", platform: .init(os: "linux", architecture: "arm64"))) == nil)
    }

    @Test func platformFilterTreatsEmptyFieldsAsAny() {
        let anyArch = TaskSpec(id: "t", platforms: [.init(os: "windows", architecture: "")])
        #expect(firstFailure(anyArch, NodeInfo(id: "n", platform: .init(os: "windows", architecture: "arm64"))) == nil)
        #expect(firstFailure(anyArch, NodeInfo(id: "n", platform: .init(os: "linux", architecture: "arm64"))) == .platform)
        let either = TaskSpec(id: "t", platforms: [.init(os: "windows", architecture: ""), .init(os: "", architecture: "s390x")])
        #expect(firstFailure(either, NodeInfo(id: "n", platform: .init(os: "linux", architecture: "s390x"))) == nil)
    }

    // MARK: HostPort

    @Test func hostPortFilterComparesPortAndProtocol() {
        let task = TaskSpec(id: "t", hostPorts: [.init(protocol: .tcp, port: 8080)])
        #expect(firstFailure(task, NodeInfo(id: "n", usedHostPorts: [.init(protocol: .udp, port: 8080)])) == nil)
        #expect(firstFailure(task, NodeInfo(id: "n", usedHostPorts: [.init(protocol: .tcp, port: 8081)])) == nil)
        #expect(firstFailure(task, NodeInfo(id: "n", usedHostPorts: [.init(protocol: .tcp, port: 8080)])) == .hostPort)
    }

    // MARK: MaxReplicas

    @Test func maxReplicasFilterCountsTheServiceOnly() {
        let task = TaskSpec(id: "t", serviceID: "web", maxReplicasPerNode: 2)
        #expect(firstFailure(task, NodeInfo(id: "n", tasksByService: ["web": 1, "db": 9], totalTasks: 10)) == nil)
        #expect(firstFailure(task, NodeInfo(id: "n", tasksByService: ["web": 2], totalTasks: 2)) == .maxReplicas)
        #expect(firstFailure(TaskSpec(id: "t", serviceID: "web"), NodeInfo(id: "n", tasksByService: ["web": 50])) == nil)
    }

    // MARK: Order

    @Test func aNodeIsChargedToTheFirstFailingFilter() throws {
        let task = TaskSpec(
            id: "t", serviceID: "web", constraints: [try Constraint.parse("node.role==manager")],
            reservations: .init(nanoCPUs: 1), maxReplicasPerNode: 1, hostPorts: [.init(port: 80)],
            plugins: [.init(.volume, "nfs")], platforms: [.init(os: "windows", architecture: "")])
        var node = NodeInfo(
            id: "n", isReady: false, available: .zero, usedHostPorts: [.init(port: 80)], tasksByService: ["web": 1])
        let pipeline = Scheduler.Pipeline(task: task)
        #expect(pipeline.enabled == Filter.allCases)
        var seen: [Filter] = []
        while let f = pipeline.firstFailure(on: node) {
            seen.append(f)
            switch f {
            case .ready: node.isReady = true
            case .resources: node.available = roomy
            case .plugin: node.plugins = [.init(.volume, "nfs")]
            case .constraint: node.role = .manager
            case .platform: node.platform = .init(os: "windows", architecture: "amd64")
            case .hostPort: node.usedHostPorts = []
            case .maxReplicas: node.tasksByService = [:]
            }
        }
        #expect(seen == Filter.allCases)
    }

    // MARK: Explanations

    @Test func explainTextsAreSwarmkits() {
        let one = Filter.allCases.map { $0.explain(nodes: 1) }
        #expect(one == [
            "1 node not available for new tasks",
            "insufficient resources on 1 node",
            "missing plugin on 1 node",
            "scheduling constraints not satisfied on 1 node",
            "unsupported platform on 1 node",
            "host-mode port already in use on 1 node",
            "max replicas per node limit exceed",
        ])
        let three = Filter.allCases.map { $0.explain(nodes: 3) }
        #expect(three == [
            "3 nodes not available for new tasks",
            "insufficient resources on 3 nodes",
            "missing plugin on 3 nodes",
            "scheduling constraints not satisfied on 3 nodes",
            "unsupported platform on 3 nodes",
            "host-mode port already in use on 3 nodes",
            "max replicas per node limit exceed",
        ])
    }

    @Test func explanationListsMostRejectionsFirstAndTiesInPipelineOrder() {
        func text(_ pairs: [(Filter, Int)]) -> String {
            var r = [Int](repeating: 0, count: Filter.allCases.count)
            for (f, n) in pairs { r[f.rawValue] = n }
            return Scheduler.Pipeline.explanation(rejections: r)
        }
        #expect(text([(.ready, 1), (.constraint, 3)])
            == "no suitable node (scheduling constraints not satisfied on 3 nodes; 1 node not available for new tasks)")
        #expect(text([(.resources, 2)]) == "no suitable node (insufficient resources on 2 nodes)")
        #expect(text([(.maxReplicas, 2), (.ready, 2), (.resources, 1)])
            == "no suitable node (2 nodes not available for new tasks; max replicas per node limit exceed; insufficient resources on 1 node)")
        #expect(text([]) == "no suitable node")
    }

    @Test func explanationOverNodesChargesEachNodeOnce() throws {
        let task = TaskSpec(id: "t", constraints: [try Constraint.parse("node.labels.gpu==yes")], reservations: .init(nanoCPUs: 2))
        let nodes = [
            NodeInfo(id: "a", availability: .drain, available: roomy),
            NodeInfo(id: "b", available: roomy),
            NodeInfo(id: "c", available: roomy),
            NodeInfo(id: "d", labels: [.init("gpu", "yes")], available: .init(nanoCPUs: 1, memoryBytes: 1 << 30)),
            NodeInfo(id: "e", labels: [.init("gpu", "no")], available: .zero),
        ]
        #expect(Scheduler.Pipeline(task: task).explanation(for: nodes)
            == "no suitable node (insufficient resources on 2 nodes; scheduling constraints not satisfied on 2 nodes; 1 node not available for new tasks)")
    }
}
