import Compose
import Testing

func load(_ text: String, environment: [String: String] = [:]) throws -> ComposeLoader.Result {
    try ComposeLoader.load(text, file: "docker-compose.yml", environment: environment)
}

func failure(_ text: String, environment: [String: String] = [:]) -> String {
    do {
        _ = try load(text, environment: environment)
        return "no error"
    } catch {
        return "\(error)"
    }
}

/// The compose model: what each key becomes.
@Suite struct ComposeLoaderTests {
    @Test func studyNotesWebAndMySQL() throws {
        let text = """
            services:
              web:
                image: alicek106/composetest:web
                ports:
                  - 80:80
                links:
                  - mysql:db
                command: apachectl -DFOREGROUND
              mysql:
                image: alicek106/composetest:mysql
                command: mysqld

            """
        let result = try load(text)
        #expect(result.warnings == ["Ignoring unsupported options: links"])
        #expect(result.file.services.map(\.name) == ["web", "mysql"])
        let web = try #require(result.file.service("web"))
        #expect(web.image == "alicek106/composetest:web")
        #expect(web.ports == [ComposePort(target: 80, published: 80)])
        #expect(web.command == ["apachectl", "-DFOREGROUND"])
        #expect(result.file.service("mysql")?.command == ["mysqld"])
        #expect(result.file.service("mysql")?.deploy == ComposeDeploy())
    }

    @Test func serviceFields() throws {
        let text = """
            services:
              api:
                image: api:2
                entrypoint: ["/bin/sh", "-c"]
                command: 'echo "hello world"'
                environment:
                  - A=1
                  - B
                env_file: common.env
                labels:
                  team: core
                  tier: 2
                networks: [front]
                secrets:
                  - db_password
                  - source: api_key
                    target: key
                configs: [app]
                healthcheck:
                  test: curl -f http://localhost/
                  interval: 10s
                  retries: 3
            networks:
              front:
                driver: overlay
                attachable: true
                ipam:
                  config:
                    - subnet: 10.0.9.0/24
            secrets:
              db_password: {file: ./db.txt}
              api_key: {external: true}
            configs:
              app: {file: ./app.conf, name: app_v2}
            volumes:
              data:

            """
        let result = try load(text)
        let api = try #require(result.file.service("api"))
        #expect(api.entrypoint == ["/bin/sh", "-c"])
        #expect(api.command == ["echo", "hello world"])
        #expect(api.environment.map(\.key) == ["A", "B"])
        #expect(api.environment.map(\.value) == ["1", nil])
        #expect(api.envFiles == ["common.env"])
        #expect(api.labels.map { "\($0.key)=\($0.value)" } == ["team=core", "tier=2"])
        #expect(api.networks == ["front"])
        #expect(api.secrets == [ComposeReference(source: "db_password"), ComposeReference(source: "api_key", target: "key")])
        #expect(api.configs == [ComposeReference(source: "app")])
        #expect(api.healthcheck?.test == ["CMD-SHELL", "curl -f http://localhost/"])
        #expect(api.healthcheck?.interval == "10s")
        #expect(api.healthcheck?.retries == 3)
        var front = ComposeNetwork(key: "front")
        front.driver = "overlay"
        front.attachable = true
        front.subnets = ["10.0.9.0/24"]
        #expect(result.file.networks == [front])
        #expect(result.file.secrets.map(\.file) == ["./db.txt", nil])
        #expect(result.file.secrets.map(\.external) == [false, true])
        #expect(result.file.configs.first?.name == "app_v2")
        #expect(result.file.volumes == ["data"])
        #expect(result.warnings.isEmpty)
    }

