import Testing
import SimCore
@testable import ScenarioLanguage
@testable import DockerClient
@testable import Runner

/// `raft tick-jitter` and `cut A -> B raft-entries`, the two settings the Raft paper's
/// election benchmark (Figure 16) needs: syntax, their defaults leaving runs unchanged, and
/// what they do to an election.
@Suite struct ElectionExperimentTests {
    func parse(_ text: String) -> ParseResult { ScenarioParser.parse(text, file: "t.swarm") }

    func run(_ text: String, seed: UInt64 = 1) -> (output: String, report: RunReport, trace: [String]) {
        let parsed = parse(text)
        #expect(!parsed.hasErrors, "\(parsed.renderedDiagnostics)")
        var options = RunOptions()
        options.seed = seed
        options.traceMessages = true
        var out = ""
        var bytes: [UInt8] = []
        let writer = TraceWriter { bytes += $0 }
        let report = ScenarioRunner(script: parsed.script, options: options, trace: writer, emit: { out += $0 }).run()
        writer.flush()
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n").map(String.init)
        return (out, report, lines.filter { !$0.contains("\"ev\":\"statement\"") })
    }

    static let swarm = """
        raft tick 1ms
        raft check-quorum off
        raft election-timeout 50..60
        raft heartbeat-ticks 10
        network latency 500us..1ms
        hosts m1..m3
        m1$ docker swarm init
        m2$ docker swarm join --token $MANAGER_TOKEN m1:2377
        m3$ docker swarm join --token $MANAGER_TOKEN m1:2377
        wait 300ms
        expect leader is m1
        """

    @Test func syntax() {
        #expect(parse("raft tick-jitter 50us").script.statements.map(\.statement)
                == [.setting(Setting(key: .raftTickJitter, value: .duration(.microseconds(50))))])
        let hosts = "hosts m1 m2\n"
        #expect(parse(hosts + "cut m1 -> m2 raft-entries").script.statements.last?.statement
                == .cut(from: "m1", to: "m2", entriesOnly: true))
        #expect(parse(hosts + "cut m1 -> m2").script.statements.last?.statement == .cut(from: "m1", to: "m2"))
        #expect(parse(hosts + "cut m1 -> m2 votes").hasErrors)
        #expect(parse("raft tick-jitter fast").hasErrors)
    }

    @Test("tick-jitter 0 leaves a run's trace unchanged")
    func zeroTickJitterIsANoOp() {
        let failover = Self.swarm + "\ncrash m1\nwait 200ms\nm2$ docker node ls"
        #expect(run("# nothing\n" + failover).trace == run("raft tick-jitter 0\n" + failover).trace)
    }

    @Test("a follower cut from the leader's entries still hears its heartbeats, and cannot win the next election")
    func entriesOnlyCut() {
        let text = Self.swarm + """

            cut m1 -> m3 raft-entries
            m1$ docker node update --label-add x=1 m1
            wait 300ms
            expect leader is m1
            crash m1
            wait until leader timeout 10s
            expect leader is m2
            """
        // `expect leader is m1` after 300 ms: m3 heard every heartbeat and never campaigned.
        for seed in 1...6 as ClosedRange<UInt64> {
            let r = run(text, seed: seed)
            #expect(r.report.exitCode == 0, "seed \(seed): \(r.output)")
        }
    }

    @Test("with LogCabin's timers and equal timeouts, candidates tie for ever unless tick jitter moves them apart")
    func tickJitterBreaksTies() {
        // A vote request leaves 5 ms after its candidate's timeout fires; without jitter the two
        // survivors' timers stay less than that apart, round after round.
        let text = { (jitter: String) in
            "raft election-timer paper\nraft persist-latency 5ms\nraft tick-jitter \(jitter)\n"
                + Self.swarm.replacingOccurrences(of: "50..60", with: "50..50")
                + "\ncrash m1\nmeasure election until leader in m2,m3 timeout 10s"
        }
        for seed in 1...2 as ClosedRange<UInt64> {
            #expect(run(text("0"), seed: seed).report.measures.first?.value == nil, "seed \(seed)")
            #expect(run(text("500us"), seed: seed).report.measures.first?.value != nil, "seed \(seed)")
        }
    }
}
