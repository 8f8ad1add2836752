import Testing
import SimCore
@testable import DockerClient
@testable import Runner

@Suite struct RunnerTests {
    func run(_ text: String, seed: UInt64? = nil, trace: Bool = false) -> (output: String, report: RunReport, trace: String) {
        let parsed = ScenarioParser.parse(text, file: "t.swarm")
        #expect(!parsed.hasErrors, "\(parsed.renderedDiagnostics)")
        var options = RunOptions()
        options.seed = seed
        var out = ""
        var traceBytes: [UInt8] = []
        let writer = trace ? TraceWriter { traceBytes += $0 } : .disabled()
        let report = ScenarioRunner(script: parsed.script, options: options, trace: writer, emit: { out += $0 }).run()
        writer.flush()
        return (out, report, String(decoding: traceBytes, as: UTF8.self))
    }

    static let failover = """
        hosts m1..m3 w1
        m1$ docker swarm init
        m2$ docker swarm join --token $MANAGER_TOKEN m1:2377
        m3$ docker swarm join --token $MANAGER_TOKEN m1:2377
        w1$ docker swarm join --token $WORKER_TOKEN m1:2377
        wait 5s
        crash m1
        expect leader in m2,m3 within 30s
        m2$ docker node ls
        """

    @Test func theSameFileAndSeedGiveTheSameOutputAndTrace() {
        let a = run(Self.failover, seed: 3, trace: true), b = run(Self.failover, seed: 3, trace: true)
        #expect(a.output == b.output)
        #expect(a.trace == b.trace)
        #expect(a.trace.hasPrefix("{\"ev\":\"header\",\"tool\":\"swarmsim\",\"version\":\"\(SimCore.version)\",\"scenario\":\"t.swarm\",\"seed\":3"))
        #expect(a.report.exitCode == 0)
    }

    @Test func anotherSeedChangesTheRun() {
        let a = run(Self.failover, seed: 3, trace: true), b = run(Self.failover, seed: 4, trace: true)
        #expect(a.output != b.output)
        #expect(a.trace != b.trace)
    }

    @Test func aFailedExpectationSaysWhatWhenSeedAndHowToRerun() {
        let r = run("""
            seed 9
            hosts m1 m2
            m1$ docker swarm init
            m2$ docker swarm join --token $MANAGER_TOKEN m1:2377
            wait 2s
            crash m1
            expect leader within 30s
            """)
        #expect(r.report.exitCode == 1)
        let f = try! #require(r.report.failure)
        #expect(f.location.line == 7)
        #expect(f.seed == 9)
        #expect(f.time >= SimTime.zero + .seconds(32) && f.time < SimTime.zero + .seconds(33))
        #expect(r.output.contains("t.swarm:7:1: error: expectation failed: expect leader within 30s\n  seen:  no leader (m2 "))
        #expect(r.output.contains("  seed:  9\n  rerun: swarmsim run t.swarm --seed 9\n"))
    }

    @Test func statementsAreEchoedWithTheirVirtualTime() {
        let r = run("hosts m1\nm1$ docker swarm init\nwait 1.5s\nm1$ docker info\n")
        #expect(r.output.contains("[0.000s] m1$ docker swarm init\n"))
        #expect(r.output.contains("[1.5"))   // after the wait, the info ran later
        #expect(r.output.contains(" Swarm: active\n  NodeID: "))
    }

    @Test func aDockerCommandNotSimulatedYetIsAClearError() {
        let r = run("hosts m1\nm1$ docker swarm init\nm1$ docker version\n")
        #expect(r.report.exitCode == 2)
        #expect(r.report.error?.message == "'docker version' is not simulated yet")
        #expect(r.report.error?.location.line == 3)
    }

    @Test func workersCannotRunManagerCommands() {
        let r = run("hosts m1 w1\nm1$ docker swarm init\nw1$ docker swarm join --token $WORKER_TOKEN m1:2377\nw1$ docker node ls\n")
        #expect(r.output.hasSuffix("Error response from daemon: This node is not a swarm manager. Worker nodes can't be used to view or modify cluster state. Please run this command on a manager node or promote the current node to a manager.\n"))
    }
}
