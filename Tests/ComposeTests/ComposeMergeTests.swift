import Compose
import Testing

/// `docker stack deploy -c a.yml -c b.yml`: the later file merged over the earlier.
@Suite struct ComposeMergeTests {
    static let base = """
        version: "3.8"
        services:
          web:
            image: nginx
            command: nginx -g "daemon off;"
            ports: ["8080:80"]
            environment: {A: "1", B: "2"}
            deploy: {replicas: 2}
        """

    @Test func laterValuesWinListsJoinCommandsAreReplaced() throws {
        let override = """
            services:
              web:
                command: [nginx, -T]
                ports: ["8080:80", "8443:443"]
                environment: {B: "3"}
                deploy: {replicas: 5}
              cache:
                image: redis
            """
        let r = try ComposeLoader.load(files: [("a.yml", Self.base), ("b.yml", override)])
        let web = try #require(r.file.service("web"))
        #expect(web.command == ["nginx", "-T"])
        #expect(web.deploy.replicas == 5)
        #expect(web.ports.map { "\($0.published ?? 0):\($0.target)" } == ["8080:80", "8443:443"])
        #expect(web.environment.map { "\($0.key)=\($0.value ?? "")" } == ["A=1", "B=3"])
        #expect(r.file.services.map(\.name) == ["web", "cache"])
        #expect(r.file.version == "3.8")
    }

    @Test func anOverrideNeedNotBeAWholeFile() throws {
        let r = try ComposeLoader.load(files: [("a.yml", Self.base), ("b.yml", "services:\n  web:\n    deploy:\n      replicas: 7\n")])
        #expect(r.file.service("web")?.deploy.replicas == 7)
        #expect(r.file.service("web")?.image == "nginx")
    }

    @Test func eachFileIsReadAndSubstitutedOnItsOwn() {
        do {
            _ = try ComposeLoader.load(files: [("a.yml", Self.base), ("b.yml", "services:\n  web:\n   image: x\n  bad: [")])
            Issue.record("no error")
        } catch {
            #expect(error.file == "b.yml")
            #expect(error.description.hasPrefix("b.yml:"))
        }
        do {
            _ = try ComposeLoader.load(files: [("a.yml", Self.base), ("b.yml", "services:\n  web:\n    image: nginx:${TAG?no tag}\n")])
            Issue.record("no error")
        } catch {
            #expect(error.description == "b.yml:3:12: error: required variable TAG is missing a value: no tag")
        }
    }

    @Test func noFilesIsDockersMessage() {
        do {
            _ = try ComposeLoader.load(files: [])
            Issue.record("no error")
        } catch {
            #expect(error.message == "Specify a Compose file (with --compose-file)")
        }
    }
}

/// Counts docker decodes as unsigned are refused when negative, at their line, before a spec
/// is built from them (a negative replica count must never reach the orchestrator).
@Suite struct ComposeCountTests {
    @Test(arguments: [
        ("deploy: {replicas: -1}", "docker-compose.yml:4:24: error: services.web.deploy.replicas must be greater than or equal to 0"),
        ("deploy: {placement: {max_replicas_per_node: -2}}", "docker-compose.yml:4:49: error: services.web.deploy.placement.max_replicas_per_node must be greater than or equal to 0"),
        ("deploy: {update_config: {parallelism: -1}}", "docker-compose.yml:4:43: error: services.web.deploy.update_config.parallelism must be greater than or equal to 0"),
        ("deploy: {restart_policy: {max_attempts: -1}}", "docker-compose.yml:4:45: error: services.web.deploy.restart_policy.max_attempts must be greater than or equal to 0"),
        ("ports: [{target: 70000}]", "docker-compose.yml:4:22: error: Invalid containerPort: 70000"),
    ])
    func negativeOrOutOfRange(_ line: String, _ message: String) {
        #expect(failure("services:\n  web:\n    image: nginx\n    \(line)\n") == message)
    }
}
