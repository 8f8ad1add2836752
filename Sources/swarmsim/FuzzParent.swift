import Foundation
import SimCore
import Fuzzer

/// The parent of `swarmsim fuzz`: splits the seeds among `jobs` child processes (this executable
/// in worker mode), restarts a child after the seed that crashed it, and sums up.
struct FuzzParent {
    let seeds: ClosedRange<UInt64>
    let jobs: Int
    let forwarded: [String]
    let out: String
    let io: IO

    /// A child at work on `range`, logging to `log`.
    struct Child {
        var process: Process
        var range: ClosedRange<UInt64>
        var log: String
    }

    func run() -> Int32 {
        let executable = Self.ownExecutable()
        let scratch = NSTemporaryDirectory() + "swarmsim-fuzz-\(getpid())"
        try? FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let started = Date()
        var pending = Self.split(seeds, into: jobs)
        var running: [Child] = []
        var crashes: [UInt64] = []
        var results: [Int32: Int] = [:]
        var launched = 0
        while !pending.isEmpty || !running.isEmpty {
            while running.count < jobs, !pending.isEmpty {
                let range = pending.removeFirst()
                launched += 1
                let log = "\(scratch)/worker-\(launched).log"
                guard let child = spawn(executable, range: range, log: log) else {
                    io.err("error: cannot start \(executable)\n")
                    return 2
                }
                running.append(child)
            }
            guard let i = running.firstIndex(where: { !$0.process.isRunning }) else {
                usleep(20_000)
                continue
            }
            let child = running.remove(at: i)
            let progress = Self.readLog(child.log)
            for (_, code) in progress.done { results[code, default: 0] += 1 }
            if child.process.terminationReason == .uncaughtSignal {
                let seed = progress.unfinished ?? child.range.lowerBound
                crashes.append(seed)
                reportCrash(seed: seed, signal: child.process.terminationStatus)
                if seed < child.range.upperBound { pending.append((seed + 1)...child.range.upperBound) }
            }
        }
        let count = seeds.count
        let failed = crashes.count + results.filter { $0.key != 0 }.map(\.value).reduce(0, +)
        let seconds = Date().timeIntervalSince(started)
        io.out("fuzz: \(count) seed\(count == 1 ? "" : "s") \(seeds.lowerBound)..\(seeds.upperBound), \(jobs) job\(jobs == 1 ? "" : "s"), "
               + String(format: "%.1f s", seconds) + ": "
               + "\(results[FuzzRun.safetyExit] ?? 0) safety, \(results[FuzzRun.livenessExit] ?? 0) liveness, "
               + "\(crashes.count) crash\(crashes.count == 1 ? "" : "es"), \(results[FuzzRun.refusedExit] ?? 0) refused\n")
        io.out("\(count - failed) passed, \(failed) failed\n")
        if !crashes.isEmpty { return FuzzRun.crashExit }
        return results.filter { $0.key != 0 && $0.value > 0 }.map(\.key).max() ?? 0
    }

    func spawn(_ executable: String, range: ClosedRange<UInt64>, log: String) -> Child? {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable)
        p.arguments = ["fuzz", "--worker", log, "--seeds", "\(range.lowerBound)..\(range.upperBound)"] + forwarded
        do { try p.run() } catch { return nil }
        return Child(process: p, range: range, log: log)
    }

    /// A crashed seed: named, and its scenario written out (the generator needs no child).
    func reportCrash(seed: UInt64, signal: Int32) {
        let path = "\(out)/seed-\(seed).swarm"
        let text = FuzzScenario.generate(seed: seed, config: FuzzCommand.config(forwarded))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let header = "# Fails: the simulator crashed (signal \(signal)) running this scenario"
        try? FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        try? io.writeFile(path, Array(([String(lines[0]), header] + lines.dropFirst().map(String.init)).joined(separator: "\n").utf8))
        io.out("seed \(seed): CRASH (signal \(signal))\n  scenario: \(path)\n")
    }

    /// Seeds started and finished, from a worker's log.
    static func readLog(_ path: String) -> (done: [(UInt64, Int32)], unfinished: UInt64?) {
        guard let data = FileManager.default.contents(atPath: path) else { return ([], nil) }
        var done: [(UInt64, Int32)] = []
        var last: UInt64?
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            let w = line.split(separator: " ")
            if w.count == 2, w[0] == "start", let s = UInt64(w[1]) { last = s }
            if w.count == 3, w[0] == "done", let s = UInt64(w[1]), let c = Int32(w[2]) { done.append((s, c)); last = nil }
        }
        return (done, last)
    }

    /// `range` in `parts` contiguous pieces of nearly equal size.
    static func split(_ range: ClosedRange<UInt64>, into parts: Int) -> [ClosedRange<UInt64>] {
        let count = UInt64(range.count)
        let n = min(UInt64(parts), count)
        var result: [ClosedRange<UInt64>] = []
        var start = range.lowerBound
        for k in 0..<n {
            let size = count / n + (k < count % n ? 1 : 0)
            result.append(start...(start + size - 1))
            start += size
        }
        return result
    }

    /// This executable's path (/proc/self/exe on Linux; argv[0] elsewhere).
    static func ownExecutable() -> String {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
        return CommandLine.arguments[0]
    }
}
