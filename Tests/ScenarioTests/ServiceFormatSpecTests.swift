import Testing
import SimCore
import Orchestration
@testable import ScenarioLanguage
@testable import DockerClient

/// `docker service create` / `update` flags → service spec.
@Suite struct ServiceFormatSpecTests {
    func invocation(_ line: String) -> DockerInvocation? {
        let parsed = ScenarioParser.parse("hosts m1\nm1$ " + line + "\n", file: "t.swarm")
        #expect(!parsed.hasErrors, "\(parsed.renderedDiagnostics)")
        for s in parsed.script.statements { if case .docker(_, let words) = s.statement { return try? DockerCLI.parse(words).get() } }
        return nil
    }

    let expand: WordExpander = { (w: Word) throws(Diagnostic) -> String in
        try w.expanded { $0 == "TAG" ? "1.25" : nil }
    }

    func create(_ line: String) throws(Diagnostic) -> ServiceSpec {
        guard let inv = invocation("docker service create " + line) else { throw Diagnostic(at: SourceLocation(file: "", line: 1, column: 1), "no invocation") }
        return try ServiceSpec(invocation: inv, expand: expand)
    }

    func update(_ spec: ServiceSpec, _ line: String) throws(Diagnostic) -> ServiceSpec {
        guard let inv = invocation("docker service update " + line + " web") else { throw Diagnostic(at: SourceLocation(file: "", line: 1, column: 1), "no invocation") }
        var s = spec
        try s.apply(update: inv, expand: expand)
        return s
    }

