import SimCore

/// The generator's state: what it believes about the swarm from the commands it wrote. Commands
/// can fail at run time (no leader, a refused demotion), so beliefs may be wrong; the liveness
/// phase re-issues what matters and judges the swarm by what it holds (`services converged`).
struct ScenarioGenerator {
    struct HostState {
        var name: String
        var manager: Bool
        var crashed = false
        var left = false
        /// Left at least once: whether a later join worked is not known, so liveness joins again.
        var everLeft = false
        var availability = "active"
        /// Availability changed at least once: liveness sets it back to active.
        var availabilityChanged = false
        /// A manager at some point (a demotion may have failed): a forced new cluster may have
        /// removed it, and with autolock it may restart locked.
        var everManager = false
    }
    struct ServiceState {
        var name: String
        var global: Bool
        var replicas: Int
        var port: Int
        var exists = true
        var createCommand: String
        /// `--update-parallelism` and `--update-delay` in seconds (docker's defaults: 1, 0).
        var parallelism = 1
        var delaySeconds = 0
        /// `--health-interval` in seconds, 0 without a health check: a new task stays starting
        /// until its first check passes, one interval after it starts.
        var healthSeconds = 0
        /// Ever updated to an image whose containers exit or fall sick: liveness puts nginx
        /// back (a later update to nginx may have failed, or been rolled back).
        var flaky = false
    }

    var random: SeededRandom
    let seed: UInt64
    let config: Config
    var hosts: [HostState] = []
    var services: [ServiceState] = []
    var lines: [String] = []
    var linked: [(String, String)] = []
    var networkChanged = false
    var nextService = 1
    /// The liveness phase starts with a `--force-new-cluster` recovery on m1.
    var forceRecovery = false
    /// The liveness phase demotes the leader, then promotes m1..m3 back.
    var demoteLeader = false
    /// Secrets, configs and autolock (ScenarioGenerator+Payloads.swift).
    var payloadRandom: SeededRandom
    var autolock = false
    var nextPayload = 0

    typealias Config = FuzzScenario.Config

    init(seed: UInt64, config: Config) {
        self.seed = seed
        self.config = config
        random = SeededRandom(seed: seed).child("fuzz")
        payloadRandom = SeededRandom(seed: seed).child("fuzz payloads")
    }

