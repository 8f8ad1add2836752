@testable import ScenarioLanguage
@testable import DockerClient
@testable import Runner
import Testing

/// Refusals in the words docker 28.2.2 prints them: the daemon's not-found errors as the
/// Docker 23 and later client passes them on, and swarmkit's whole name-conflict sentence.
@Suite struct NotFoundMessageTests {
    static let script = """
        seed 7
        hosts m1 w1
        m1$ docker swarm init
        m1$ docker node inspect nosuch
        m1$ docker node inspect --pretty nosuch
        m1$ docker node ps nosuch
        m1$ docker node update --availability drain nosuch
        m1$ docker service rm nosuch
        m1$ docker service scale nosuch=3
        m1$ docker service update --replicas 2 nosuch
        m1$ docker service rollback nosuch
        m1$ docker service inspect nosuch
        m1$ docker service ps nosuch
        m1$ docker service create --name a -d nginx
        m1$ docker service create --name a -d nginx
        w1$ docker swarm join --token SWMTKN-1-notarealtoken-notarealsecret m1:2377
        """

    @Test("not-found errors, node ps without a table, the name conflict, a malformed token")
    func messages() {
        let parsed = ScenarioParser.parse(Self.script, file: "t.swarm")
        #expect(!parsed.hasErrors, "\(parsed.renderedDiagnostics)")
        let out = ScenarioRunner(script: parsed.script).run().outputs
        #expect(out[3] == "[]\nError response from daemon: node nosuch not found\n")
        #expect(out[4] == "Error response from daemon: node nosuch not found\n")
        #expect(out[5] == "Error response from daemon: node nosuch not found\n")
        #expect(out[6] == "Error response from daemon: node nosuch not found\n")
        #expect(out[7] == "Error response from daemon: service nosuch not found\n")
        #expect(out[8] == "nosuch: Error response from daemon: service nosuch not found\n")
        #expect(out[9] == "Error response from daemon: service nosuch not found\n")
        #expect(out[10] == "Error response from daemon: service nosuch not found\n")
        #expect(out[11] == "[]\nError: no such service: nosuch\n")
        #expect(out[12] == "no such service: nosuch\n")
        #expect(out[14] == "Error response from daemon: rpc error: code = AlreadyExists desc = name conflicts with an existing object: service a already exists\n")
        #expect(out[15] == "Error response from daemon: invalid join token\n")
    }
}
