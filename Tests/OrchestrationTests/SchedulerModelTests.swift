import SimCore
import Testing
@testable import Orchestration

// The fast scheduler against a brute-force model of the same rules, on random clusters; and
// determinism: same inputs, same decisions.

private typealias NodeInfo = Scheduler.NodeInfo
private typealias TaskSpec = Scheduler.TaskSpec

// MARK: - Reference model

/// The scheduling rules written the slow and obvious way: for each task in group order, run the
/// pipeline over every node, take the minimum of (penalty, service tasks, total tasks, ID).
private func referenceSchedule(_ tasks: [TaskSpec], _ nodes: inout [NodeInfo], now: SimTime) -> [Scheduler.Decision] {
    var groups: [[Int]] = []
    var groupOf: [Scheduler.VersionedService: Int] = [:]
    var oneOffs: [[Int]] = []
    for (i, t) in tasks.enumerated() {
        guard let s = t.serviceID else {
            oneOffs.append([i])
            continue
        }
        let key = Scheduler.VersionedService(serviceID: s, specVersion: t.specVersion)
        if let g = groupOf[key] {
            groups[g].append(i)
        } else {
            groupOf[key] = groups.count
            groups.append([i])
        }
    }
    var decisions = tasks.map { Scheduler.Decision(taskID: $0.id, node: nil, explanation: nil) }
    for group in groups + oneOffs {
        let rep = tasks[group[0]]
        let pipeline = Scheduler.Pipeline(task: rep)
        for (k, i) in group.enumerated() {
            func key(_ n: NodeInfo) -> (Int, Int, Int, String) {
                var penalty = 0
                var serviceTasks = 0
                if let s = rep.serviceID {
                    let f = n.recentFailureCount(of: .init(serviceID: s, specVersion: rep.specVersion), now: now)
                    penalty = f >= Scheduler.maxFailures ? f : 0
                    serviceTasks = n.tasksByService[s] ?? 0
                }
                return (penalty, serviceTasks, n.totalTasks, n.id)
            }
            let best = nodes.indices.filter { pipeline.firstFailure(on: nodes[$0]) == nil }.min { key(nodes[$0]) < key(nodes[$1]) }
            guard let b = best else {
                let why = pipeline.explanation(for: nodes)
                for j in group[k...] { decisions[j].explanation = why }
                break
            }
            var charged = rep
            charged.id = tasks[i].id
            nodes[b].addTask(charged)
            decisions[i].node = nodes[b].id
        }
    }
    return decisions
}

// MARK: - Random clusters

private struct RandomCluster {
    var rng: SeededRandom

    mutating func pick<T>(_ items: [T]) -> T { items[Int(rng.below(UInt64(items.count)))] }

    mutating func nodes(now: SimTime) -> [NodeInfo] {
        let count = rng.int(in: 0...24)
        var ids = Set<String>()
        var nodes: [NodeInfo] = []
        for _ in 0..<count {
            let id = "n\(rng.int(in: 0...99))"
            if !ids.insert(id).inserted { continue }
            var n = NodeInfo(id: id, hostname: "host-\(id)")
            n.role = rng.chance(0.3) ? .manager : .worker
            n.isReady = rng.chance(0.9)
            n.availability = rng.chance(0.85) ? .active : pick([.pause, .drain])
            if rng.chance(0.7) { n.labels.append(.init("zone", pick(["a", "b", "c"]))) }
            if rng.chance(0.3) { n.engineLabels.append(.init("disk", "ssd")) }
            n.platform = pick([.init(os: "linux", architecture: "x86_64"), .init(os: "linux", architecture: "aarch64"),
                               .init(os: "windows", architecture: "amd64")])
            if rng.chance(0.4) { n.plugins.append(.init(.volume, pick(["nfs", "nfs:latest", "ceph"]))) }
            n.available = .init(nanoCPUs: Int64(rng.int(in: 0...8)), memoryBytes: Int64(rng.int(in: -1...16)))
            if rng.chance(0.3) { n.usedHostPorts.append(.init(protocol: pick([.tcp, .udp]), port: pick([80, 443]))) }
            var sum = 0
            for s in ["s0", "s1", "s2"] where rng.chance(0.4) {
                let c = rng.int(in: 1...4)
                n.tasksByService[s] = c
                sum += c
            }
            n.totalTasks = sum + rng.int(in: 0...3)
            for s in ["s0", "s1"] where rng.chance(0.3) {
                let times = (0..<rng.int(in: 3...8)).map { _ in now + .seconds(Int64(-rng.int(in: 0...400))) }
                n.recentFailures[.init(serviceID: s, specVersion: rng.int(in: 0...1))] = times.sorted()
            }
            nodes.append(n)
        }
        return nodes
    }

