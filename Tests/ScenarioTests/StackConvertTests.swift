@testable import DockerClient
@testable import Runner
import Compose
import Orchestration
import ScenarioLanguage
import SimCore
import Testing

/// A compose file turned into the specs `docker stack deploy` sends (docker/cli convert).
@Suite struct StackConvertTests {
    static let text = """
        services:
          web:
            image: nginx
            command: ["-g", "daemon off;"]
            entrypoint: nginx
            environment: {Z: "1", A: "2", FROM_SHELL: null}
            ports: ["9090:90", "8080:80", "7070:70/udp"]
            networks: [front, back]
            healthcheck: {test: curl -f http://localhost}
            deploy:
              replicas: 3
              labels: {tier: web}
              placement: {constraints: [node.role == worker], preferences: [{spread: node.labels.zone}], max_replicas_per_node: 2}
              resources: {limits: {cpus: "0.5", memory: 256M}, reservations: {memory: 128M}}
              restart_policy: {condition: on-failure, delay: 10s, max_attempts: 3}
              update_config: {parallelism: 2, order: start-first, failure_action: rollback}
          db:
            image: mysql
            deploy: {mode: global}
        networks:
          front: {attachable: true, ipam: {config: [{subnet: 10.0.9.0/24}]}}
          back: {external: true, name: shared}
        """

    static func convert() throws -> StackConvert {
        let file = try ComposeLoader.load(text, file: "docker-compose.yml").file
        return StackConvert(namespace: "app", file: file, environment: ["FROM_SHELL": "yes"])
    }

