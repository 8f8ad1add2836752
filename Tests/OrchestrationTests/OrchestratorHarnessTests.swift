import Testing
import SimCore
@testable import Orchestration

/// A leader and its agents without Raft or a network: commands apply at once, the
/// orchestrator and the scheduler run after every change, and each agent on a Ready node
/// moves its tasks one step per round (`TaskState.agentNextStep`). Tests steer it with
/// explicit failures, node states and time.
struct Harness {
    var store = ClusterStore()
    var orchestrator = Orchestrator()
    var ids = IDGenerator(random: SeededRandom(seed: 7))
    var now = SimTime.zero
    var index: UInt64 = 0
    /// Every command applied, in order.
    var log: [StoreCommand] = []
    /// The earliest time the orchestrator asked to be woken.
    var wakeAt: SimTime?
    /// When false, agents leave tasks where they are (to look at one step at a time).
    var agentsRun = true

    static let cpu = Int64(1_000_000_000)
    static let gib = Int64(1) << 30

    init(nodes: [String] = ["w1", "w2", "w3"], historyLimit: Int = 5) {
        apply([.createCluster(ClusterRecord(id: "cluster", workerToken: "W", managerToken: "M", createdAt: .zero))])
        if historyLimit != 5 { apply([.updateCluster(heartbeat: nil, taskHistoryLimit: historyLimit, at: .zero)]) }
        for n in nodes { addNode(n) }
    }

    mutating func apply(_ commands: [StoreCommand]) {
        for c in commands {
            index += 1
            store.apply(c, at: index)
            log.append(c)
        }
    }

    /// A Ready worker node `n<hostname>` with 4 CPUs and 8 GiB.
    mutating func addNode(_ hostname: String, cpus: Int64 = 4, memory: Int64 = 8 * Harness.gib, labels: [(String, String)] = [],
                          state: NodeState = .ready) {
        var record = NodeRecord(id: "n" + hostname, hostname: hostname, role: .worker, address: "10.0.0.1",
                                engineVersion: "28.2.2", nanoCPUs: cpus * Harness.cpu, memoryBytes: memory, createdAt: now)
        record.labels = Labels(labels)
        apply([.addNode(record), .setNodeState(id: record.id, state, message: "", at: now)])
    }

    mutating func setNode(_ hostname: String, _ state: NodeState) {
        apply([.setNodeState(id: "n" + hostname, state, message: state == .down ? "heartbeat failure" : "", at: now)])
    }

    mutating func setNode(_ hostname: String, availability: NodeAvailability) {
        apply([.updateNode(id: "n" + hostname, NodeUpdate(availability: availability), at: now)])
    }

    static func spec(_ name: String = "web", replicas: Int = 3, image: String = "nginx:1.25") -> ServiceSpec {
        ServiceSpec(name: name, mode: .replicated(replicas), task: TaskTemplate(image: image))
    }

    @discardableResult
    mutating func create(_ spec: ServiceSpec, id: String? = nil) -> String {
        let id = id ?? "s" + spec.name
        apply([.createService(ServiceRecord(id: id, spec: spec, createdAt: now))])
        return id
    }

    mutating func update(_ id: String, _ change: (inout ServiceSpec) -> Void) {
        guard var spec = store.service(id: id)?.spec else { return }
        change(&spec)
        apply([.updateService(id: id, spec, at: now)])
    }

    // MARK: Rounds

    /// One pass of the leader: the orchestrator's plan, then the scheduler's. Returns the
    /// orchestrator's plan.
    @discardableResult
    mutating func leader() -> Plan {
        let plan = orchestrator.reconcile(store, now: now, ids: &ids)
        apply(plan.commands)
        wakeAt = plan.wakeAt
        apply(Placement.plan(store, now: now))
        return plan
    }

