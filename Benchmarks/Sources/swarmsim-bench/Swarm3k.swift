import SimCore

// The `swarm3k` workload: the size of the community's swarm3k test (4,700 nodes, 3 managers,
// 100,000 tasks over two global and four replicated services), heartbeats on, one virtual hour.

let swarm3k = Workload(
    name: "swarm3k",
    summary: "4,700 nodes (3 managers), 100,000 tasks over 2 global and 4 replicated services, one virtual hour: virtual s/s, events/s, peak memory",
    run: { Swarm3k.run() }
)

enum Swarm3k {
    /// `SWARM3K_NODES` and `SWARM3K_MINUTES` shrink the run (for a smoke run or callgrind); the
    /// figures reported are for the defaults.
    static let nodes = SwarmScale.setting("SWARM3K_NODES", 4_700)
    static let virtualTime = SimDuration.minutes(Int64(SwarmScale.setting("SWARM3K_MINUTES", 60)))

    static func run() -> [BenchResult] {
        let model = SwarmModel(nodes: nodes)
        let f = model.run(for: virtualTime, label: "swarm3k")
        return [
            BenchResult(name: "swarm3k", value: f.rate, unit: "virtual s/s", details: [
                ("nodes", String(f.nodes)),
                ("tasks running", "\(f.running) of \(model.wanted)"),
                ("virtual time", "\(Int(f.virtualSeconds)) s"),
                ("wall", formatSeconds(f.wall) + " s"),
                ("events", String(f.events)),
                ("events/s", fixed(Double(f.events) / f.wall, decimals: 0)),
                ("setup", formatSeconds(f.setup) + " s"),
                ("wall s per node-hour", formatSignificant(f.costPerNodeHour, digits: 3)),
            ]),
            BenchResult(name: "swarm3k-peak-memory", value: Double(f.peakBytes) / 1_048_576, unit: "MiB"),
        ]
    }
}