    @Test func theDefaultsAreSwarmkits() throws {
        let s = try create("--name web nginx")
        #expect(s.name == "web")
        #expect(s.mode == .replicated(1))
        #expect(s.task.image == "nginx:latest")
        #expect(s.task.restart == RestartPolicy(condition: .any, delay: .seconds(5), maxAttempts: 0, window: .zero))
        #expect(s.update == UpdateConfig(parallelism: 1, delay: .zero, failureAction: .pause, monitor: .seconds(5),
                                         maxFailureRatio: 0, order: .stopFirst))
        #expect(s.rollback == s.update)
        #expect(s.task.stopGracePeriod == .seconds(10))
        #expect(s.endpoint == EndpointSpec(mode: .vip, ports: []))
    }

    @Test func everyCreateFlagLandsInTheSpec() throws {
        let s = try create("""
            --name api --replicas 4 --constraint node.role==worker --constraint 'node.labels.zone != b' \
            --placement-pref spread=node.labels.zone --reserve-cpu 0.5 --reserve-memory 256M --limit-cpu 1 \
            --limit-memory 1G --replicas-max-per-node 2 --restart-condition on-failure --restart-delay 3s \
            --restart-max-attempts 4 --restart-window 1m --update-parallelism 2 --update-delay 10s \
            --update-order start-first --update-failure-action rollback --update-monitor 20s \
            --update-max-failure-ratio 0.25 --rollback-parallelism 0 --rollback-failure-action continue \
            -p 8080:80 -p published=9090,target=90,mode=host,protocol=udp --env A=1 --env B --env A=2 \
            --label tier=back --network backend --secret db_pass --config app_conf --stop-grace-period 30s \
            --health-cmd 'curl -f localhost' redis:$TAG redis-server --appendonly yes
            """)
        #expect(s.name == "api" && s.mode == .replicated(4))
        #expect(s.task.image == "redis:1.25")
        #expect(s.task.args == ["redis-server", "--appendonly", "yes"])
        #expect(s.task.constraints.map(\.description) == ["node.role==worker", "node.labels.zone!=b"])
        #expect(s.task.preferences == ["node.labels.zone"])
        #expect(s.task.reservations == .init(nanoCPUs: 500_000_000, memoryBytes: 256 << 20))
        #expect(s.task.limits == .init(nanoCPUs: 1_000_000_000, memoryBytes: 1 << 30))
        #expect(s.task.maxReplicasPerNode == 2)
        #expect(s.task.restart == RestartPolicy(condition: .onFailure, delay: .seconds(3), maxAttempts: 4, window: .seconds(60)))
        #expect(s.update == UpdateConfig(parallelism: 2, delay: .seconds(10), failureAction: .rollback, monitor: .seconds(20),
                                         maxFailureRatio: 0.25, order: .startFirst))
        #expect(s.rollback.parallelism == 0 && s.rollback.failureAction == .continue)
        #expect(s.endpoint.ports == [PortConfig(published: 8080, target: 80),
                                     PortConfig(published: 9090, target: 90, protocol: .udp, publishMode: .host)])
        #expect(s.task.env == ["B", "A=2"])
        #expect(s.labels["tier"] == "back")
        #expect(s.task.networks == ["backend"] && s.task.secrets == [PayloadReference(name: "db_pass")]
                && s.task.configs == [PayloadReference(name: "app_conf")])
        #expect(s.task.stopGracePeriod == .seconds(30))
        #expect(s.task.healthCommand == "curl -f localhost")
    }

    @Test func globalModeHasNoReplicaCount() throws {
        let s = try create("--name agent --mode global prom/node-exporter")
        #expect(s.mode == .global)
        #expect(s.task.image == "prom/node-exporter:latest")
    }

    @Test func dnsrrCannotPublishIngressPorts() {
        #expect(throws: Diagnostic.self) { try create("--endpoint-mode dnsrr -p 80:80 nginx") }
        do {
            _ = try create("--endpoint-mode dnsrr -p 80:80 nginx")
        } catch {
            #expect(error.message == "Error response from daemon: rpc error: code = InvalidArgument desc = EndpointSpec: port published with ingress mode can't be used with dnsrr mode")
        }
        #expect((try? create("--endpoint-mode dnsrr -p published=80,target=80,mode=host nginx"))?.endpoint.mode == .dnsrr)
    }

    @Test func imagesKeepTagsAndDigests() {
        #expect(DockerImage.withDefaultTag("nginx") == "nginx:latest")
        #expect(DockerImage.withDefaultTag("localhost:5000/app") == "localhost:5000/app:latest")
        #expect(DockerImage.withDefaultTag("nginx@sha256:abc") == "nginx@sha256:abc")
        #expect(DockerImage.display("nginx:1.25@sha256:abc") == "nginx:1.25")
        #expect(DockerImage.display("nginx@sha256:abc") == "nginx@sha256:abc")
        #expect(DockerImage.display("docker.io/library/redis:7") == "redis:7")
    }

    // MARK: update

    @Test func updateChangesImageArgsAndReplicas() throws {
        let s = try update(try create("--name web --replicas 2 nginx:1.24 a"), "--image nginx:1.25 --args 'ping \"a b\"' --replicas 5")
        #expect(s.task.image == "nginx:1.25")
        #expect(s.task.args == ["ping", "a b"])
        #expect(s.mode == .replicated(5))
    }

    @Test func replicasCannotUpdateAGlobalService() throws {
        let global = try create("--mode global nginx")
        #expect(throws: Diagnostic.self) { try update(global, "--replicas 3") }
    }

    @Test func constraintsAreAddedRemovedAndSorted() throws {
        let base = try create("--constraint node.role==worker --constraint node.labels.z==a nginx")
        let s = try update(base, "--constraint-add node.hostname!=w1 --constraint-rm 'node.labels.z == a'")
        #expect(s.task.constraints.map(\.description) == ["node.hostname!=w1", "node.role==worker"])
    }

    @Test func portsAreAddedAndRemovedByTarget() throws {
        let base = try create("-p 8080:80 -p 9000:90 nginx")
        let s = try update(base, "--publish-rm 80 --publish-add 7000:70")
        #expect(s.endpoint.ports == [PortConfig(published: 7000, target: 70), PortConfig(published: 9000, target: 90)])
    }

    @Test func envLabelsAndListsAreEdited() throws {
        let base = try create("--env B=1 --env A=1 --label x=1 --network n1 nginx")
        let s = try update(base, "--env-add C=3 --env-rm A --label-add y=2 --label-rm x --network-add n2 --network-rm n1")
        #expect(s.task.env == ["B=1", "C=3"])
        #expect(s.labels.map(\.key) == ["y"])
        #expect(s.task.networks == ["n2"])
    }

    @Test func forceBumpsTheForceUpdateCounter() throws {
        let s = try update(try create("nginx"), "--force")
        #expect(s.task.forceUpdate == 1)
        #expect(try update(s, "--force").task.forceUpdate == 2)
    }

    @Test func updateFlagsChangeOnlyWhatTheyName() throws {
        let base = try create("--update-delay 10s --reserve-cpu 1 --reserve-memory 1G nginx")
        let s = try update(base, "--update-parallelism 3 --reserve-cpu 2 --restart-condition none")
        #expect(s.update.parallelism == 3 && s.update.delay == .seconds(10))
        #expect(s.task.reservations == .init(nanoCPUs: 2_000_000_000, memoryBytes: 0))   // docker resets both
        #expect(s.task.restart.condition == RestartPolicy.Condition.none && s.task.restart.delay == .seconds(5))
    }
}
