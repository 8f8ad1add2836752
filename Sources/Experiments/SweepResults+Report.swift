import SimCore
import DockerClient

/// The sweep report people read: how many runs passed, each expectation's tally with the first
/// failing seeds and how to rerun one, errors and safety violations, then each measure's
/// percentiles and histogram. A pure function of the results, in seed order.
extension SweepResults {
    /// How many seeds a list shows before "and N more".
    static let seedsShown = 10

    public var report: String {
        var s = "sweep \(plan.scenario): seeds \(seeds), "
        if shards.count > 1 {
            s += "shard\(shards.included.count == 1 ? "" : "s") \(shards.included.map(String.init).joined(separator: ",")) of \(shards.count): "
        }
        s += "\(runs.count) run\(runs.count == 1 ? "" : "s")\n"
        if let setting = plan.setting { s += "  with \(setting)\n" }
        s += "  \(passed) passed, \(failed) failed, \(errors) error\(errors == 1 ? "" : "s")\n"
        if !plan.expectations.isEmpty { s += "\n" + expectationsSection }
        let erred = runs.filter { $0.stop?.kind == .error }
        if !erred.isEmpty {
            s += "\nerrors (exit 2): \(erred.count) run\(erred.count == 1 ? "" : "s"): seeds \(Self.list(erred.map(\.seed)))\n"
            if let e = erred.first, let stop = e.stop { s += "  first: seed \(e.seed): \(stop.message)\n" }
        }
        let unsafe = runs.filter { !$0.violations.isEmpty }
        if !unsafe.isEmpty {
            s += "\nsafety violations (a simulator bug): \(unsafe.count) run\(unsafe.count == 1 ? "" : "s"): seeds \(Self.list(unsafe.map(\.seed)))\n"
            if let u = unsafe.first { s += "  first: seed \(u.seed): \(u.violations[0])\n" }
        }
        if !plan.measures.isEmpty { s += "\n" + measuresSection }
        return s
    }

    var expectationsSection: String {
        var t = TabWriter(minWidth: 0, padding: 2)
        var details: [Int: String] = [:]
        for (i, e) in plan.expectations.enumerated() {
            let tally = self.tally(e)
            var cells = ["  line \(e.line)", e.text, "\(tally.passed.count) passed"]
            if !tally.failed.isEmpty || !tally.notReached.isEmpty {
                cells.append("\(tally.failed.count) failed")
                cells.append("\(tally.notReached.count) not reached")
            }
            t.row(cells)
            if let firstSeed = tally.failed.first, let run = runs.first(where: { $0.seed == firstSeed }), let stop = run.stop {
                details[i] = "      failed: seeds \(Self.list(tally.failed))\n"
                    + "      first:  seed \(firstSeed) \(stop.message)\n"
                    + "      rerun:  swarmsim run \(plan.scenario) --seed \(firstSeed)\n"
            }
        }
        // One row per expectation, each followed by its failing seeds.
        let lines = t.text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        var out = "expectations (runs that passed each, of \(runs.count)):\n"
        for (i, line) in lines.enumerated() { out += line + "\n" + (details[i] ?? "") }
        return out
    }

    var measuresSection: String {
        var out = "measures (time until the condition held, in seconds):\n"
        for (i, m) in plan.measures.enumerated() {
            var values: [SimDuration] = []
            var timedOut: [UInt64] = [], notReached = 0
            for r in runs {
                switch r.measures.indices.contains(i) ? r.measures[i] : .notReached {
                case .value(let d): values.append(d)
                case .timedOut: timedOut.append(r.seed)
                case .notReached: notReached += 1
                }
            }
            out += "  \(m.text) (line \(m.line)): \(values.count) value\(values.count == 1 ? "" : "s")"
            out += ", \(timedOut.count) timed out" + (notReached > 0 ? ", \(notReached) not reached" : "") + "\n"
            if !timedOut.isEmpty { out += "    timed out: seeds \(Self.list(timedOut))\n" }
            let d = Distribution(values)
            guard let mean = d.meanSeconds else { continue }
            let cells: [(String, SimDuration?)] = [("min", d.min), ("p50", d.percentile(0.5)), ("p90", d.percentile(0.9)),
                                                   ("p99", d.percentile(0.99)), ("max", d.max)]
            out += "    " + cells.map { "\($0.0) \($0.1.map { $0.decimalSeconds(digits: 3) } ?? "-")" }.joined(separator: "  ")
                + "  mean \(NumberFormat.fixed(mean, 3))\n"
            out += d.histogram(indent: "    ")
        }
        return out
    }

    /// `17, 503, 911` — the first few, then "and N more".
    static func list(_ seeds: [UInt64]) -> String {
        var text = seeds.prefix(seedsShown).map(String.init).joined(separator: ", ")
        if seeds.count > seedsShown { text += " and \(seeds.count - seedsShown) more" }
        return text
    }
}