    /// Each agent on a Ready node takes one step for each of its tasks.
    mutating func agents() -> Bool {
        guard agentsRun else { return false }
        var commands: [StoreCommand] = []
        for task in store.tasks {
            guard let nodeID = task.nodeID, store.node(id: nodeID)?.state == .ready,
                  let step = task.status.state.agentNextStep(desired: task.desiredState) else { continue }
            commands.append(.setTaskStatus(id: task.id, TaskStatus(state: step.state, timestamp: now, message: step.message)))
        }
        apply(commands)
        return !commands.isEmpty
    }

    /// Runs leader and agents until nothing changes (bounded, so a livelock fails the test).
    mutating func settle() {
        for _ in 0..<200 {
            let before = log.count
            leader()
            _ = agents()
            if log.count == before { return }
        }
        Issue.record("the harness did not settle")
    }

    /// Advances time to `t`, stopping at every time the orchestrator asked to be woken.
    mutating func run(until t: SimTime) {
        settle()
        while let w = wakeAt, w <= t {
            now = w
            settle()
        }
        now = t
        settle()
    }

    mutating func run(for d: SimDuration) { run(until: now + d) }

    /// The task reports a failure (exit code 1), as an agent would.
    mutating func fail(_ taskID: String, exitCode: Int = 1) {
        apply([.setTaskStatus(id: taskID, TaskStatus(state: .failed, timestamp: now, message: "started",
                                                     error: "task: non-zero exit (\(exitCode))", exitCode: exitCode))])
    }

    mutating func complete(_ taskID: String) {
        apply([.setTaskStatus(id: taskID, TaskStatus(state: .complete, timestamp: now, message: "finished", exitCode: 0))])
    }

    // MARK: Looking

    func tasks(_ serviceID: String) -> [TaskRecord] { store.tasks(ofService: serviceID) }

    /// Tasks of the service the orchestrator wants running (desired ready or running).
    func live(_ serviceID: String) -> [TaskRecord] { tasks(serviceID).filter(\.isDesiredRunning) }

    func running(_ serviceID: String) -> [TaskRecord] { tasks(serviceID).filter { $0.status.state == .running } }

    func task(_ serviceID: String, slot: Int) -> TaskRecord? {
        live(serviceID).first { $0.slot == slot }
    }

    func hostname(_ task: TaskRecord) -> String? { task.nodeID.flatMap { store.node(id: $0)?.hostname } }

    /// `w1:2 w2:1`: running tasks of the service per node.
    func spread(_ serviceID: String) -> String {
        var counts: [String: Int] = [:]
        for t in running(serviceID) { counts[hostname(t) ?? "-", default: 0] += 1 }
        return counts.keys.sorted().map { "\($0):\(counts[$0] ?? 0)" }.joined(separator: " ")
    }
}

@Suite struct OrchestratorHarnessTests {
    @Test func aNewServiceConvergesToRunningReplicasSpreadOverTheNodes() {
        var h = Harness()
        let web = h.create(Harness.spec(replicas: 6))
        h.settle()
        #expect(h.running(web).count == 6)
        #expect(h.spread(web) == "w1:2 w2:2 w3:2")
        #expect(h.running(web).map(\.slot).sorted() == [1, 2, 3, 4, 5, 6])
        #expect(h.running(web).allSatisfy { $0.status.message == "started" })
    }

    @Test func theSameInputsGiveTheSameCommands() {
        func run() -> [StoreCommand] {
            var h = Harness()
            let web = h.create(Harness.spec(replicas: 4))
            h.settle()
            h.fail(h.running(web)[0].id)
            h.setNode("w2", .down)
            h.run(for: .seconds(30))
            return h.log
        }
        #expect(run() == run())
    }

    @Test func anIdleClusterReachesAFixedPoint() {
        var h = Harness()
        let web = h.create(Harness.spec(replicas: 3))
        h.settle()
        let plan = h.orchestrator.reconcile(h.store, now: h.now, ids: &h.ids)
        #expect(plan == Plan())
        #expect(Placement.plan(h.store, now: h.now) == [])
        #expect(h.running(web).count == 3)
    }
}

extension SimTime {
    /// `n` seconds after the start of the run (tests only).
    static func seconds(_ n: Int64) -> SimTime { SimTime(nanoseconds: n * 1_000_000_000) }
}
