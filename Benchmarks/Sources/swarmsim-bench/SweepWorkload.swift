import DockerClient
import Experiments

// The `sweep` workload: how well a sweep uses the cores. The same seeds of the election-timing
// scenario are swept with 1 job and with 2, alternately, three times each; the figure is the
// ratio of the best 2-job throughput to the best 1-job throughput (2.0 would be perfect
// scaling on two cores). Parsing the scenario is not timed.

let sweep = Workload(
    name: "sweep",
    summary: "sweep throughput (runs/s) of Scenarios/experiments/election-timing.swarm, 300 seeds, with 1 job and 2 jobs; figure = 2-job / 1-job"
) {
    SweepWorkload.run()
}

enum SweepWorkload {
    static let seeds = SeedRange(first: 1, last: 300)
    static let repeats = 3
    /// The scenario, found from this file's place in the repository.
    static let path = String(#filePath.prefix(upTo: #filePath.range(of: "/Benchmarks/")?.lowerBound ?? #filePath.startIndex))
        + "/Scenarios/experiments/election-timing.swarm"

    static func run() -> [BenchResult] {
        guard let bytes = readFile(path) else {
            notice("swarmsim-bench sweep: cannot read \(path)")
            return []
        }
        let parsed = ScenarioParser.parse(bytes: bytes, file: "Scenarios/experiments/election-timing.swarm")
        guard !parsed.hasErrors else {
            notice("swarmsim-bench sweep: " + parsed.renderedDiagnostics)
            return []
        }
        let plan = SweepPlan(script: parsed.script, bytes: bytes)
        var one: [Double] = [], two: [Double] = []
        var cpu1: [Double] = [], cpu2: [Double] = []
        var reports: [String] = []
        for _ in 0..<repeats {
            for jobs in [1, 2] {
                var report = ""
                let cpuBefore = processCPUSeconds()
                let t = seconds { report = Sweep.run(parsed.script, plan: plan, seeds: seeds, jobs: jobs).report }
                let cpu = processCPUSeconds() - cpuBefore
                if jobs == 1 { one.append(t); cpu1.append(cpu) } else { two.append(t); cpu2.append(cpu) }
                reports.append(report)
            }
        }
        let runs = Double(seeds.count)
        let best1 = runs / (one.min() ?? .infinity), best2 = runs / (two.min() ?? .infinity)
        let identical = reports.allSatisfy { $0 == reports[0] }
        // CPU seconds per run with 2 jobs over 1 job: above 1 means the workers slow each other
        // down (contention); the wall-clock ratio also depends on the cores the machine gives.
        let cpuPerRun1 = (cpu1.min() ?? 0) / runs, cpuPerRun2 = (cpu2.min() ?? 0) / runs
        return [BenchResult(
            name: "sweep", value: best2 / best1, unit: "x (2 jobs / 1 job)",
            details: [
                ("1 job (runs/s)", formatSignificant(best1, digits: 4)),
                ("2 jobs (runs/s)", formatSignificant(best2, digits: 4)),
                ("CPU ms per run, 1 job / 2 jobs", formatSignificant(cpuPerRun1 * 1000, digits: 3) + " / " + formatSignificant(cpuPerRun2 * 1000, digits: 3)),
                ("seeds", "\(seeds) of election-timing.swarm"),
                ("reports identical", identical ? "yes" : "NO"),
                ("1 job runs (s)", one.map(formatSeconds).joined(separator: " ")),
                ("2 jobs runs (s)", two.map(formatSeconds).joined(separator: " ")),
            ])]
    }

    /// CPU time used by this process so far, all threads (user and system).
    static func processCPUSeconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
    }

    static func readFile(_ path: String) -> [UInt8]? {
        guard let f = fopen(path, "rb") else { return nil }
        defer { fclose(f) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = fread(&buffer, 1, buffer.count, f)
            if n <= 0 { break }
            bytes += buffer[0..<n]
        }
        return bytes
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
