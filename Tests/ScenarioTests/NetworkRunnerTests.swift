import Testing
import SimCore
@testable import DockerClient
@testable import Runner

/// `docker network …` on a small swarm: the engines' refusals and what each engine lists.
@Suite struct NetworkRunnerTests {
    /// Each statement's output, by the statement's line in `text`.
    func outputs(_ text: String) -> (byLine: [Int: String], report: RunReport) {
        let parsed = ScenarioParser.parse(text, file: "t.swarm")
        #expect(!parsed.hasErrors, "\(parsed.renderedDiagnostics)")
        var options = RunOptions()
        options.echoStatements = false
        let report = ScenarioRunner(script: parsed.script, options: options).run()
        var byLine: [Int: String] = [:]
        for (i, s) in parsed.script.statements.enumerated() { byLine[s.location.line] = report.outputs[i] ?? "" }
        return (byLine, report)
    }

    static let swarm = """
        seed 3
        hosts m1 w1 x1 ip=192.168.0.10
        m1$ docker swarm init
        w1$ docker swarm join --token $WORKER_TOKEN m1:2377
        wait 2s

        """

    @Test func enginesRefuseWhatTheDaemonRefuses() {
        let r = outputs(Self.swarm + """
            w1$ docker network create -d overlay a
            x1$ docker network create -d overlay a
            m1$ docker network create -d overlay bridge
            m1$ docker network create -d overlay --subnet 10.9.3.0/16 a
            m1$ docker network create -d overlay --subnet 10.9 a
            m1$ docker network rm bridge host
            m1$ docker network rm nosuch
            m1$ docker network inspect nosuch
            w1$ docker network rm ingress
            """)
        #expect(r.report.exitCode == 0)
        #expect(r.byLine[6] == "Error response from daemon: Cannot create a multi-host network from a worker node. Please create the network from a manager node.\n")
        #expect(r.byLine[7] == "Error response from daemon: This node is not a swarm manager. Use \"docker swarm init\" or \"docker swarm join\" to connect this node to swarm and try again.\n")
        #expect(r.byLine[8] == "Error response from daemon: operation is not permitted on predefined bridge network \n")
        #expect(r.byLine[9] == "Error response from daemon: invalid subnet 10.9.3.0/16: it should be 10.9.0.0/16\n")
        #expect(r.byLine[10] == "Error response from daemon: invalid subnet 10.9: invalid CIDR block notation\n")
        #expect(r.byLine[11] == """
            Error response from daemon: bridge is a pre-defined network and cannot be removed
            Error response from daemon: host is a pre-defined network and cannot be removed

            """)
        #expect(r.byLine[12] == "Error response from daemon: network nosuch not found\n")
        #expect(r.byLine[13] == "[]\nError response from daemon: network nosuch not found\n")
        #expect(r.byLine[14]?.hasPrefix("WARNING! Before removing the routing-mesh network") == true)
    }

    @Test func aWorkerListsOverlaysOnlyWhileItRunsTheirTasksAndAManagerListsThemAll() {
        let r = outputs(Self.swarm + """
            m1$ docker node update --availability drain m1
            m1$ docker network create -d overlay backend
            w1$ docker network ls -q
            x1$ docker network ls
            m1$ docker service create --name api --network backend nginx
            w1$ docker network ls
            m1$ docker network ls
            """)
        #expect(r.report.exitCode == 0)
        let backend = String(r.byLine[7]?.prefix(12) ?? "")
        #expect(backend.count == 12)
        #expect(r.byLine[8]?.split(separator: "\n").count == 5)            // bridge, gwbridge, host, ingress, none
        #expect(r.byLine[8]?.contains(backend) == false)
        // An engine outside the swarm has neither docker_gwbridge nor ingress.
        #expect(r.byLine[9]?.split(separator: "\n").dropFirst().map { $0.split(separator: " ")[1] } == ["bridge", "host", "none"])
        #expect(r.byLine[11]?.contains("\(backend)   backend           overlay   swarm\n") == true)
        #expect(r.byLine[12]?.contains("\(backend)   backend           overlay   swarm\n") == true)
    }

    @Test func createWithoutTheOverlayDriverIsNotSimulated() {
        let r = outputs(Self.swarm + "m1$ docker network create mynet\n")
        #expect(r.report.exitCode == 2)
        #expect(r.report.error?.message == "'docker network create' without '-d overlay' makes a local bridge network, which is not simulated")
    }

    @Test func theSameSeedGivesTheSameIDsAndAddresses() {
        let text = Self.swarm + """
            m1$ docker network create -d overlay backend
            m1$ docker service create --name api --replicas 2 --network backend nginx
            w1$ docker network inspect --verbose backend
            """
        #expect(outputs(text).byLine == outputs(text).byLine)
        #expect(outputs(text).byLine[8]?.contains("\"VIP\": \"10.0.1.2\"") == true)
    }
}
