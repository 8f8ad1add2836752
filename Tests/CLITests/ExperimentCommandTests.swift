import Testing
@testable import swarmsim

/// `quorum`, `sweep` and `merge` at the command line: usage errors with hints, exit codes, and
/// a sharded sweep merged back into the unsharded report.
@Suite struct ExperimentCommandTests {
    static let failover = """
        hosts m1..m3
        m1$ docker swarm init
        m2$ docker swarm join --token $MANAGER_TOKEN m1:2377
        wait 2s
        m3$ docker swarm join --token $MANAGER_TOKEN m1:2377
        wait 2s
        crash m1
        measure failover until leader timeout 60s
        expect leader in m2,m3

        """

    @Test func helpForEachCommand() {
        let fs = FakeSystem()
        #expect(fs.run("quorum", "--help") == 0)
        #expect(fs.out.hasPrefix("USAGE: swarmsim quorum [options]\n"))
        fs.out = ""
        #expect(fs.run("help", "sweep") == 0)
        #expect(fs.out.hasPrefix("USAGE: swarmsim sweep FILE --seeds A..B [options]\n"))
        fs.out = ""
        #expect(fs.run("merge", "-h") == 0)
        #expect(fs.out.hasPrefix("USAGE: swarmsim merge FILE.json... [options]\n"))
        fs.out = ""
        #expect(fs.run("--help") == 0)
        #expect(fs.out.contains("\n  sweep FILE        Run a scenario once per seed, in parallel; summarise the runs\n"))
    }

    @Test func usageErrorsExplainThemselves() {
        let fs = FakeSystem()
        fs.files["f.swarm"] = Array(Self.failover.utf8)
        let cases: [([String], String)] = [
            (["sweep", "f.swarm"], "error: missing --seeds\nhint: say which seeds to run, e.g. --seeds 1..1000\n"),
            (["sweep", "f.swarm", "--seeds", "9..1"], "error: invalid --seeds '9..1'\nhint: a seed or a range A..B with A ≤ B and at most 10000000 seeds, e.g. 1..1000\n"),
            (["sweep", "f.swarm", "--seeds", "1..4", "--shard", "5/4"], "error: invalid --shard '5/4'\nhint: K/N with 1 ≤ K ≤ N, e.g. --shard 2/4\n"),
            (["sweep", "f.swarm", "--seeds", "1..4", "--jobs", "0"], "error: invalid --jobs '0'\nhint: a whole number from 1 to 1024\n"),
            (["sweep", "--seeds", "1..4"], "error: missing scenario file\nhint: swarmsim sweep Scenarios/experiments/election-timing.swarm --seeds 1..100\n"),
            (["sweep", "nope.swarm", "--seeds", "1"], "error: nope.swarm: no such file\n"),
            (["merge"], "error: missing results to merge\nhint: swarmsim merge shard-*.json\n"),
            (["merge", "f.swarm"], "error: f.swarm: not JSON: unexpected character at byte 0\nhint: merge takes the output of 'swarmsim sweep … --json'\n"),
            (["quorum", "--managers", "0..3"], "error: invalid --managers '0..3'\nhint: a count or a range from 1 to 15, such as 5 or 3..7\n"),
            (["quorum", "--only", "splits"], "error: unknown experiment 'splits' in --only\nhint: did you mean 'split'?\n"),
            (["quorum", "--mtbf", "soon"], "error: invalid --mtbf 'soon'\nhint: a duration such as 20m, 1200s or 1h30m\n"),
            (["quorum", "--trials", "-3"], "error: invalid --trials '-3'\nhint: a whole number from 1 to 1000000\n"),
        ]
        for (args, message) in cases {
            fs.err = ""
            #expect(CLI.main(args, io: fs.io) == 2, "\(args)")
            #expect(fs.err == message, "\(args)")
        }
    }

    @Test func shardsMergedGiveTheUnshardedReport() {
        let fs = FakeSystem()
        fs.files["f.swarm"] = Array(Self.failover.utf8)
        #expect(fs.run("sweep", "f.swarm", "--seeds", "1..12", "--jobs", "2") == 0)
        let whole = fs.out
        #expect(whole.hasPrefix("sweep f.swarm: seeds 1..12, 12 runs\n  12 passed, 0 failed, 0 errors\n"))
        #expect(whole.contains("\n  failover (line 8): 12 values, 0 timed out\n    min "))
        for k in 1...2 {
            fs.out = ""
            #expect(fs.run("sweep", "f.swarm", "--seeds", "1..12", "--shard", "\(k)/2", "--json") == 0)
            fs.files["s\(k).json"] = Array(fs.out.utf8)
        }
        fs.out = ""
        #expect(fs.run("merge", "s2.json", "s1.json") == 0)
        #expect(fs.out == whole)
        fs.out = ""; fs.err = ""
        #expect(fs.run("merge", "s1.json", "s1.json") == 2)
        #expect(fs.err == "error: shard 1/2 appears twice\nhint: merge the shards of one 'swarmsim sweep FILE --seeds A..B --shard K/N' run\n")
    }

    @Test func aFailedExpectationMakesTheSweepExitOne() {
        let fs = FakeSystem()
        fs.files["f.swarm"] = Array(Self.failover.replacingOccurrences("expect leader in m2,m3", "expect leader is m2").utf8)
        let code = fs.run("sweep", "f.swarm", "--seeds", "1..20")
        #expect(code == 1)
        #expect(fs.out.contains("      rerun:  swarmsim run f.swarm --seed "))
    }

    @Test func quorumPrintsTheTable() {
        let fs = FakeSystem()
        #expect(fs.run("quorum", "--managers", "3..4", "--trials", "4", "--only", "split", "--seed", "5") == 0)
        #expect(fs.out.hasPrefix("swarmsim quorum: managers 3..4, 4 trials per cell, seed 5\n"))
        #expect(fs.out.contains("\n(b) SPLIT THE MANAGERS IN TWO"))
        #expect(!fs.out.contains("(a) CRASH"))
        #expect(fs.out.contains("\n 3   0.000      0.000       [0.000, 0.490]\n"))
        fs.out = ""
        #expect(fs.run("quorum", "--managers", "3", "--trials", "2", "--only", "split", "--json") == 0)
        #expect(fs.out.hasPrefix("{\"format\":\"swarmsim-quorum\",\"version\":1,"))
    }
}

extension String {
    func replacingOccurrences(_ target: String, _ replacement: String) -> String {
        var out = "", rest = Substring(self)
        while let r = rest.range(of: target) {
            out += rest[..<r.lowerBound] + replacement
            rest = rest[r.upperBound...]
        }
        return out + rest
    }
}
