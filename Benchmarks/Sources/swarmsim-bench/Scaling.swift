import SimCore

#if canImport(Glibc)
import Glibc
#endif

// The `scaling` line: the swarm3k model (`SwarmModel`: 3 managers, ~21.3 tasks per node, two
// global and four replicated services) at 1,000, 2,000, 4,700 and 10,000 nodes, each for the same
// virtual time, printing the cost per node-hour (wall seconds per node per virtual hour). A swarm
// whose per-event work does not grow with its size keeps this figure flat. Every size is built
// and warmed up first; then three rounds each run one window at every size in turn, and each
// size's fastest window counts: at 1,000 nodes a window is a third of a wall second, one window
// alone moves with the machine, and the machine's speed drifts over the line's minutes.

let scaling = Workload(
    name: "scaling",
    summary: "the swarm3k model at 1,000, 2,000, 4,700 and 10,000 nodes, 10 virtual minutes each: wall seconds per node per virtual hour",
    run: { Scaling.run() }
)

enum Scaling {
    /// `SCALING_NODES=1000,2000` and `SCALING_MINUTES=2` shorten the line for a smoke run.
    static let sizes: [Int] = {
        #if canImport(Glibc)
        if let v = getenv("SCALING_NODES") {
            let parsed = String(cString: v).split(separator: ",").compactMap { Int($0) }.filter { $0 > 3 }
            if !parsed.isEmpty { return parsed }
        }
        #endif
        return [1_000, 2_000, 4_700, 10_000]
    }()
    static let virtualTime = SimDuration.minutes(Int64(SwarmScale.setting("SCALING_MINUTES", 10)))

    static func run() -> [BenchResult] {
        // Every size is built first, then the windows go round the sizes in turn (three
        // rounds): a machine whose speed drifts over the minutes of the line then slows every
        // size alike, where one size after another would give each its own moment.
        let models = sizes.map { SwarmModel(nodes: $0) }
        let prepared = models.map { $0.prepare(label: "scaling-\($0.nodes)") }
        for round in 1...3 {
            progress("scaling: round \(round) of 3, \(virtualTime.seconds) virtual s at each size")
            for p in prepared { p.window(virtualTime) }
        }
        var results: [BenchResult] = []
        var first: Double?
        for (model, p) in zip(models, prepared) {
            let f = model.figures(of: p, virtualTime: virtualTime)
            let cost = f.costPerNodeHour
            first = first ?? cost
            results.append(BenchResult(name: "scaling-\(model.nodes)", value: cost, unit: "wall s per node-hour", details: [
                ("tasks running", "\(f.running) of \(model.wanted)"),
                ("virtual time", "\(Int(f.virtualSeconds)) s"),
                ("wall", formatSeconds(f.wall) + " s"),
                ("virtual s/s", formatSignificant(f.rate, digits: 3)),
                ("events/s", fixed(Double(f.events) / f.wall, decimals: 0)),
                ("setup", formatSeconds(f.setup) + " s"),
                ("peak memory of the line (MiB)", fixed(Double(f.peakBytes) / 1_048_576, decimals: 0)),
                ("cost / cost at \(sizes[0]) nodes", formatSignificant(cost / (first ?? cost), digits: 3)),
            ]))
        }
        return results
    }
}