    mutating func generate() -> String {
        let managers = random.int(in: config.managers)
        let workers = random.int(in: config.workers)
        let latency = random.element(of: ["1ms..5ms", "2ms", "exponential min=1ms mean=10ms", "5ms..50ms"]) ?? "1ms..5ms"
        lines.append("# swarmsim fuzz, seed \(seed): \(managers) manager\(managers == 1 ? "" : "s"), \(workers) worker\(workers == 1 ? "" : "s"), \(config.duration) of faults and workload, then liveness")
        lines.append("seed \(seed)")
        lines.append("network latency \(latency)")
        lines.append("hosts " + (managers == 1 ? "m1" : "m1..m\(managers)") + (workers == 0 ? "" : workers == 1 ? " w1" : " w1..w\(workers)"))
        for i in 1...managers { hosts.append(HostState(name: "m\(i)", manager: true, everManager: true)) }
        for i in 0..<workers { hosts.append(HostState(name: "w\(i + 1)", manager: false)) }
        forceRecovery = managers >= 2 && random.chance(0.3)
        demoteLeader = managers >= 2 && random.chance(0.3)
        lines.append(initLine())
        for h in hosts.dropFirst() {
            lines.append("\(h.name)$ docker swarm join --token $\(h.manager ? "MANAGER" : "WORKER")_TOKEN m1:2377")
        }
        declareImages()
        lines.append("")
        lines.append("# Faults and workload")
        var elapsed = SimDuration.zero
        while elapsed < config.duration {
            let wait = SimDuration.milliseconds(Int64(random.int(in: 200...15_000)))
            elapsed += wait
            lines.append("wait \(wait.milliseconds)ms")
            if random.chance(0.5) { fault() } else { workload() }
            payloadStep()
        }
        liveness()
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: Faults

    mutating func fault() {
        let names = hosts.map(\.name)
        switch random.int(in: 0..<9) {
        case 0, 1:
            let up = hosts.indices.filter { !hosts[$0].crashed }
            guard let i = random.element(of: up) else { return }
            hosts[i].crashed = true
            lines.append("crash \(hosts[i].name)")
        case 2:
            let down = hosts.indices.filter { hosts[$0].crashed }
            guard let i = random.element(of: down) else { return fault() }
            hosts[i].crashed = false
            lines.append("restart \(hosts[i].name)")
            afterRestart(i)
        case 3:
            guard names.count >= 2 else { return }
            var shuffled = names
            random.shuffle(&shuffled)
            let groups = min(names.count, random.int(in: 2...3))
            var parts = Array(repeating: [String](), count: groups)
            for (k, n) in shuffled.enumerated() { parts[k < groups ? k : random.int(in: 0..<groups)].append(n) }
            lines.append("partition " + parts.map { $0.joined(separator: " ") }.joined(separator: " | "))
        case 4:
            guard let n = random.element(of: names) else { return }
            lines.append("isolate \(n)")
        case 5:
            guard names.count >= 2, let (a, b) = pair(names) else { return }
            lines.append("cut \(a) -> \(b)")
        case 6:
            lines.append("heal")
        case 7:
            guard names.count >= 2, let (a, b) = pair(names) else { return }
            let what: String
            switch random.int(in: 0..<3) {
            case 0: what = "loss=\(random.int(in: 5...60))%"
            case 1: what = "duplication=\(random.int(in: 5...50))%"
            default: what = "latency=\(random.int(in: 100...500))ms..\(random.int(in: 600...3000))ms"
            }
            linked.append((a, b))
            lines.append("link \(a) \(b) \(what)")
        default:
            networkChanged = true
            if random.chance(0.5) {
                lines.append("network loss \(random.int(in: 0...5))%")
            } else {
                lines.append("network duplication \(random.int(in: 0...5))%")
            }
        }
    }

    mutating func pair(_ names: [String]) -> (String, String)? {
        guard var a = random.element(of: names), var b = random.element(of: names) else { return nil }
        if a == b { b = names[((names.firstIndex(of: a) ?? 0) + 1) % names.count] }
        if a > b && random.chance(0.5) { swap(&a, &b) }
        return (a, b)
    }

    // MARK: Workload

    /// A manager to type commands on: one the generator believes up, else m1.
    mutating func console() -> String {
        let up = hosts.filter { $0.manager && !$0.crashed && !$0.left }.map(\.name)
        return random.element(of: up) ?? "m1"
    }

    mutating func workload() {
        let live = services.indices.filter { services[$0].exists }
        switch random.int(in: 0..<12) {
        case 10: failContainer(live)
        case 11: breakImage(live)
        case 0, 1:
            guard live.count < config.maxServices else { return scale(live) }
            createService()
        case 2: scale(live)
        case 3:
            guard let i = random.element(of: live) else { return createService() }
            let change = random.chance(0.5) ? "--image nginx:1.\(random.int(in: 20...29))" : "--force"
            lines.append("\(console())$ docker service update \(change) \(services[i].name)")
        case 4:
            guard let i = random.element(of: live) else { return createService() }
            services[i].exists = false
            lines.append("\(console())$ docker service rm \(services[i].name)")
        case 5:
            guard let i = random.element(of: hosts.indices.filter({ !hosts[$0].left })) else { return }
            let availability = random.element(of: ["drain", "pause", "active", "active"]) ?? "active"
            hosts[i].availability = availability
            hosts[i].availabilityChanged = true
            lines.append("\(console())$ docker node update --availability \(availability) \(hosts[i].name)")
        case 6:
            // A promoted node joins Raft at its next heartbeat; if it crashes first, it counts
            // towards quorum without voting, and a swarm with fewer than three other managers
            // loses quorum for good (real Swarm too: it takes --force-new-cluster). The
            // generator promotes only with three managers or more, and never demotes m1..m3.
            let workers = hosts.indices.filter { !hosts[$0].manager && !hosts[$0].left }
            let managers = hosts.filter(\.manager).count
            guard managers >= 3, managers < 9, let i = random.element(of: workers) else { return }
            hosts[i].manager = true
            hosts[i].everManager = true
            lines.append("\(console())$ docker node promote \(hosts[i].name)")
        case 7:
            // m1 stays a manager: the liveness phase types its commands there; m2 and m3 stay
            // too, so that a promoted node that never joins cannot cost the quorum.
            let managers = hosts.indices.filter { hosts[$0].manager && !["m1", "m2", "m3"].contains(hosts[$0].name) && !hosts[$0].left }
            guard let i = random.element(of: managers) else { return }
            hosts[i].manager = false
            lines.append("\(console())$ docker node demote \(hosts[i].name)")
        case 8:
            let workers = hosts.indices.filter { !hosts[$0].manager && !hosts[$0].left }
            guard let i = random.element(of: workers) else { return }
            hosts[i].left = true
            hosts[i].everLeft = true
            lines.append("\(hosts[i].name)$ docker swarm leave")
        default:
            // `$WORKER_TOKEN` needs a running manager's store: m1 is always a manager.
            let gone = hosts.indices.filter { hosts[$0].left }
            guard !hosts[0].crashed, let i = random.element(of: gone) else { return scale(live) }
            hosts[i].left = false
            lines.append("\(hosts[i].name)$ docker swarm join --token $WORKER_TOKEN m1:2377")
        }
    }

    mutating func createService() {
        let name = "s\(nextService)"
        let port = 8000 + nextService
        nextService += 1
        let global = random.chance(0.25)
        let replicas = random.int(in: 1...6)
        var words = ["docker service create --name \(name)"]
        words.append(global ? "--mode global" : "--replicas \(replicas)")
        if random.chance(0.3) { words.append("--update-order start-first") }
        var state = ServiceState(name: name, global: global, replicas: replicas, port: port, createCommand: "")
        if random.chance(0.3) {
            state.parallelism = random.int(in: 1...3)
            words.append("--update-parallelism \(state.parallelism)")
        }
        if random.chance(0.3) {
            state.delaySeconds = random.int(in: 1...5)
            words.append("--update-delay \(state.delaySeconds)s")
        }
        if random.chance(0.2) {
            state.healthSeconds = random.int(in: 1...5)
            words.append("--health-cmd true --health-interval \(state.healthSeconds)s")
        }
        words.append("-p \(port):80 nginx")
        state.createCommand = words.joined(separator: " ")
        services.append(state)
        lines.append("\(console())$ \(state.createCommand)")
    }

    /// How long the liveness phase gives the services: the configured bound, or more when a
    /// rolling update still in flight can take longer. An update replaces `parallelism` slots
    /// at a time, each batch taking the update delay, the first health check's interval and a
    /// few seconds to pull, start and report (a global service has a slot per node; a
    /// replicated one at most 8).
    func convergeBound() -> SimDuration {
        var updates: SimDuration = .zero
        for s in services where s.exists {
            let slots = s.global ? hosts.count : 8
            let batches = (slots + s.parallelism - 1) / s.parallelism
            updates = updates + .seconds(Int64(batches * (s.delaySeconds + s.healthSeconds + 3)))
        }
        return max(config.convergeWithin, .minutes(1) + updates)
    }

    mutating func scale(_ live: [Int]) {
        let replicated = live.filter { !services[$0].global }
        guard let i = random.element(of: replicated) else { return }
        services[i].replicas = random.int(in: 1...8)
        lines.append("\(console())$ docker service scale \(services[i].name)=\(services[i].replicas)")
    }

    // MARK: Liveness

    /// Faults stop; the swarm must elect a leader, converge, and answer through the mesh from
    /// every node within bounded virtual time.
    mutating func liveness() {
        lines.append("")
        lines.append("# Liveness: faults stop, and the swarm must converge")
        lines.append("heal")
        for (a, b) in linked.sorted(by: { ($0.0, $0.1) < ($1.0, $1.1) }) where !lines.contains("link \(a) \(b) reset") {
            lines.append("link \(a) \(b) reset")
        }
        if networkChanged {
            lines.append("network loss 0%")
            lines.append("network duplication 0%")
        }
        // A locked manager must be unlocked before it can force a new cluster; the two are not
        // combined in one seed yet.
        if forceRecovery && !autolock { recoverByForce() }
        let crashed = hosts.filter(\.crashed).map(\.name)
        if !crashed.isEmpty { lines.append("restart " + crashed.joined(separator: " ")) }
        unlockManagers()
        lines.append("expect leader within \(config.leaderWithin)")
        // Restarted nodes report their lost tasks at their next heartbeat: let the store catch
        // up with the hosts (a grace period of three 5 s heartbeats, twice) before judging it.
        lines.append("wait 30s")
        // Without PreVote a host back from isolation, with a higher term, deposes the leader,
        // and elections can take a while: commands go once a leader is there, and go twice,
        // so that one election in between does not fail the run. Repeating them is harmless
        // (an existing service, a node already in the swarm: errors, no change). While managers
        // of stale logs hold the highest terms, each leader elected is deposed at its first
        // append, milliseconds later, until the terms even out (seed 6561: 71 s): an operator
        // waits for a leader that has led for a few heartbeats, as one refused would retry.
        var commands: [String] = []
        for h in hosts where h.everLeft {
            commands.append("\(h.name)$ docker swarm join --token $WORKER_TOKEN m1:2377")
        }
        for h in hosts where h.availabilityChanged {
            commands.append("m1$ docker node update --availability active \(h.name)")
        }
        for s in services {
            commands.append("m1$ " + (s.exists ? s.createCommand : "docker service rm \(s.name)"))
            if s.exists && s.flaky { commands.append("m1$ docker service update -d --image nginx \(s.name)") }
        }
        if !commands.isEmpty {
            for _ in 0..<2 {
                lines.append("expect leader for 3s within \(config.leaderWithin)")
                // A manager that went long without a leader refuses at once until it hears
                // from the new one (swarmkit lostQuorumTimeout): give the heartbeat time.
                lines.append("wait 3s")
                lines += commands
            }
        }
        if demoteLeader { demoteTheLeader() }
        lines.append("expect services converged within \(convergeBound())")
        let published = services.filter(\.exists)
        guard !published.isEmpty else { return }
        lines.append("wait 5s")
        for s in published {
            for h in hosts {
                lines.append("curl \(h.name):\(s.port) x 2")
                lines.append("expect curl no-failures")
            }
        }
    }
}
