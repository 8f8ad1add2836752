import Testing
@testable import swarmsim

/// `sweep --set` (settings varied as well as seeds), its JSON shards merged back, and `--plot`.
@Suite struct SweepSettingsCommandTests {
    static let election = """
        raft tick 1ms
        raft election-timeout 10..20
        raft heartbeat-ticks 5
        raft check-quorum off
        hosts m1..m3
        m1$ docker swarm init
        m2$ docker swarm join --token $MANAGER_TOKEN m1:2377
        m3$ docker swarm join --token $MANAGER_TOKEN m1:2377
        wait 200ms
        crash m1
        measure election until leader timeout 10s

        """

    @Test func oneReportPerValueAndShardsMergeByValue() {
        let fs = FakeSystem()
        fs.files["e.swarm"] = Array(Self.election.utf8)
        #expect(fs.run("sweep", "e.swarm", "--seeds", "1..6", "--jobs", "1", "--set", "raft election-timeout=10..20,40ms..80ms") == 0)
        let whole = fs.out
        let reports = whole.components(separatedBy: "sweep e.swarm: seeds 1..6, 6 runs\n").dropFirst()
        #expect(reports.count == 2)
        #expect(reports.first?.hasPrefix("  with raft election-timeout=10..20\n  6 passed") == true)
        #expect(reports.last?.hasPrefix("  with raft election-timeout=40ms..80ms\n  6 passed") == true)
        for k in 1...2 {
            fs.out = ""
            #expect(fs.run("sweep", "e.swarm", "--seeds", "1..6", "--set", "raft election-timeout=10..20,40ms..80ms",
                           "--shard", "\(k)/2", "--json") == 0)
            #expect(fs.out.components(separatedBy: "\"format\":\"swarmsim-sweep\"").count == 3)
            fs.files["s\(k).json"] = Array(fs.out.utf8)
        }
        fs.out = ""
        #expect(fs.run("merge", "s2.json", "s1.json") == 0)
        #expect(fs.out == whole)
    }

    @Test func aGridRunsEveryCombination() {
        let fs = FakeSystem()
        fs.files["e.swarm"] = Array(Self.election.utf8)
        #expect(fs.run("sweep", "e.swarm", "--seeds", "1..2", "--set", "raft election-timeout=10..20,20..40",
                       "--set", "raft heartbeat-ticks=2,5") == 0)
        let labels = fs.out.split(separator: "\n").filter { $0.hasPrefix("  with ") }
        #expect(labels == [
            "  with raft election-timeout=10..20; raft heartbeat-ticks=2", "  with raft election-timeout=10..20; raft heartbeat-ticks=5",
            "  with raft election-timeout=20..40; raft heartbeat-ticks=2", "  with raft election-timeout=20..40; raft heartbeat-ticks=5",
        ])
    }

    @Test func badSettings() {
        let fs = FakeSystem()
        fs.files["e.swarm"] = Array(Self.election.utf8)
        let hint = "hint: for example: --set 'raft election-timeout=12ms..24ms,25ms..50ms'\n"
        let cases: [(String, String)] = [
            ("raft election-timeout", "error: --set 'raft election-timeout' has no '=': write --set 'raft election-timeout=12ms..24ms,25ms..50ms'\n"),
            ("raft nope=1", "error: --set: unknown setting 'raft nope' (settings: "),
            ("raft election-timeout=20..10", "error: --set: invalid value '20..10' for 'raft election-timeout': range '20..10' goes down\n" + hint),
            ("raft persist-latency=1ms", "error: --set: e.swarm has no 'raft persist-latency' statement to vary: add one where it should apply\n" + hint),
        ]
        for (spec, message) in cases {
            fs.err = ""
            #expect(fs.run("sweep", "e.swarm", "--seeds", "1", "--set", spec) == 2, "\(spec)")
            #expect(fs.err.hasPrefix(message), "\(fs.err)")
        }
    }

    @Test func plotIsTheSameBytesFromTheSweepAndFromTheMergedShards() {
        let fs = FakeSystem()
        fs.files["e.swarm"] = Array(Self.election.utf8)
        #expect(fs.run("sweep", "e.swarm", "--seeds", "1..6", "--set", "raft election-timeout=10..20,40ms..80ms",
                       "--plot", "cdf.svg", "--plot-log") == 0)
        let svg = String(decoding: fs.files["cdf.svg"] ?? [], as: UTF8.self)
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(svg.hasSuffix("</svg>\n"))
        #expect(svg.components(separatedBy: "<path class=\"curve\"").count == 3)
        #expect(svg.contains(">10..20</text>") && svg.contains(">40ms..80ms</text>"))
        #expect(svg.contains("election: share of runs done within the time (CDF)"))
        #expect(svg.contains(">10ms</text>") && svg.contains(">100ms</text>"))   // decades on the log axis
        for k in 1...2 {
            fs.out = ""
            #expect(fs.run("sweep", "e.swarm", "--seeds", "1..6", "--set", "raft election-timeout=10..20,40ms..80ms",
                           "--shard", "\(k)/2", "--json") == 0)
            fs.files["s\(k).json"] = Array(fs.out.utf8)
        }
        #expect(fs.run("merge", "s1.json", "s2.json", "--plot", "merged.svg", "--plot-log") == 0)
        #expect(fs.files["merged.svg"] == fs.files["cdf.svg"])
    }

    @Test func mergeReportsDifferentFilesOneAfterTheOtherAndPlotsThemTogether() {
        let fs = FakeSystem()
        fs.files["a/fast.swarm"] = Array(Self.election.utf8)
        fs.files["b/slow.swarm"] = Array(Self.election.replacingOccurrences("10..20", "40..80").utf8)
        for f in ["a/fast", "b/slow"] {
            fs.out = ""
            #expect(fs.run("sweep", "\(f).swarm", "--seeds", "1..3", "--json") == 0)
            fs.files["\(f).json"] = Array(fs.out.utf8)
        }
        fs.out = ""
        #expect(fs.run("merge", "a/fast.json", "b/slow.json", "--plot", "both.svg") == 0)
        #expect(fs.out.hasPrefix("sweep a/fast.swarm: seeds 1..3, 3 runs\n"))
        #expect(fs.out.contains("\nsweep b/slow.swarm: seeds 1..3, 3 runs\n"))
        let svg = String(decoding: fs.files["both.svg"] ?? [], as: UTF8.self)
        #expect(svg.contains(">fast</text>") && svg.contains(">slow</text>"))
        // One path, other bytes: still refused.
        fs.files["a/fast.swarm"] = Array((Self.election + "# changed\n").utf8)
        fs.out = ""
        #expect(fs.run("sweep", "a/fast.swarm", "--seeds", "1..3", "--json") == 0)
        fs.files["a/changed.json"] = Array(fs.out.utf8)
        fs.err = ""
        #expect(fs.run("merge", "a/fast.json", "a/changed.json") == 2)
        #expect(fs.err.hasPrefix("error: the results come from different scenario files"))
    }
}
