import Compose
import Testing

/// Each kind of mistake in a compose file, with docker's message at the offending line.
@Suite struct ComposeErrorTests {
    @Test func yamlErrorsKeepTheirPosition() {
        #expect(failure("services:\n  web:\n    image: a\n   ports: y\n")
            == "docker-compose.yml:4:4: error: bad indentation of a mapping entry")
        #expect(failure("services:\n  web:\n    image: a\n    image: b\n")
            == "docker-compose.yml:4:5: error: mapping key \"image\" already defined at line 3")
        #expect(failure("") == "docker-compose.yml:1:1: error: empty compose file")
    }

    @Test func unknownKeys() {
        #expect(failure("services:\n  web:\n    imagee: nginx\n")
            == "docker-compose.yml:3:5: error: services.web Additional property imagee is not allowed")
        #expect(failure("service:\n  web: {}\n") == "docker-compose.yml:1:1: error: (root) Additional property service is not allowed")
        #expect(failure("x-anchors: {}\nservices:\n  web:\n    image: a\n    x-note: fine\n") == "no error")
        #expect(failure("services:\n  web:\n    image: a\n    deploy:\n      replica: 2\n")
            == "docker-compose.yml:5:7: error: services.web.deploy Additional property replica is not allowed")
    }

    @Test func wrongTypes() {
        #expect(failure("services:\n  web:\n    image: a\n    deploy:\n      replicas: two\n")
            == "docker-compose.yml:5:17: error: services.web.deploy.replicas must be a integer")
        #expect(failure("services:\n  web:\n    image: 3\n") == "docker-compose.yml:3:12: error: services.web.image must be a string")
        #expect(failure("services:\n  web:\n    image: a\n    ports: 80\n") == "docker-compose.yml:4:12: error: services.web.ports must be a list")
        #expect(failure("services:\n  web:\n    image: a\n    command: {a: 1}\n")
            == "docker-compose.yml:4:14: error: services.web.command must be a string or list")
        #expect(failure("services:\n  web:\n    image: a\n    environment: 3\n")
            == "docker-compose.yml:4:18: error: services.web.environment must be a mapping or list")
        #expect(failure("services:\n  web: nginx\n") == "docker-compose.yml:2:8: error: services.web must be a mapping")
    }

    @Test func missingImage() {
        #expect(failure("services:\n  web:\n    command: x\n")
            == "docker-compose.yml:2:3: error: invalid image reference for service web: no image specified")
    }

    @Test func forbiddenOptions() {
        #expect(failure("services:\n  web:\n    image: a\n    extends: base\n") == """
            docker-compose.yml:2:3: error: compose file contains unsupported options:

            extends: Support for `extends` is not implemented yet.

            """)
    }

    @Test func deployChecks() {
        #expect(failure("services:\n  web:\n    image: a\n    deploy: {mode: daemon}\n")
            == "docker-compose.yml:4:20: error: Unknown mode: daemon")
        #expect(failure("services:\n  web:\n    image: a\n    deploy: {mode: global, replicas: 2}\n")
            == "docker-compose.yml:4:38: error: replicas can only be used with replicated or replicated-job mode")
        #expect(failure("services:\n  web:\n    image: a\n    deploy:\n      update_config: {order: first}\n")
            == "docker-compose.yml:5:30: error: services.web.deploy.update_config.order must be one of the following: \"start-first\", \"stop-first\"")
    }

    @Test func badPorts() {
        #expect(failure("services:\n  web:\n    image: a\n    ports: [\"80:http\"]\n")
            == "docker-compose.yml:4:13: error: Invalid containerPort: http")
        #expect(failure("services:\n  web:\n    image: a\n    ports: [\"x:80\"]\n")
            == "docker-compose.yml:4:13: error: Invalid hostPort: x")
        #expect(failure("services:\n  web:\n    image: a\n    ports: [{published: 80}]\n")
            == "docker-compose.yml:4:13: error: services.web.ports.0 target is required")
    }

    @Test func undefinedReferences() {
        #expect(failure("services:\n  web:\n    image: a\n    networks: [back]\n")
            == "docker-compose.yml:3:5: error: undefined network \"back\"")
        #expect(failure("services:\n  web:\n    image: a\n    secrets: [pw]\n")
            == "docker-compose.yml:3:5: error: undefined secret \"pw\"")
        #expect(failure("services:\n  web:\n    image: a\n    configs: [c]\n")
            == "docker-compose.yml:3:5: error: undefined config \"c\"")
    }

    @Test func substitutionErrors() {
        #expect(failure("services:\n  web:\n    image: ${TAG?set TAG first}\n")
            == "docker-compose.yml:3:12: error: required variable TAG is missing a value: set TAG first")
        #expect(failure("services:\n  web:\n    image: ${TAG:?}\n", environment: ["TAG": ""])
            == "docker-compose.yml:3:12: error: required variable TAG is missing a value: ")
        #expect(failure("services:\n  web:\n    image: \"a${\"\n")
            == "docker-compose.yml:3:12: error: invalid interpolation format for services.web.image: \"a${\"; you may need to escape any $ with another $")
        #expect(failure("services:\n  web:\n    image: a$-\n")
            == "docker-compose.yml:3:12: error: invalid interpolation format for services.web.image: \"a$-\"; you may need to escape any $ with another $")
    }
}
