import Testing
import SimCore
@testable import ScenarioLanguage
@testable import DockerClient
@testable import Experiments

/// Sweeps: the report is a function of the scenario and the seeds alone — the same bytes with
/// one job, two jobs, or shards run apart and merged — and it tallies what the runs did.
@Suite struct SweepTests {
    /// A short leader failover: three managers, the leader crashes, and the file bets on m2.
    static let failover = """
        hosts m1..m3
        m1$ docker swarm init
        m2$ docker swarm join --token $MANAGER_TOKEN m1:2377
        wait 2s
        m3$ docker swarm join --token $MANAGER_TOKEN m1:2377
        wait 2s
        expect leader is m1
        crash m1
        measure failover until leader timeout 60s
        expect leader is m2

        """

    static func parse(_ text: String, file: String = "failover.swarm") -> (Script, SweepPlan) {
        let bytes = Array(text.utf8)
        let parsed = ScenarioParser.parse(bytes: bytes, file: file)
        #expect(!parsed.hasErrors, "\(parsed.renderedDiagnostics)")
        return (parsed.script, SweepPlan(script: parsed.script, bytes: bytes))
    }

    @Test func aThousandSeedsGiveTheSameReportWithOneJobTwoJobsAndShardsMerged() throws {
        let (script, plan) = Self.parse(Self.failover)
        let seeds = SeedRange(first: 1, last: 1_000)
        let one = Sweep.run(script, plan: plan, seeds: seeds, jobs: 1)
        let two = Sweep.run(script, plan: plan, seeds: seeds, jobs: 2)
        // Three shards, each written as JSON and read back, merged out of order.
        var parts: [SweepResults] = []
        for k in [3, 1, 2] {
            let shard = Sweep.run(script, plan: plan, seeds: seeds, shard: Shard(index: k, count: 3), jobs: 2)
            #expect(shard.runs.count == (k == 1 ? 334 : 333))
            parts.append(try SweepResults(json: Array(shard.json.utf8)))
        }
        let merged = try SweepResults.merge(parts)
        #expect(one.runs.count == 1_000)
        // (Compared as Bools: a failing comparison of two thousand runs would print them all.)
        let sameRuns = two == one, sameMerged = merged == one
        #expect(sameRuns)
        #expect(sameMerged)
        #expect(two.report == one.report)
        #expect(merged.report == one.report)
        #expect(merged.json == one.json)

        // The tallies add up, and the report lists the first failing seeds.
        let bet = plan.expectations[1]
        let tally = one.tally(bet)
        #expect(tally.passed.count + tally.failed.count + tally.notReached.count == 1_000)
        #expect(tally.notReached.isEmpty)
        #expect(tally.failed.count == one.failed)
        #expect(tally.failed.count > 300 && tally.failed.count < 700, "m2 wins about half the elections: \(tally.failed.count)")
        #expect(one.tally(plan.expectations[0]).passed.count == 1_000)
        let firstFailed = try #require(tally.failed.first)
        #expect(one.report.contains("  line 10  expect leader is m2  \(tally.passed.count) passed  \(tally.failed.count) failed  0 not reached\n"))
        #expect(one.report.contains("      failed: seeds " + tally.failed.prefix(10).map(String.init).joined(separator: ", ")
                                    + " and \(tally.failed.count - 10) more\n"))
        #expect(one.report.contains("      first:  seed \(firstFailed) at "))
        #expect(one.report.contains("      rerun:  swarmsim run failover.swarm --seed \(firstFailed)\n"))
        #expect(one.exitCode == 1)
        // Every run measured its failover, within an election's reach.
        let values = one.runs.compactMap { r -> SimDuration? in if case .value(let d) = r.measures[0] { d } else { nil } }
        #expect(values.count == 1_000)
        #expect(values.allSatisfy { $0 > .seconds(8) && $0 < .seconds(45) })
        #expect(one.report.contains("  failover (line 9): 1000 values, 0 timed out\n"))
    }

    @Test func aRunThatCannotRunIsAnErrorWithItsSeed() {
        let (script, plan) = Self.parse("""
            hosts m1
            m1$ docker swarm init
            measure up until leader timeout 5s
            m1$ docker swarm join --token $NO_SUCH_TOKEN m1:2377
            expect leader

            """, file: "broken.swarm")
        let results = Sweep.run(script, plan: plan, seeds: SeedRange(first: 5, last: 7), jobs: 2)
        #expect(results.errors == 3)
        #expect(results.exitCode == 2)
        #expect(results.runs.map(\.stop?.kind) == [.error, .error, .error])
        #expect(results.runs.map(\.stop?.statement) == [3, 3, 3])
        #expect(results.report.hasPrefix("sweep broken.swarm: seeds 5..7, 3 runs\n  0 passed, 0 failed, 3 errors\n"))
        #expect(results.report.contains("  line 5  expect leader  0 passed  0 failed  3 not reached\n"))
        #expect(results.report.contains("\nerrors (exit 2): 3 runs: seeds 5, 6, 7\n  first: seed 5: broken.swarm:4:"))
        #expect(results.report.contains("  up (line 3): 3 values, 0 timed out\n    min 0.000  p50 0.000  p90 0.000  p99 0.000  max 0.000  mean 0.000\n"))
    }

    @Test func aMeasureThatTimesOutIsCountedApart() {
        let (script, plan) = Self.parse("""
            hosts m1 m2
            m1$ docker swarm init
            measure never until leader is m2 timeout 3s

            """, file: "never.swarm")
        let results = Sweep.run(script, plan: plan, seeds: SeedRange(first: 1, last: 2), jobs: 1)
        #expect(results.runs.map(\.measures) == [[.timedOut], [.timedOut]])
        #expect(results.exitCode == 0)
        #expect(results.report.hasSuffix("  never (line 3): 0 values, 2 timed out\n    timed out: seeds 1, 2\n"))
    }

    // MARK: Merging

    static func shards(_ count: Int, seeds: SeedRange = SeedRange(first: 1, last: 6)) -> [SweepResults] {
        let (script, plan) = parse("hosts m1\nm1$ docker swarm init\nexpect leader\n")
        return (1...count).map { Sweep.run(script, plan: plan, seeds: seeds, shard: Shard(index: $0, count: count), jobs: 1) }
    }

    @Test func aPartialMergeNamesItsShards() throws {
        let parts = Self.shards(3)
        let partial = try SweepResults.merge([parts[2], parts[0]])
        #expect(partial.shards == .init(count: 3, included: [1, 3]))
        #expect(partial.runs.map(\.seed) == [1, 3, 4, 6])
        #expect(partial.report.hasPrefix("sweep failover.swarm: seeds 1..6, shards 1,3 of 3: 4 runs\n"))
        let whole = try SweepResults.merge([partial, parts[1]])
        #expect(whole.shards == .init(count: 1, included: [1]))
        #expect(whole.report.hasPrefix("sweep failover.swarm: seeds 1..6, 6 runs\n  6 passed, 0 failed, 0 errors\n"))
    }

    @Test func mergeRefusesWhatDoesNotFit() {
        let parts = Self.shards(2)
        #expect(throws: SweepResults.MergeError(message: "shard 1/2 appears twice")) { try SweepResults.merge([parts[0], parts[0]]) }
        let other = Self.shards(2, seeds: SeedRange(first: 1, last: 8))
        #expect(throws: SweepResults.MergeError(message: "the results are of different seed ranges (1..6 and 1..8)")) {
            try SweepResults.merge([parts[0], other[1]])
        }
        let thirds = Self.shards(3)
        #expect(throws: SweepResults.MergeError(message: "the results split the seeds differently (into 2 and 3 shards)")) {
            try SweepResults.merge([parts[0], thirds[1]])
        }
        let (script, plan) = Self.parse("hosts m1\nm1$ docker swarm init\nexpect leader within 1s\n")
        let changed = Sweep.run(script, plan: plan, seeds: SeedRange(first: 1, last: 6), shard: Shard(index: 2, count: 2), jobs: 1)
        #expect(throws: SweepResults.MergeError(message: "the results come from different scenario files (failover.swarm and failover.swarm differ)")) {
            try SweepResults.merge([parts[0], changed])
        }
    }

    @Test func readingJSONChecksItsShape() throws {
        let good = Self.shards(2)[1].json
        let readBack = try SweepResults(json: Array(good.utf8)) == Self.shards(2)[1]
        #expect(readBack)
        #expect(throws: SweepResults.MergeError(message: "not the JSON of 'swarmsim sweep --json' (no \"format\":\"swarmsim-sweep\")")) {
            try SweepResults(json: Array("{\"format\":\"other\"}".utf8))
        }
        #expect(throws: SweepResults.MergeError(message: "not JSON: unexpected character at byte 0")) {
            try SweepResults(json: Array("sweep failover.swarm".utf8))
        }
        // A seed of shard 1 in the file of shard 2.
        let moved = good.replacingOccurrences(of: "{\"seed\":2,", with: "{\"seed\":1,")
        #expect(throws: SweepResults.MergeError(message: "seed 1 does not belong to shard 2 of 2")) {
            try SweepResults(json: Array(moved.utf8))
        }
        // A run missing.
        let lines = good.split(separator: "\n", omittingEmptySubsequences: false)
        let dropped = (lines.prefix(1) + lines.dropFirst(2)).joined(separator: "\n")
        #expect(throws: SweepResults.MergeError(message: "the runs do not cover the seeds of shard 2 of 2 exactly once (2 runs, 3 seeds)")) {
            try SweepResults(json: Array(dropped.utf8))
        }
    }
}

extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        var out = "", rest = Substring(self)
        while let r = rest.range(of: target) {
            out += rest[..<r.lowerBound] + replacement
            rest = rest[r.upperBound...]
        }
        return out + rest
    }
}
