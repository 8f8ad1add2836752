#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Orchestration

// The `schedule` workload: how many task placements per second the scheduler makes, on the
// shapes that matter for a big swarm. Each timed run is one `Scheduler.schedule` pass plus
// writing every assignment into the cluster store (`StoreCommand.assignTask` applied to a
// `ClusterStore` holding the pending tasks, as every manager applies it). Building the nodes, the
// tasks and the store is not timed.

/// Scheduler throughput, in tasks placed per second:
/// - `schedule-one-service`: 1,000 nodes, one service of 100,000 replicas in one batch;
/// - `schedule-independent`: 1,000 nodes, 100,000 tasks of no service, placed one by one;
/// - `schedule-sparse-label`: 5,000 nodes, 100,000 independent tasks constrained to a label that
///   only every third node has (the plugin variant of the same shape is in the details).
///
/// `nonisolated(unsafe)`: `Workload` as the bench package declares it is not `Sendable`, and a
/// global constant of it would not compile in Swift 6 mode otherwise; it is immutable and only
/// read from the bench's main thread.
let schedule = Workload(
    name: "schedule",
    summary: "scheduler placements per second: one 100k-replica service, 100k independent tasks, 100k tasks for a label on every third node",
    run: { ScheduleWorkload.run() }
)

enum ScheduleWorkload {
    typealias S = Scheduler

    /// Timed runs per shape (median reported); `SWARMSIM_SCHEDULE_RUNS` overrides, e.g. 1 under callgrind.
    static let repetitions = Int(getenv("SWARMSIM_SCHEDULE_RUNS").map { String(cString: $0) } ?? "").map { max(1, $0) } ?? 5
    /// `SWARMSIM_SCHEDULE_SHAPES=one-service,independent,sparse-label` runs only those shapes, without
    /// their detail variants (for profiling one shape); unset, every shape and variant runs.
    static let shapes: [String]? = getenv("SWARMSIM_SCHEDULE_SHAPES").map { String(cString: $0).split(separator: ",").map(String.init) }
    static let cpu = Int64(1_000_000_000)

    static func run() -> [BenchResult] {
        guard let shapes else { return [oneService(), independent(), sparse()] }
        return [("one-service", oneService), ("independent", independent), ("sparse-label", sparse)]
            .filter { shapes.contains($0.0) }.map { $0.1() }
    }

    // MARK: Shapes

    static func cluster(_ count: Int, labelEvery: Int = 0, pluginEvery: Int = 0) -> [S.NodeInfo] {
        (0..<count).map { i in
            var node = S.NodeInfo(
                id: "node-\(i)", hostname: "host-\(i)",
                labels: [.init("zone", "z\(i % 3)")],
                available: .init(nanoCPUs: 64 * cpu, memoryBytes: 256 << 30))
            if labelEvery > 0 && i % labelEvery == 0 { node.labels.append(.init("disk", "ssd")) }
            if pluginEvery > 0 && i % pluginEvery == 0 { node.plugins.append(.init(.volume, "nfs")) }
            return node
        }
    }

    static let reservation = S.Resources(nanoCPUs: cpu / 100, memoryBytes: 16 << 20)

    static func oneService() -> BenchResult {
        let nodes = cluster(1_000)
        let tasks = (1...100_000).map {
            S.TaskSpec(id: "web.\($0)", serviceID: "web", specVersion: 1, reservations: reservation)
        }
        return measure("schedule-one-service", nodes: nodes, tasks: tasks, shape: "1 service x 100000 replicas, 1 batch")
    }

    static func independent() -> BenchResult {
        let nodes = cluster(1_000)
        let tasks = (1...100_000).map { S.TaskSpec(id: "job-\($0)", reservations: reservation) }
        var result = measure("schedule-independent", nodes: nodes, tasks: tasks, shape: "100000 tasks of no service")
        if shapes != nil { return result }
        let services = (1...100_000).map {
            S.TaskSpec(id: "svc-\($0).1", serviceID: "svc-\($0)", specVersion: 1, reservations: reservation)
        }
        let grouped = measure("schedule-many-services", nodes: nodes, tasks: services, shape: "")
        result.details.append(("100000 services of 1 replica (tasks/s)", format(grouped.value)))
        return result
    }

    static func sparse() -> BenchResult {
        let ssd = [(try? S.Constraint.parse("node.labels.disk==ssd"))].compactMap { $0 }
        let labelTasks = (1...100_000).map { S.TaskSpec(id: "job-\($0)", constraints: ssd, reservations: reservation) }
        var result = measure("schedule-sparse-label", nodes: cluster(5_000, labelEvery: 3), tasks: labelTasks,
                             shape: "100000 tasks needing node.labels.disk==ssd (every 3rd node)")
        if shapes != nil { return result }
        let pluginTasks = (1...100_000).map {
            S.TaskSpec(id: "job-\($0)", reservations: reservation, plugins: [.init(.volume, "nfs")])
        }
        let plugin = measure("schedule-sparse-plugin", nodes: cluster(5_000, pluginEvery: 3), tasks: pluginTasks, shape: "")
        result.details.append(("plugin variant (tasks/s)", format(plugin.value)))
        return result
    }

    // MARK: Timing

    static func measure(_ name: String, nodes: [S.NodeInfo], tasks: [S.TaskSpec], shape: String) -> BenchResult {
        let clock = ContinuousClock()
        var times: [Double] = []
        var placed = 0
        for _ in 0..<repetitions {
            var working = nodes
            var store = pendingStore(tasks)
            var index = store.appliedIndex
            let assigned = TaskStatus(state: .assigned, timestamp: .zero, message: Placement.assignedMessage)
            let elapsed = clock.measure {
                let decisions = S.schedule(tasks: tasks, nodes: &working, now: .zero)
                for d in decisions {
                    guard let node = d.node else { continue }
                    index += 1
                    store.apply(.assignTask(id: d.taskID, nodeID: node, assigned), at: index)
                }
            }
            placed = store.tasks.reduce(0) { $0 + ($1.nodeID != nil ? 1 : 0) }
            times.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
        }
        times.sort()
        let median = times[times.count / 2]
        return BenchResult(
            name: name, value: Double(tasks.count) / median, unit: "tasks/s",
            details: [
                ("shape", shape), ("nodes", "\(nodes.count)"), ("tasks", "\(tasks.count)"), ("placed", "\(placed)"),
                ("runs", "\(repetitions)"), ("median (s)", format(median)), ("best (s)", format(times[0])),
            ])
    }

    /// A store holding `tasks` as pending task records (untimed set-up).
    static func pendingStore(_ tasks: [S.TaskSpec]) -> ClusterStore {
        var store = ClusterStore()
        let template = TaskTemplate(image: "nginx:latest")
        for (i, t) in tasks.enumerated() {
            let record = TaskRecord(id: t.id, serviceID: t.serviceID ?? "", serviceName: t.serviceID ?? t.id, slot: i + 1,
                                    specVersion: UInt64(t.specVersion), spec: template,
                                    status: TaskStatus(state: .pending, timestamp: .zero, message: Placement.pendingMessage),
                                    createdAt: .zero)
            store.apply(.putTask(record), at: UInt64(i + 1))
        }
        return store
    }

    static func format(_ x: Double) -> String {
        if x >= 1000 { return String(Int(x.rounded())) }
        let scaled = (x * 10_000).rounded() / 10_000
        return "\(scaled)"
    }
}
