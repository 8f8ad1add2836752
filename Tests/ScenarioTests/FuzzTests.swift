import Testing
import SimCore
@testable import ScenarioLanguage
@testable import DockerClient
@testable import Runner
@testable import Fuzzer

/// `swarmsim fuzz` in the test suite: 200 seeds of small swarms (1–5 managers, 0–4 workers, one
/// minute of faults; debug builds are slow), each run with every safety check and then the
/// liveness phase. A failing seed prints its scenario: save it as a .swarm file to replay it.
@Suite struct FuzzTests {
    @Test(arguments: 1...200)
    func seedPassesSafetyAndLiveness(_ seed: Int) {
        let run = FuzzRun.run(seed: UInt64(seed), config: .small)
        #expect(run.outcome == .passed, "\(run.summary)\n\(run.reproduction)")
    }

    @Test func sameSeedSameScenario() {
        let a = FuzzScenario.generate(seed: 42, config: .small)
        #expect(a == FuzzScenario.generate(seed: 42, config: .small))
        #expect(a != FuzzScenario.generate(seed: 43, config: .small))
    }

    @Test func scenarioHasShapeFaultsWorkloadAndLiveness() {
        var config = FuzzScenario.Config.small
        config.managers = 3...3
        config.workers = 2...2
        let text = FuzzScenario.generate(seed: 7, config: config)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[1] == "seed 7")
        #expect(lines.contains("hosts m1..m3 w1..w2"))
        #expect(lines.contains("m1$ docker swarm init"))
        #expect(lines.contains("# Liveness: faults stop, and the swarm must converge"))
        #expect(lines.filter { $0 == "heal" }.count >= 1)
        #expect(lines.contains { $0.hasPrefix("expect services converged within") })
        // The generated text is a valid scenario.
        #expect(ScenarioParser.parse(text, file: "seed-7.swarm").diagnostics == [])
    }

    @Test func bigShapesStayWithinTheirBounds() {
        for seed in UInt64(1)...50 {
            let first = FuzzScenario.generate(seed: seed).split(separator: "\n")[0]
            // "# swarmsim fuzz, seed N: M managers, W workers, …"
            let words = first.split(separator: " ")
            let managers = Int(words[5]) ?? -1, workers = Int(words[7]) ?? -1
            #expect((1...9).contains(managers) && (0...50).contains(workers), "\(first)")
        }
    }

    /// Seeds 26727, 28334, 28913: a health-checked task stays starting until its first check
    /// passes, so each batch of a rolling update also takes the check's interval.
    @Test func convergeBoundCountsTheHealthCheckInterval() {
        var g = ScenarioGenerator(seed: 1, config: FuzzScenario.Config())
        g.hosts = (1...40).map { ScenarioGenerator.HostState(name: "w\($0)", manager: false) }
        var service = ScenarioGenerator.ServiceState(name: "s1", global: true, replicas: 0, port: 8001, createCommand: "")
        service.delaySeconds = 4
        g.services = [service]
        #expect(g.convergeBound() == .seconds(60 + 40 * (4 + 3)))
        g.services[0].healthSeconds = 5
        #expect(g.convergeBound() == .seconds(60 + 40 * (4 + 5 + 3)))
    }

    @Test func reproductionEndsWithTheFailedExpectation() {
        let text = "# head\nseed 3\nhosts m1\nexpect no leader\nwait 1s\n"
        let failure = ExpectationFailure(location: SourceLocation(file: "x.swarm", line: 4, column: 1),
                                         statement: "expect no leader", seen: "leader m1", time: .zero, seed: 3, rerun: "")
        let run = FuzzRun(seed: 3, scenario: text, outcome: .liveness(failure), endTime: .zero)
        #expect(run.reproduction == "# head\n# Fails: liveness: expect no leader\n#   seen: leader m1\nseed 3\nhosts m1\nexpect no leader\n")
        #expect(run.outcome.exitCode == FuzzRun.livenessExit)
    }

    @Test func outcomesMapToDistinctExitCodes() {
        let codes: [Int32] = [FuzzRun.Outcome.passed.exitCode, FuzzRun.safetyExit, FuzzRun.livenessExit,
                              FuzzRun.crashExit, FuzzRun.refusedExit, 1, 2]
        #expect(Set(codes).count == codes.count)
        #expect(FuzzRun.Outcome.safety(["x"]).exitCode == 3)
    }

    @Test func convergenceNamesWhatIsPending() throws {
        func seen(_ text: String) throws -> String {
            let parsed = ScenarioParser.parse(text, file: "t.swarm")
            #expect(parsed.diagnostics == [])
            return try #require(ScenarioRunner(script: parsed.script).run().failure).seen
        }
        #expect(try seen("""
            hosts m1..m3
            m1$ docker swarm init
            m2$ docker swarm join --token $MANAGER_TOKEN m1:2377
            m3$ docker swarm join --token $MANAGER_TOKEN m1:2377
            crash m2 m3
            wait 30s
            expect services converged within 10s
            """) == "pending: no leader")
        #expect(try seen("""
            hosts m1 w1
            m1$ docker swarm init
            w1$ docker swarm join --token $WORKER_TOKEN m1:2377
            m1$ docker service create --name web --replicas 3 --replicas-max-per-node 1 nginx
            expect services converged within 20s
            """) == "pending: service web has 2 of 3 tasks running")
    }
}

/// The generator's secrets, configs and autolock (ScenarioGenerator+Payloads.swift).
@Suite struct FuzzPayloadTests {
    @Test func seedsAutolockAndUseSecretsAndConfigs() {
        let texts = (UInt64(1)...40).map { FuzzScenario.generate(seed: $0, config: .small) }
        for needle in ["m1$ docker swarm init --autolock\n", "| docker secret create", "| docker config create",
                       "--secret-add", "--config-rm", "$ echo $UNLOCK_KEY | docker swarm unlock\n"] {
            #expect(texts.contains { $0.contains(needle) }, "no seed in 1…40 writes \(needle)")
        }
        #expect(texts.contains { !$0.contains("--autolock") })
    }
}