    mutating func template() -> TaskSpec {
        var t = TaskSpec(id: "")
        if rng.chance(0.3) {
            let text = pick(["node.labels.zone==a", "node.labels.zone!=b", "node.role==worker", "engine.labels.disk==ssd",
                             "node.platform.os!=windows"])
            t.constraints = [(try? Scheduler.Constraint.parse(text))].compactMap { $0 }
        }
        if rng.chance(0.5) { t.reservations = .init(nanoCPUs: Int64(rng.int(in: 0...2)), memoryBytes: Int64(rng.int(in: 0...3))) }
        if rng.chance(0.3) { t.maxReplicasPerNode = rng.int(in: 1...3) }
        if rng.chance(0.2) { t.hostPorts = [.init(protocol: .tcp, port: pick([80, 443, 8080]))] }
        if rng.chance(0.2) { t.plugins = [.init(.volume, "nfs")] }
        if rng.chance(0.2) { t.platforms = [.init(os: "linux", architecture: pick(["amd64", "arm64", ""]))] }
        return t
    }

    mutating func tasks() -> [TaskSpec] {
        var templates: [Scheduler.VersionedService: TaskSpec] = [:]
        var tasks: [TaskSpec] = []
        for i in 0..<rng.int(in: 0...60) {
            var t: TaskSpec
            if rng.chance(0.2) {
                t = template()
            } else {
                let key = Scheduler.VersionedService(serviceID: pick(["s0", "s1", "s2", "s3"]), specVersion: rng.int(in: 0...1))
                if let known = templates[key] {
                    t = known
                } else {
                    t = template()
                    t.serviceID = key.serviceID
                    t.specVersion = key.specVersion
                    templates[key] = t
                }
            }
            t.id = "t\(i)"
            tasks.append(t)
        }
        return tasks
    }
}

private func snapshot(_ nodes: [NodeInfo]) -> [String] {
    nodes.map { n in
        let services = n.tasksByService.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
        return "\(n.id) \(n.available) ports=\(n.usedHostPorts) tasks=\(n.totalTasks) [\(services)]"
    }
}

@Suite struct SchedulerModelTests {
    @Test(arguments: 0..<300)
    func matchesTheReferenceModel(seed: Int) {
        var gen = RandomCluster(rng: SeededRandom(seed: UInt64(seed)))
        let now = SimTime.zero + .minutes(10)
        let nodes = gen.nodes(now: now)
        let tasks = gen.tasks()
        var fast = nodes
        var slow = nodes
        let got = Scheduler.schedule(tasks: tasks, nodes: &fast, now: now)
        let want = referenceSchedule(tasks, &slow, now: now)
        #expect(got == want, "seed \(seed)")
        #expect(snapshot(fast) == snapshot(slow), "seed \(seed)")
    }

    @Test(arguments: 0..<50)
    func sameInputsSameDecisions(seed: Int) {
        var gen = RandomCluster(rng: SeededRandom(seed: UInt64(1000 + seed)))
        let now = SimTime.zero + .minutes(10)
        var nodes = gen.nodes(now: now)
        let tasks = gen.tasks().map { t -> TaskSpec in
            var t = t
            t.preferences = [.init(descriptor: "node.labels.zone")]
            return t
        }
        var first = nodes
        var second = nodes
        let a = Scheduler.schedule(tasks: tasks, nodes: &first, now: now)
        let b = Scheduler.schedule(tasks: tasks, nodes: &second, now: now)
        #expect(a == b)
        #expect(snapshot(first) == snapshot(second))
        // The order in which the caller lists the nodes does not matter either.
        var shuffler = SeededRandom(seed: UInt64(seed))
        shuffler.shuffle(&nodes)
        let c = Scheduler.schedule(tasks: tasks, nodes: &nodes, now: now)
        #expect(a == c)
    }
}
