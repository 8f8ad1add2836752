#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// CPU time, beside the wall clock of Measure.swift: on a shared machine a process's wall time
// depends on how much of a core it got, its CPU time much less. A peer reports its own, so the
// two can be compared when the wall-clock ratio is blurred by load.

/// User and system seconds this process has used so far (every thread).
func cpuSeconds() -> Double {
    var usage = rusage()
    #if canImport(Glibc)
    let who = __rusage_who_t(RUSAGE_SELF.rawValue)
    #else
    let who = RUSAGE_SELF
    #endif
    guard getrusage(who, &usage) == 0 else { return 0 }
    let user = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) * 1e-6
    let system = Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) * 1e-6
    return user + system
}

/// Runs `body` `repeats` times like `bestOf`, and also returns each run's CPU seconds.
func bestOfWithCPU(_ repeats: Int, _ body: () -> Void) -> (best: Double, all: [Double], cpu: [Double]) {
    var cpu: [Double] = []
    let timing = bestOf(repeats) {
        let before = cpuSeconds()
        body()
        cpu.append(cpuSeconds() - before)
    }
    return (timing.best, timing.all, cpu)
}

extension BenchResult {
    /// Adds our CPU seconds per run and, when the peer reported its own (`<peer> cpu_s`), the
    /// ratio of the fastest runs by CPU time: the peer's CPU seconds over ours, for the same work.
    mutating func addCPU(_ cpu: [Double]) {
        details.append(("cpu (s)", cpu.map(formatSeconds).joined(separator: " ")))
        guard let name = peer, let ours = cpu.min(), ours > 0,
              let theirs = details.first(where: { $0.0 == name + " cpu_s" })?.1
                  .split(separator: " ").compactMap({ Double($0) }).min()
        else { return }
        details.append(("ratio by CPU time", formatSignificant(theirs / ours, digits: 3) + "×"))
    }
}
