import SimCore
import Orchestration
import Cluster

#if canImport(Glibc)
import Glibc
#endif

// The `swarm-scale` workload: a whole swarm of 1,000 nodes (3 managers, 997 workers) running
// 30,000 tasks, with heartbeats, Raft and the dispatcher all on, for one virtual hour.

let swarmScale = Workload(
    name: "swarm-scale",
    summary: "1,000 nodes (3 managers), 30,000 tasks, heartbeats on, one virtual hour: virtual seconds per wall second, peak memory",
    run: { SwarmScale.run() }
)

enum SwarmScale {
    static let managers = 3
    /// `SWARM_SCALE_WORKERS`, `SWARM_SCALE_REPLICAS` and `SWARM_SCALE_MINUTES` shrink the run for
    /// profiling; the figures reported are for the defaults.
    static let workers = setting("SWARM_SCALE_WORKERS", 997)
    static let services = 30
    static let replicas = setting("SWARM_SCALE_REPLICAS", 1_000)
    static let virtualTime = SimDuration.minutes(Int64(setting("SWARM_SCALE_MINUTES", 60)))

    static func setting(_ name: String, _ fallback: Int) -> Int {
        #if canImport(Glibc)
        if let v = getenv(name), let n = Int(String(cString: v)) { return n }
        #endif
        return fallback
    }

    static func run() -> [BenchResult] {
        var options = SwarmOptions()
        options.seed = 1
        let swarm = Swarm(options: options)
        var hosts: [HostID] = []
        for i in 0..<(managers + workers) {
            let name = i < managers ? "m\(i + 1)" : "w\(i - managers + 1)"
            hosts.append(swarm.addHost(name: name, address: "10.\(i / 65536).\(i / 256 % 256).\(i % 256 + 1)",
                                       nanoCPUs: 4_000_000_000, memoryBytes: 8 << 30))
        }
        func call(_ request: EngineRequest, on host: HostID) -> EngineResult? {
            let op = swarm.submit(request, on: host)
            swarm.run(until: { $0.result(of: op) != nil }, deadline: swarm.now + .seconds(120))
            return swarm.result(of: op)
        }
        let setup = seconds {
            _ = call(.swarmInit(advertiseAddress: nil, dispatcherHeartbeat: nil, taskHistoryLimit: nil), on: hosts[0])
            for (i, h) in hosts.enumerated().dropFirst() {
                let role: NodeRole = i < managers ? .manager : .worker
                _ = call(.swarmJoin(token: swarm.allSeeing.joinToken(role) ?? "", remoteAddress: swarm.address(of: hosts[0]), advertiseAddress: nil), on: h)
                if i % 100 == 0 { progress("swarm-scale: \(i) nodes joined") }
            }
            for s in 0..<services {
                let spec = ServiceSpec(name: "svc\(s)", mode: .replicated(replicas), task: TaskTemplate(image: "nginx:latest"))
                _ = call(.serviceCreate(spec), on: hosts[0])
            }
            // Check once a virtual second: counting 30,000 tasks after every event would be the
            // benchmark's hot loop.
            let deadline = swarm.now + .minutes(30)
            while swarm.now < deadline, runningTasks(swarm) < services * replicas {
                swarm.run(until: swarm.now + .seconds(1))
            }
        }
        let running = runningTasks(swarm)
        progress("swarm-scale: \(running) tasks running after setup; running one virtual hour")
        let start = swarm.now
        let events0 = swarm.eventsHandled
        let wall = seconds { swarm.run(until: start + virtualTime) }
        let events = swarm.eventsHandled - events0
        let rate = virtualTime.seconds / wall
        let peak = peakResidentBytes()
        return [
            BenchResult(name: "swarm-scale", value: rate, unit: "virtual s/s", details: [
                ("wall", formatSeconds(wall) + " s"),
                ("events", String(events)),
                ("events/s", fixed(Double(events) / wall, decimals: 0)),
                ("setup", formatSeconds(setup) + " s"),
                ("tasks running", String(running)),
            ]),
            BenchResult(name: "swarm-scale-peak-memory", value: Double(peak) / 1_048_576, unit: "MiB"),
        ]
    }

    static func runningTasks(_ swarm: Swarm) -> Int {
        swarm.allSeeing.freshestStore?.tasks.reduce(0) { $0 + ($1.status.state == .running ? 1 : 0) } ?? 0
    }

    /// The process's peak resident set (VmHWM), from /proc; 0 where there is none.
    static func peakResidentBytes() -> Int {
        #if canImport(Glibc)
        guard let f = fopen("/proc/self/status", "r") else { return 0 }
        defer { fclose(f) }
        var line = [CChar](repeating: 0, count: 256)
        while fgets(&line, 256, f) != nil {
            let text = String(decoding: line.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if text.hasPrefix("VmHWM:") {
                let digits = text.filter(\.isNumber)
                return (Int(digits) ?? 0) * 1024
            }
        }
        #endif
        return 0
    }
}