    @Test func serviceSpec() throws {
        let c = try Self.convert()
        let web = try c.service(#require(c.file.service("web")))
        #expect(web.name == "app_web")
        #expect(web.labels.pairs.map { "\($0.key)=\($0.value)" }
            == ["com.docker.stack.image=nginx", "com.docker.stack.namespace=app", "tier=web"])
        #expect(web.mode == .replicated(3))
        #expect(web.task.image == "nginx")
        #expect(web.task.command == ["nginx"] && web.task.args == ["-g", "daemon off;"])
        #expect(web.task.env == ["A=2", "FROM_SHELL=yes", "Z=1"])
        #expect(web.task.networks == ["app_front", "shared"])
        #expect(web.endpoint.ports.map(\.description) == ["7070:70/udp", "8080:80/tcp", "9090:90/tcp"])
        #expect(web.task.constraints.map(\.description) == ["node.role==worker"])
        #expect(web.task.preferences == ["node.labels.zone"] && web.task.maxReplicasPerNode == 2)
        #expect(web.task.limits == Scheduler.Resources(nanoCPUs: 500_000_000, memoryBytes: 256 << 20))
        #expect(web.task.reservations == Scheduler.Resources(nanoCPUs: 0, memoryBytes: 128 << 20))
        #expect(web.task.restart == RestartPolicy(condition: .onFailure, delay: .seconds(10), maxAttempts: 3))
        #expect(web.update == UpdateConfig(parallelism: 2, failureAction: .rollback, order: .startFirst))
        #expect(web.task.healthCommand == "curl -f http://localhost")
        let db = try c.service(#require(c.file.service("db")))
        #expect(db.mode == .global && db.task.networks == ["app_default"])
    }

    @Test func jobsAndHealthChecks() throws {
        let text = """
            services:
              batch: {image: batch:1, deploy: {mode: replicated-job, replicas: 4}}
              migrate: {image: batch:1, deploy: {mode: global-job}}
              web:
                image: web:1
                healthcheck: {test: ["CMD-SHELL", "curl -f localhost"], interval: 5s, timeout: 2s, retries: 2, start_period: 1m}
              quiet: {image: web:1, healthcheck: {disable: true}}
              odd: {image: web:1, healthcheck: {test: [CMD], interval: soon}}
            """
        let c = StackConvert(namespace: "app", file: try ComposeLoader.load(text, file: "c.yml").file, environment: [:])
        #expect(try c.service(#require(c.file.service("batch"))).mode == .replicatedJob(maxConcurrent: 4, total: 4))
        #expect(try c.service(#require(c.file.service("migrate"))).mode == .globalJob)
        let health = try c.service(#require(c.file.service("web"))).task.health
        #expect(health.command == "curl -f localhost" && health.interval == .seconds(5) && health.timeout == .seconds(2))
        #expect(health.retries == 2 && health.startPeriod == .seconds(60) && !health.disabled)
        #expect(try c.service(#require(c.file.service("quiet"))).task.health.disabled)
        #expect(throws: StackConvert.Failure.self) { try c.service(#require(c.file.service("odd"))) }
    }

    @Test func networksTheServicesUse() throws {
        let (create, external) = try Self.convert().networks()
        #expect(create.map(\.name) == ["app_default", "app_front"])
        #expect(create.allSatisfy { $0.labels["com.docker.stack.namespace"] == "app" })
        #expect(create.first { $0.name == "app_front" }?.subnet == "10.0.9.0/24")
        #expect(create.first { $0.name == "app_front" }?.attachable == true)
        #expect(external == ["shared"])
    }

    @Test func refusalsInDockersWords() throws {
        let file = try ComposeLoader.load("services:\n  a:\n    image: x\n    deploy: {mode: replicated-job}\n  b:\n    image: y\n    deploy: {placement: {constraints: [node.id = 1]}}\n", file: "f.yml").file
        let results = StackConvert(namespace: "s", file: file).services()
        #expect(results.map(\.name) == ["s_a", "s_b"])
        // A job converts now; the constraint is refused as the daemon refuses it.
        #expect(try results[0].spec.get().mode == .replicatedJob(maxConcurrent: 1, total: 1))
        guard case .failure(let b) = results[1].spec else { Issue.record("converted"); return }
        #expect(b.message == "Error response from daemon: rpc error: code = InvalidArgument desc = constraint expected one operator from ==, !=")
    }

    @Test func stackConfigQuotesAsYAMLv3Does() {
        #expect(StackConfigYAML.quote("nginx:1.25") == "nginx:1.25")
        #expect(StackConfigYAML.quote("3306") == "\"3306\"")
        #expect(StackConfigYAML.quote("80:80") == "\"80:80\"")
        #expect(StackConfigYAML.quote("yes") == "\"yes\"")
        #expect(StackConfigYAML.quote("") == "\"\"")
        #expect(StackConfigYAML.quote("-DFOREGROUND") == "-DFOREGROUND")
        #expect(StackConfigYAML.quote("daemon off;") == "daemon off;")
        #expect(StackConfigYAML.quote("a: b") == "'a: b'")
        #expect(StackConfigYAML.quote("*x") == "'*x'")
        #expect(StackConfigYAML.duration("90s") == "1m30s")
    }

    @Test func aSecretFileIsReadBesideTheComposeFile() {
        let script = """
            hosts m1
            m1$ docker swarm init
            m1$ docker stack deploy -d -c broken/secrets.yml app
            """
        let file = ScenarioFilesTests.root.appendingPathComponent("Scenarios/stacks/t.swarm").path
        let parsed = ScenarioParser.parse(script, file: file)
        let report = ScenarioRunner(script: parsed.script).run()
        #expect(report.error == nil)
        #expect(report.outputs[2] == "Creating network app_default\nopen broken/db_password.txt: no such file or directory\n")
    }

    @Test func filesAreLookedUpBesideTheScenario() {
        #expect(ScenarioFiles.directory(of: "Scenarios/stacks/a.swarm") == "Scenarios/stacks")
        #expect(ScenarioFiles.directory(of: "a.swarm") == nil)
        let files = ScenarioFiles(directory: "/nonexistent")
        #expect(files.read("x.yml") == .failure(.init(message: "open x.yml: no such file or directory")))
    }
}
