import SimCore
import Orchestration
import Cluster

// The swarm3k model, at any size: `nodes` hosts (3 managers), about 21.3 tasks per node (100,000
// at 4,700 nodes, swarm3k's size) over a handful of services — two global services (a task on
// every node, managers included) and four replicated ones sharing the rest — with heartbeats,
// Raft and the dispatcher all on. `swarm3k` runs it at 4,700 nodes for one virtual hour; the
// `scaling` line runs it at several sizes for the same virtual time each.

struct SwarmModel {
    static let managers = 3
    static let globalServices = 2
    static let replicatedServices = 4
    /// swarm3k's tasks per node: 100,000 tasks on 4,700 nodes.
    static let tasksPerNode = 100_000.0 / 4_700.0

    let nodes: Int
    /// Tasks over all services: `nodes × tasksPerNode`, rounded (100,000 at 4,700 nodes).
    var tasks: Int { Int((Double(nodes) * Self.tasksPerNode).rounded()) }
    /// Replicas of each replicated service: what the global services leave, shared evenly.
    var replicasPerService: Int { max(0, tasks - Self.globalServices * nodes) / Self.replicatedServices }
    /// Tasks the services ask for (the global ones on every node).
    var wanted: Int { Self.globalServices * nodes + Self.replicatedServices * replicasPerService }

    /// What one run measured.
    struct Figures {
        var nodes: Int
        var running: Int
        var setup: Double
        var wall: Double
        var events: UInt64
        var virtualSeconds: Double
        var peakBytes: Int
        /// Virtual seconds per wall second.
        var rate: Double { virtualSeconds / wall }
        /// Wall seconds per node per virtual hour.
        var costPerNodeHour: Double { wall / Double(nodes) / (virtualSeconds / 3600) }
    }

    /// Virtual time run after the set-up and before any timed window: the steady state starts
    /// once each agent has moved from the manager it joined through to the one its first answer
    /// names (a new session, with its whole assignment set and mesh), a one-off cost per node
    /// that a short window would otherwise count as running cost.
    static let warmUp = SimDuration.minutes(2)

    /// A swarm built and warmed up, ready for timed windows.
    final class Prepared {
        let swarm: Swarm
        let running: Int
        let setup: Double
        /// The fastest window so far: wall seconds and events.
        var best: (wall: Double, events: UInt64)?

        init(swarm: Swarm, running: Int, setup: Double) {
            self.swarm = swarm; self.running = running; self.setup = setup
        }

        /// Runs the swarm for `virtualTime`, timed; keeps the window if it is the fastest.
        func window(_ virtualTime: SimDuration) {
            let start = swarm.now, events0 = swarm.eventsHandled
            let wall = seconds { swarm.run(until: start + virtualTime) }
            if best.map({ wall < $0.wall }) ?? true { best = (wall, swarm.eventsHandled - events0) }
        }
    }

    /// Builds the swarm (joins every node, creates the services, waits until the tasks run or
    /// 30 virtual minutes pass) and runs it `warmUp` untimed. `label` prefixes progress lines.
    func prepare(label: String) -> Prepared {
        var options = SwarmOptions()
        options.seed = 1
        let swarm = Swarm(options: options)
        var hosts: [HostID] = []
        let setup = seconds {
            hosts = addHosts(to: swarm)
            join(hosts, swarm: swarm, label: label)
            createServices(swarm: swarm, on: hosts[0])
            let deadline = swarm.now + .minutes(30)
            // Counted once a virtual second: after every event it would be the hot loop.
            while swarm.now < deadline, Self.runningTasks(swarm) < wanted {
                swarm.run(until: swarm.now + .seconds(1))
            }
        }
        let running = Self.runningTasks(swarm)
        progress("\(label): \(running) of \(wanted) tasks running after setup (\(formatSeconds(setup)) s)")
        swarm.run(until: swarm.now + Self.warmUp)
        return Prepared(swarm: swarm, running: running, setup: setup)
    }

    /// The figures of `prepared`'s fastest window, each window `virtualTime` long.
    func figures(of prepared: Prepared, virtualTime: SimDuration) -> Figures {
        Figures(nodes: nodes, running: prepared.running, setup: prepared.setup, wall: prepared.best?.wall ?? 0,
                events: prepared.best?.events ?? 0, virtualSeconds: virtualTime.seconds,
                peakBytes: SwarmScale.peakResidentBytes())
    }

    /// Builds and warms up the swarm (`prepare`), then runs it `windows` times for
    /// `virtualTime`, one after the other, and reports the fastest window.
    func run(for virtualTime: SimDuration, windows: Int = 1, label: String) -> Figures {
        let prepared = prepare(label: label)
        progress("\(label): running \(virtualTime.seconds) virtual s")
        for _ in 0..<max(windows, 1) { prepared.window(virtualTime) }
        return figures(of: prepared, virtualTime: virtualTime)
    }

    private func addHosts(to swarm: Swarm) -> [HostID] {
        (0..<nodes).map { i in
            let name = i < Self.managers ? "m\(i + 1)" : "w\(i - Self.managers + 1)"
            return swarm.addHost(name: name, address: "10.\(i / 65536).\(i / 256 % 256).\(i % 256 + 1)",
                                 nanoCPUs: 4_000_000_000, memoryBytes: 8 << 30)
        }
    }

    private static func call(_ request: EngineRequest, on host: HostID, swarm: Swarm) {
        let op = swarm.submit(request, on: host)
        swarm.run(until: { $0.result(of: op) != nil }, deadline: swarm.now + .seconds(120))
    }

    private func join(_ hosts: [HostID], swarm: Swarm, label: String) {
        Self.call(.swarmInit(advertiseAddress: nil, dispatcherHeartbeat: nil, taskHistoryLimit: nil), on: hosts[0], swarm: swarm)
        for (i, h) in hosts.enumerated().dropFirst() {
            let role: NodeRole = i < Self.managers ? .manager : .worker
            let token = swarm.allSeeing.joinToken(role) ?? ""
            Self.call(.swarmJoin(token: token, remoteAddress: swarm.address(of: hosts[0]), advertiseAddress: nil), on: h, swarm: swarm)
            if i % 1000 == 0 { progress("\(label): \(i) nodes joined") }
        }
    }

    private func createServices(swarm: Swarm, on host: HostID) {
        for g in 0..<Self.globalServices {
            let spec = ServiceSpec(name: "global\(g)", mode: .global, task: TaskTemplate(image: "agent:latest"))
            Self.call(.serviceCreate(spec), on: host, swarm: swarm)
        }
        for s in 0..<Self.replicatedServices {
            let spec = ServiceSpec(name: "web\(s)", mode: .replicated(replicasPerService), task: TaskTemplate(image: "nginx:latest"))
            Self.call(.serviceCreate(spec), on: host, swarm: swarm)
        }
    }

    /// Running tasks in the freshest store, counted without listing them.
    static func runningTasks(_ swarm: Swarm) -> Int {
        swarm.allSeeing.freshestStore?.countTasks { $0.status.state == .running } ?? 0
    }
}
