import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
@testable import Raft

/// Randomized runs on a simulated network with loss, duplication, reordering, partitions,
/// crash/restart and membership changes: zero safety violations, and convergence once faults
/// stop.
///
/// Seeds 1...N (N = `RAFT_SEEDS`, default 2,000) are spread over 3, 4, 5 and 7 voters
/// (seed % 4). To rerun one seed with a trace of faults and role changes:
///     RAFT_SEED=123 swift test --filter RaftTests.RandomizedTests
/// and for a longer search:
///     RAFT_SEEDS=20000 swift test --filter RaftTests.RandomizedTests
@Suite struct RandomizedTests {
    static let sizes = [3, 4, 5, 7]

    static func environment(_ name: String) -> UInt64? {
        guard let value = getenv(name) else { return nil }
        return UInt64(String(cString: value))
    }

    static var seeds: [UInt64] {
        if let one = environment("RAFT_SEED") { return [one] }
        return Array(1...(environment("RAFT_SEEDS") ?? 2_000))
    }

    static func voters(forSeed seed: UInt64) -> Int { sizes[Int(seed % UInt64(sizes.count))] }

    @Test("randomized faults: no safety violation, and convergence once faults stop", arguments: sizes)
    func randomized(voters: Int) {
        let single = Self.environment("RAFT_SEED") != nil
        var runs = 0
        var committed = 0
        var changes = 0
        var slowest = 0
        for seed in Self.seeds where Self.voters(forSeed: seed) == voters {
            var run = RandomCluster(seed: seed, voters: voters, tracing: single)
            let outcome = run.run()
            runs += 1
            committed += outcome.committedCommands
            changes += outcome.membershipChanges
            slowest = max(slowest, outcome.settledAfterTicks ?? 0)
            if single {
                print("seed \(seed): \(run.settings)")
                for line in run.trace ?? [] { print(line) }
                print("seed \(seed): \(outcome.events) events, \(outcome.committedCommands) commands committed, settled after \(outcome.settledAfterTicks.map(String.init) ?? "-") ticks")
            }
            let rerun = "rerun only this seed: RAFT_SEED=\(seed) swift test --filter RaftTests.RandomizedTests"
            #expect(outcome.violations.isEmpty, "seed \(seed) (\(run.settings)): \(outcome.violations.map(\.description).joined(separator: "; ")). \(rerun)")
            #expect(run.handOutMismatches.isEmpty, "seed \(seed): handOut differs from the Ready loop: \(run.handOutMismatches.prefix(3).joined(separator: "; ")). \(rerun)")
            #expect(outcome.pending.isEmpty, "seed \(seed) (\(run.settings)) did not converge: \(outcome.pending.joined(separator: "; ")). \(rerun)")
        }
        if !single && runs > 0 {
            print("RandomizedTests: \(voters) voters: \(runs) seeds, \(committed) commands committed, \(changes) membership changes proposed, slowest to settle \(slowest) ticks")
        }
    }
}
