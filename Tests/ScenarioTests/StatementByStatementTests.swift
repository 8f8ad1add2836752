import Testing
import SimCore
@testable import ScenarioLanguage
@testable import DockerClient
@testable import Runner

/// `start()`, `run(_:)` and `finish()`: the same run as `run()`, one statement at a time, with
/// failures and errors that stop nothing.
@Suite struct StatementByStatementTests {
    static func parse(_ text: String) -> Script {
        let parsed = ScenarioParser.parse(text, file: "t.swarm")
        #expect(!parsed.hasErrors, "\(parsed.renderedDiagnostics)")
        return parsed.script
    }

    @Test func oneAtATimeIsTheSameRunAsAllAtOnce() {
        let script = Self.parse(RunnerTests.failover + "\nshow cluster\n")
        var whole = ""
        let all = ScenarioRunner(script: script, emit: { whole += $0 }).run()
        var stepped = ""
        let runner = ScenarioRunner(script: script, emit: { stepped += $0 })
        runner.start()
        var outputs: [String] = []
        for s in script.statements { outputs.append(runner.run(s).output) }
        let report = runner.finish()
        #expect(stepped == whole)
        #expect(report.endTime == all.endTime)
        #expect(outputs.last?.hasPrefix("cluster at ") == true)
        #expect(outputs.enumerated().filter { !$0.element.isEmpty }.map(\.offset) == all.outputs.keys.sorted())
    }

    @Test func aFailedExpectationIsReportedAndTheRunGoesOn() {
        let script = Self.parse("""
            seed 9
            hosts m1 m2
            m1$ docker swarm init
            expect no leader
            expect leader is m2
            wait 1s
            """)
        let runner = ScenarioRunner(script: script)
        var results = script.statements.prefix(3).map { runner.run($0) }
        let initialized = runner.now   // `swarm init` returns once its node is registered
        results += script.statements.dropFirst(3).map { runner.run($0) }
        #expect(results[3].failure?.statement == "expect no leader")
        #expect(results[4].failure?.statement == "expect leader is m2")
        #expect(results[5].failure == nil)
        let report = runner.finish()
        #expect(report.failure?.statement == "expect no leader")   // the first one
        #expect(report.endTime == initialized + .seconds(1))
        #expect(report.exitCode == 1)
    }

    @Test func anErrorIsReturnedNotThrownOrKept() {
        let script = Self.parse("hosts m1\nm1$ docker swarm init\nm1$ docker version\nwait 2s\n")
        let runner = ScenarioRunner(script: script)
        var results = script.statements.prefix(3).map { runner.run($0) }
        let before = runner.now
        results.append(runner.run(script.statements[3]))
        #expect(results[2].error?.message == "'docker version' is not simulated yet")
        #expect(results[3].error == nil)
        #expect(runner.now == before + .seconds(2))
        #expect(runner.finish().error == nil)
    }

    @Test func statementsNeedNotBeInTheScript() {
        // The shell parses each typed line with the session so far and runs only what is new.
        let runner = ScenarioRunner(script: Script(file: "shell"))
        #expect(!runner.hasSwarm)
        let first = Self.parse("hosts m1 m2\nm1$ docker swarm init\n")
        for s in first.statements { _ = runner.run(s) }
        #expect(runner.hasSwarm)
        let more = Self.parse("hosts m1 m2\nm1$ docker swarm init\nshow cluster\n")
        let picture = runner.run(more.statements[2]).output
        #expect(picture == """
            cluster at 0.000s: leader m1 in term 1; 1 of 1 manager up, quorum 1
              m1  manager  leader  term 1  Ready
              m2  not in a swarm

            """)
    }

    // MARK: show cluster

    static let split = """
        seed 5
        hosts m1..m3 w1
        m1$ docker swarm init
        m2$ docker swarm join --token $MANAGER_TOKEN m1:2377
        m3$ docker swarm join --token $MANAGER_TOKEN m1:2377
        w1$ docker swarm join --token $WORKER_TOKEN m1:2377
        wait 5s
        partition m1 | m2 m3 w1
        wait 2s
        show cluster
        expect leader in m2,m3 within 30s
        show cluster
        """

    static func pictures(color: Bool) -> [String] {
        var options = RunOptions()
        options.color = color
        let report = ScenarioRunner(script: parse(split), options: options).run()
        return [report.outputs[9] ?? "", report.outputs[11] ?? ""]
    }

    @Test func thePictureGroupsHostsBySideAndCountsTheQuorum() {
        let p = Self.pictures(color: false)
        #expect(p[0] == """
            cluster at 7.019s: leader m1 in term 1; 3 of 3 managers up, quorum 2
              side 1: 1 of 3 managers, no quorum
                m1  manager  leader    term 1  Ready
              side 2: 2 of 3 managers, quorum
                m2  manager  follower  term 1  Ready
                m3  manager  follower  term 1  Ready
                w1  worker                     Ready

            """)
        // The old leader still believes it leads until CheckQuorum steps it down.
        #expect(p[1].hasPrefix("cluster at "))
        #expect(p[1].contains("side 2: 2 of 3 managers, quorum\n"))
        #expect(!p[1].contains("\u{1B}"))
    }

    @Test func colourIsTheSameTextWithEscapes() {
        let plain = Self.pictures(color: false), colored = Self.pictures(color: true)
        for (p, c) in zip(plain, colored) {
            #expect(c != p)
            #expect(Self.stripANSI(c) == p)
        }
        #expect(colored[0].contains("\u{1B}[1;32mleader m1\u{1B}[0m"))
        #expect(colored[0].contains("\u{1B}[1;31mno quorum\u{1B}[0m"))
        #expect(colored[0].contains("\u{1B}[36mfollower\u{1B}[0m"))
    }

    static func stripANSI(_ s: String) -> String {
        var out = "", i = s.startIndex
        while i < s.endIndex {
            if s[i] == "\u{1B}", let m = s[i...].firstIndex(of: "m") { i = s.index(after: m); continue }
            out.append(s[i])
            i = s.index(after: i)
        }
        return out
    }

    @Test func aStaleLeaderAndAOneWayCutAreNoted() {
        let script = Self.parse("""
            seed 5
            hosts m1..m3 w1
            m1$ docker swarm init
            m2$ docker swarm join --token $MANAGER_TOKEN m1:2377
            m3$ docker swarm join --token $MANAGER_TOKEN m1:2377
            w1$ docker swarm join --token $WORKER_TOKEN m1:2377
            wait 5s
            cut m1 -> w1
            show cluster
            """)
        let report = ScenarioRunner(script: script).run()
        #expect(report.outputs[8]?.contains("  w1  worker                     Ready  does not hear the leader\n") == true)
    }
}