    @Test func portsShortAndLong() throws {
        let text = """
            services:
              web:
                image: nginx
                ports:
                  - "8080:80"
                  - 53:53/udp
                  - "9000"
                  - 127.0.0.1:8443:443
                  - "7000-7001:70-71"
                  - target: 81
                    published: 8081
                    mode: host

            """
        #expect(try load(text).file.service("web")?.ports == [
            ComposePort(target: 80, published: 8080), ComposePort(target: 53, published: 53, protocol: "udp"),
            ComposePort(target: 9000, published: nil), ComposePort(target: 443, published: 8443),
            ComposePort(target: 70, published: 7000), ComposePort(target: 71, published: 7001),
            ComposePort(target: 81, published: 8081, mode: "host"),
        ])
    }

    @Test func deploySection() throws {
        let text = """
            x-update: &update
              parallelism: 2
              delay: 10s
              order: start-first
            services:
              web:
                image: nginx
                deploy:
                  mode: replicated
                  replicas: 6
                  endpoint_mode: vip
                  labels: [tier=front]
                  placement:
                    constraints: [node.role == worker]
                    preferences:
                      - spread: node.labels.zone
                    max_replicas_per_node: 2
                  resources:
                    limits: {cpus: '0.5', memory: 512M, pids: 100}
                    reservations: {cpus: 0.25, memory: 128M}
                  restart_policy:
                    condition: on-failure
                    delay: 5s
                    max_attempts: 3
                    window: 2m
                  update_config: *update
                  rollback_config:
                    <<: *update
                    failure_action: continue
                    max_failure_ratio: 0.2
              job:
                image: busybox
                deploy: {mode: global-job}

            """
        let file = try load(text).file
        let d = try #require(file.service("web")?.deploy)
        #expect(d.replicas == 6)
        #expect(d.endpointMode == "vip")
        #expect(d.labels == ["tier=front"])
        #expect(d.constraints == ["node.role == worker"])
        #expect(d.spreads == ["node.labels.zone"])
        #expect(d.maxReplicasPerNode == 2)
        #expect(d.limits == ComposeDeploy.Resources(cpus: "0.5", memory: "512M", pids: 100))
        #expect(d.reservations == ComposeDeploy.Resources(cpus: "0.25", memory: "128M"))
        #expect(d.restartPolicy?.condition == "on-failure")
        #expect(d.restartPolicy?.maxAttempts == 3)
        #expect(d.restartPolicy?.window == "2m")
        #expect(d.updateConfig?.parallelism == 2)
        #expect(d.updateConfig?.order == "start-first")
        #expect(d.rollbackConfig?.failureAction == "continue")
        #expect(d.rollbackConfig?.delay == "10s")
        #expect(d.rollbackConfig?.maxFailureRatio == 0.2)
        #expect(file.service("job")?.deploy.mode == "global-job")
    }

    @Test func variableSubstitution() throws {
        let text = """
            services:
              web:
                image: "nginx:${TAG:-1.25}"
                command: echo $$HOME ${GREETING} $NAME ${EMPTY-unset} ${EMPTY:-blank}
                deploy:
                  replicas: ${REPLICAS}

            """
        let result = try load(text, environment: ["REPLICAS": "4", "GREETING": "hi", "EMPTY": ""])
        let web = try #require(result.file.service("web"))
        #expect(web.image == "nginx:1.25")
        #expect(web.command == ["echo", "$HOME", "hi", "blank"])
        #expect(web.deploy.replicas == 4)
        #expect(result.warnings == ["The \"NAME\" variable is not set. Defaulting to a blank string."])
        #expect(try load(text, environment: ["REPLICAS": "1", "TAG": "2"]).file.service("web")?.image == "nginx:2")
    }

    @Test func unsupportedAndDeprecatedOptions() throws {
        let text = """
            services:
              web:
                image: nginx
                restart: always
                build: .
                container_name: web
                depends_on: [db]
              db:
                image: mysql
                links: [web]
                restart: always

            """
        #expect(try load(text).warnings == [
            "Ignoring unsupported options: build, links, restart",
            "Ignoring deprecated options:\n\ncontainer_name: Setting the container name is not supported.",
        ])
    }
}
