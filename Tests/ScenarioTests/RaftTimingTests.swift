import Testing
import SimCore
@testable import ScenarioLanguage
@testable import DockerClient
@testable import Runner

/// `wait A..B`, `raft election-timeout`, `raft persist-latency`: syntax, errors, and what they
/// do to a run.
@Suite struct RaftTimingTests {
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
        // Statement lines name the statement's text and line: compare what the swarm did.
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n").map(String.init)
        return (out, report, lines.filter { !$0.contains("\"ev\":\"statement\"") })
    }

    static let swarm = """
        raft tick 1ms
        raft check-quorum off
        network latency 500us..1ms
        hosts m1..m3
        m1$ docker swarm init
        m2$ docker swarm join --token $MANAGER_TOKEN m1:2377
        m3$ docker swarm join --token $MANAGER_TOKEN m1:2377
        wait 300ms
        """

    @Test func syntax() {
        #expect(parse("wait 10ms..75ms").script.statements.map(\.statement) == [.waitRandom(.milliseconds(10), .milliseconds(75))])
        let settings: [(String, Setting)] = [
            ("raft election-timeout 150ms..155ms", Setting(key: .raftElectionTimeout, value: .durationRange(.milliseconds(150), .milliseconds(155)))),
            ("raft election-timeout 150ms", Setting(key: .raftElectionTimeout, value: .durationRange(.milliseconds(150), .milliseconds(150)))),
            ("raft election-timeout 10..20", Setting(key: .raftElectionTimeout, value: .tickRange(10, 20))),
            ("raft election-timeout 12", Setting(key: .raftElectionTimeout, value: .tickRange(12, 12))),
            ("raft persist-latency 5ms", Setting(key: .raftPersistLatency, value: .durationRange(.milliseconds(5), .milliseconds(5)))),
            ("raft persist-latency 2ms..8ms", Setting(key: .raftPersistLatency, value: .durationRange(.milliseconds(2), .milliseconds(8)))),
            ("raft persist-latency 0", Setting(key: .raftPersistLatency, value: .durationRange(.zero, .zero))),
        ]
        for (text, setting) in settings {
            #expect(parse(text).script.statements.map(\.statement) == [.setting(setting)], "\(text)")
        }
    }

    @Test func badValues() {
        #expect(parse("wait 75ms..10ms").renderedDiagnostics == """
            t.swarm:1:6: error: range '75ms..10ms' goes down
            wait 75ms..10ms
                 ^~~~~~~~~~
            hint: write the smaller bound first: wait 10ms..75ms
            """)
        let messages = [
            ("wait 10ms..", "empty duration"),
            ("raft election-timeout 0..5", "invalid tick count '0..5' for 'raft election-timeout'"),
            ("raft election-timeout 20..10", "range '20..10' goes down"),
            ("raft election-timeout 0ms..5ms", "'raft election-timeout' must be longer than zero"),
            ("raft election-timeout 10ms..5", "missing unit in duration '5'"),
            ("raft election-timeout", "missing value for 'raft election-timeout'"),
            ("raft persist-latency 5ms..1ms", "range '5ms..1ms' goes down"),
            ("raft persist-latency fast", "invalid duration 'fast': expected a number at 'fast'"),
            ("raft persist-latency 1ms 2ms", "unexpected '2ms' after 'raft persist-latency 1ms'"),
        ]
        for (text, message) in messages {
            #expect(parse(text).diagnostics.map(\.message) == [message], "\(text)")
        }
    }

    @Test("an election timeout in time must be whole ticks, checked when the swarm is built, at the setting")
    func timeoutInTicksOfTheTick() {
        let r = run("raft election-timeout 150ms..155ms\nraft tick 10ms\nhosts m1")
        #expect(r.report.error.map { "\($0.location.line):\($0.location.column): \($0.message)" }
                == "1:1: election timeout 155ms is not a whole number of Raft ticks (10ms)")
        let h = run("raft tick 1ms\nraft election-timeout 10ms..20ms\nraft heartbeat-ticks 10\nhosts m1")
        #expect(h.report.error.map { "\($0.location.line): \($0.message)" }
                == "2: heartbeat ticks (10) must be fewer than the shortest election timeout (10 ticks)")
        // The tick may come after; heartbeats set after the timeout are checked against it.
        #expect(run("raft election-timeout 150ms..155ms\nraft heartbeat-ticks 75\nraft tick 1ms\nhosts m1").report.error == nil)
    }

    @Test("a random wait is uniform over its range, drawn from its own stream: the swarm runs as after a fixed wait of the drawn length")
    func randomWaitShiftsNoStream() {
        var drawn: [SimDuration] = []
        for seed in 1...12 as ClosedRange<UInt64> {
            let r = run(Self.swarm + "\nwait 10ms..75ms\ncrash m1\nwait 200ms", seed: seed)
            // The swarm's trace after a fixed wait of the same length is the same, line for line.
            let d = Self.waitDrawn(seed: seed)
            drawn.append(d)
            #expect((SimDuration.milliseconds(10)...SimDuration.milliseconds(75)).contains(d))
            let fixed = run(Self.swarm + "\nwait \(d.nanoseconds)ns\ncrash m1\nwait 200ms", seed: seed)
            #expect(fixed.trace == r.trace, "seed \(seed)")
        }
        #expect(Set(drawn.map(\.nanoseconds)).count == 12)
    }

    static func waitDrawn(seed: UInt64) -> SimDuration {
        var stream = ScenarioRunner.waitStream(seed: seed)
        return SimDuration(nanoseconds: 10_000_000 + Int64(stream.below(65_000_001)))
    }

    @Test("persist-latency 0 leaves a run's trace unchanged")
    func zeroPersistLatencyIsANoOp() {
        let failover = Self.swarm + "\ncrash m1\nwait 100ms\nm2$ docker node ls"
        #expect(run("# nothing\n" + failover).trace == run("raft persist-latency 0\n" + failover).trace)
    }

    @Test("a candidate writes its vote, and each voter its own, before the messages go out: two writes more per election")
    func persistLatencyDelaysElections() {
        // A follower campaigns at least 50 − 10 ticks after the crash (its timeout less the time
        // since the last heartbeat, less a tick of phase); with 20 ms writes, 40 ms more.
        let text = { (persist: String) in
            "raft persist-latency \(persist)\nraft election-timeout 50..60\nraft heartbeat-ticks 10\n" + Self.swarm
                + "\nexpect leader is m1\ncrash m1\nmeasure election until leader timeout 10s"
        }
        var fast: [SimDuration] = [], slow: [SimDuration] = []
        for seed in 1...8 as ClosedRange<UInt64> {
            fast.append(run(text("0"), seed: seed).report.measures.first?.value ?? .zero)
            slow.append(run(text("20ms"), seed: seed).report.measures.first?.value ?? .zero)
        }
        #expect(fast.allSatisfy { $0 >= .milliseconds(39) }, "\(fast)")
        #expect(fast.contains { $0 < .milliseconds(70) }, "\(fast)")
        #expect(slow.allSatisfy { $0 >= .milliseconds(79) }, "\(slow)")
    }
}
