import Testing
import SimCore
import Orchestration
@testable import ScenarioLanguage
@testable import DockerClient
import Cluster

/// docker's service and task output, from a fixed store.
@Suite struct ServiceFormatTests {
    static func t(_ seconds: Int64) -> SimTime { SimTime(nanoseconds: seconds * 1_000_000_000) }

    static let web = "kx3s1gq7d3bg0c3m5nlz8r2ab"
    static let agent = "p0q9w8e7r6t5y4u3i2o1a2s3d"
    static let api = "a1b2c3d4e5f6g7h8i9j0k1l2m"
    let now = ServiceFormatTests.t(68)

    /// Three nodes (w3 down), three services, and their tasks.
    static let store: ClusterStore = {
        var s = ClusterStore()
        var i: UInt64 = 0
        func apply(_ c: StoreCommand) { i += 1; s.apply(c, at: i) }
        for (n, host, state) in [("node1", "w1", NodeState.ready), ("node2", "w2", .ready), ("node3", "w3", .down)] {
            apply(.addNode(NodeRecord(id: n, hostname: host, role: .worker, address: "10.0.0.1", engineVersion: "28.2.2",
                                      nanoCPUs: 2_000_000_000, memoryBytes: 1 << 30, createdAt: .zero)))
            apply(.setNodeState(id: n, state, message: "", at: .zero))
        }
        var webSpec = ServiceSpec(name: "web", mode: .replicated(3), task: TaskTemplate(image: "nginx:1.25@sha256:4c0fdaa8b634"))
        webSpec.endpoint.ports = [PortConfig(published: 8080, target: 80)]
        webSpec.task.args = ["nginx", "-g", "daemon off;"]
        apply(.createService(ServiceRecord(id: web, spec: webSpec, createdAt: .zero)))
        apply(.createService(ServiceRecord(id: agent, spec: ServiceSpec(name: "agent", mode: .global,
                                                                          task: TaskTemplate(image: "prom/node-exporter:latest")),
                                           createdAt: .zero)))
        var apiSpec = ServiceSpec(name: "api", mode: .replicated(2), task: TaskTemplate(image: "redis:7"))
        apiSpec.task.maxReplicasPerNode = 1
        apply(.createService(ServiceRecord(id: api, spec: apiSpec, createdAt: .zero)))

        func task(_ id: String, _ service: String, _ name: String, slot: Int, node: String?, state: TaskState,
                  desired: TaskState = .running, created: Int64, at: Int64, error: String? = nil) {
            guard let record = s.service(id: service) else { return }
            var task = TaskRecord(id: id, service: record, slot: slot, nodeID: node, desiredState: desired, at: t(created))
            task.status = TaskStatus(state: state, timestamp: t(at), message: "started", error: error,
                                     containerID: node == nil ? nil : id + "c0ffee" + id, exitCode: state == .failed ? 1 : nil)
            apply(.putTask(task))
        }
        task("w1aaaaaaaaaaaaaaaaaaaaaaa", web, "web", slot: 1, node: "node1", state: .running, created: 1, at: 60)
        task("w2bbbbbbbbbbbbbbbbbbbbbbb", web, "web", slot: 2, node: "node2", state: .running, created: 1, at: 60)
        task("w3ccccccccccccccccccccccc", web, "web", slot: 3, node: "node3", state: .failed, desired: .shutdown,
             created: 1, at: 20, error: "task: non-zero exit (1)")
        task("w3ddddddddddddddddddddddd", web, "web", slot: 3, node: "node2", state: .running, created: 25, at: 67)
        task("g1eeeeeeeeeeeeeeeeeeeeeee", agent, "agent", slot: 0, node: "node1", state: .running, created: 1, at: 8)
        task("g2fffffffffffffffffffffff", agent, "agent", slot: 0, node: "node2", state: .running, created: 1, at: 8)
        task("g3ggggggggggggggggggggggg", agent, "agent", slot: 0, node: "node3", state: .running, desired: .shutdown,
             created: 1, at: 8)
        task("a1hhhhhhhhhhhhhhhhhhhhhhh", api, "api", slot: 1, node: "node1", state: .running, created: 1, at: 67)
        task("a2iiiiiiiiiiiiiiiiiiiiiii", api, "api", slot: 2, node: nil, state: .pending, created: 1, at: 3,
             error: "no suitable node (max replicas per node limit exceed; 1 node not available for new tasks)")
        return s
    }()

    var store: ClusterStore { Self.store }

    // MARK: service ls

    @Test func serviceLsShowsRunningOverDesiredAndIngressPorts() {
        #expect(DockerFormat.serviceList(store.services.map { ServiceView(record: $0, status: ServiceStatus(of: $0, in: store)) }, quiet: false) == """
            ID             NAME      MODE         REPLICAS               IMAGE                       PORTS
            p0q9w8e7r6t5   agent     global       3/2                    prom/node-exporter:latest
            a1b2c3d4e5f6   api       replicated   1/2 (max 1 per node)   redis:7
            kx3s1gq7d3bg   web       replicated   3/3                    nginx:1.25                  *:8080->80/tcp

            """)
    }

    @Test func serviceLsQuietPrintsShortIDs() {
        #expect(DockerFormat.serviceList(store.services.map { ServiceView(record: $0, status: ServiceStatus(of: $0, in: store)) }, quiet: true) == "p0q9w8e7r6t5\na1b2c3d4e5f6\nkx3s1gq7d3bg\n")
    }

    @Test func consecutiveIngressPortsMergeIntoRanges() {
        let ports = [PortConfig(published: 8081, target: 81), PortConfig(published: 8080, target: 80),
                     PortConfig(published: 53, target: 53, protocol: .udp), PortConfig(published: 9000, target: 80),
                     PortConfig(published: 7000, target: 70, publishMode: .host)]
        #expect(DockerFormat.ingressPorts(ports) == "*:8080-8081->80-81/tcp, *:9000->80/tcp, *:53->53/udp")
    }

    // MARK: service ps

    @Test func servicePsShowsHistoryRowsAndVirtualTime() {
        #expect(DockerFormat.taskList(store.tasks(ofService: Self.web), names: IDResolver(services: store.services, nodes: store.nodes), now: now, noTrunc: false, quiet: false) == #"""
            ID             NAME        IMAGE        NODE      DESIRED STATE   CURRENT STATE           ERROR                       PORTS
            w1aaaaaaaaaa   web.1       nginx:1.25   w1        Running         Running 8 seconds ago
            w2bbbbbbbbbb   web.2       nginx:1.25   w2        Running         Running 8 seconds ago
            w3dddddddddd   web.3       nginx:1.25   w2        Running         Running 1 second ago
            w3cccccccccc    \_ web.3   nginx:1.25   w3        Shutdown        Failed 48 seconds ago   "task: non-zero exit (1)"

            """#)
    }

    @Test func errorsAreCutTo30CharactersUnlessNoTrunc() {
        let tasks = store.tasks(ofService: Self.api)
        let cut = DockerFormat.taskList(tasks, names: IDResolver(services: store.services, nodes: store.nodes), now: now, noTrunc: false, quiet: false)
        #expect(cut.contains(#""no suitable node (max replica…""#))
        #expect(cut.contains("Pending about a minute ago"))
        let full = DockerFormat.taskList(tasks, names: IDResolver(services: store.services, nodes: store.nodes), now: now, noTrunc: true, quiet: false)
        #expect(full.contains(#""no suitable node (max replicas per node limit exceed; 1 node not available for new tasks)""#))
        #expect(full.contains("a2iiiiiiiiiiiiiiiiiiiiiii"))
    }

    @Test func globalTasksAreNamedByNodeAndDigestsShowWithNoTrunc() {
        let out = DockerFormat.taskList(store.tasks(ofService: Self.agent), names: IDResolver(services: store.services, nodes: store.nodes), now: now, noTrunc: false, quiet: true)
        #expect(out == "g1eeeeeeeeee\ng2ffffffffff\ng3gggggggggg\n")
        let rows = DockerFormat.taskList(store.tasks(ofService: Self.agent), names: IDResolver(services: store.services, nodes: store.nodes), now: now, noTrunc: false, quiet: false)
        #expect(rows.contains("agent.node1 ") && rows.contains("Running about a minute ago"))
        let web = DockerFormat.taskList(store.tasks(ofService: Self.web), names: IDResolver(services: store.services, nodes: store.nodes), now: now, noTrunc: true, quiet: false)
        #expect(web.contains("nginx:1.25@sha256:4c0fdaa8b634"))
    }

    @Test func nodePsListsEveryTaskOnTheNode() {
        let out = DockerFormat.taskList(store.tasks(onNode: "node2"), names: IDResolver(services: store.services, nodes: store.nodes), now: now, noTrunc: false, quiet: false)
        let names = out.split(separator: "\n").dropFirst().map { $0.split(separator: " ", omittingEmptySubsequences: true)[1] }
        #expect(names == ["agent.node2", "web.2", "web.3"])
    }

    @Test func currentStateUsesGoUnitsHumanDuration() {
        let status = TaskStatus(state: .running, timestamp: .zero, message: "")
        #expect(DockerFormat.currentState(status, now: Self.t(0)) == "Running less than a second ago")
        #expect(DockerFormat.currentState(status, now: Self.t(90)) == "Running about a minute ago")
        #expect(DockerFormat.currentState(status, now: Self.t(3 * 3600)) == "Running 3 hours ago")
    }

    // MARK: docker ps

    @Test func dockerPsShowsTheHostsRunningContainers() {
        let out = DockerFormat.containerList(store.tasks(onNode: "node2"), now: now, all: false, noTrunc: false, quiet: false)
        #expect(out == """
            CONTAINER ID   IMAGE                       COMMAND                  CREATED              STATUS              PORTS     NAMES
            w3dddddddddd   nginx:1.25                  "nginx -g daemon off;"   43 seconds ago       Up 1 second                   web.3.w3ddddddddddddddddddddddd
            w2bbbbbbbbbb   nginx:1.25                  "nginx -g daemon off;"   About a minute ago   Up 8 seconds                  web.2.w2bbbbbbbbbbbbbbbbbbbbbbb
            g2ffffffffff   prom/node-exporter:latest   ""                       About a minute ago   Up About a minute             agent.node2.g2fffffffffffffffffffffff

            """)
        let ids = DockerFormat.containerList(store.tasks(onNode: "node2"), now: now, all: false, noTrunc: false, quiet: true)
        #expect(ids == "w3dddddddddd\nw2bbbbbbbbbb\ng2ffffffffff\n")
    }

    @Test func dockerPsAllShowsExitedContainers() {
        let out = DockerFormat.containerList(store.tasks(onNode: "node3"), now: now, all: true, noTrunc: false, quiet: false)
        #expect(out.contains("Exited (1) 48 seconds ago"))
        #expect(DockerFormat.containerList(store.tasks(onNode: "node3"), now: now, all: false, noTrunc: false, quiet: true)
                == "g3gggggggggg\n")
    }

    // MARK: service inspect

    @Test func inspectPrettyRendersDockersTemplate() {
        guard let web = store.service(id: Self.web) else { return }
        #expect(DockerFormat.serviceInspectPretty(web, now: now) == """

            ID:\t\tkx3s1gq7d3bg0c3m5nlz8r2ab
            Name:\t\tweb
            Service Mode:\tReplicated
             Replicas:\t3
            Placement:
            UpdateConfig:
             Parallelism:\t1
             On failure:\tpause
             Monitoring Period: 5s
             Max failure ratio: 0
             Update order:      stop-first
            RollbackConfig:
             Parallelism:\t1
             On failure:\tpause
             Monitoring Period: 5s
             Max failure ratio: 0
             Rollback order:    stop-first
            ContainerSpec:
             Image:\t\tnginx:1.25@sha256:4c0fdaa8b634
             Args:\t\tnginx -g daemon off;\u{20}
             Init:\t\tfalse
            Resources:
            Endpoint Mode:\tvip
            Ports:
             PublishedPort = 8080
              Protocol = tcp
              TargetPort = 80
              PublishMode = ingress\u{20}


            """)
    }

    @Test func inspectPrettyShowsUpdateStatusPlacementAndResources() {
        var spec = ServiceSpec(name: "db", mode: .global, task: TaskTemplate(image: "postgres:16"))
        spec.labels["tier"] = "data"
        spec.task.constraints = [PlacementConstraint(key: "node.role", op: .equal, value: "worker")]
        spec.task.preferences = ["node.labels.zone"]
        spec.task.reservations = .init(nanoCPUs: 500_000_000, memoryBytes: 512 << 20)
        spec.task.limits = .init(nanoCPUs: 2_000_000_000)
        spec.task.env = ["A=1"]
        spec.update.delay = .seconds(90)
        spec.update.maxFailureRatio = 0.2
        spec.task.networks = ["backend"]
        var record = ServiceRecord(id: "dbid", spec: spec, createdAt: .zero)
        record.updateStatus = UpdateStatus(state: .completed, message: "update completed", startedAt: Self.t(8), completedAt: Self.t(38))
        #expect(DockerFormat.serviceInspectPretty(record, now: now) == """

            ID:\t\tdbid
            Name:\t\tdb
            Labels:
             tier=data
            Service Mode:\tGlobal
            UpdateStatus:
             State:\t\tcompleted
             Started:\tAbout a minute ago
             Completed:\t30 seconds ago
             Message:\tupdate completed
            Placement:
             Constraints:\t[node.role==worker]
             Preferences:   [spread=node.labels.zone]
            UpdateConfig:
             Parallelism:\t1
             Delay:\t\t1m30s
             On failure:\tpause
             Monitoring Period: 5s
             Max failure ratio: 0.2
             Update order:      stop-first
            RollbackConfig:
             Parallelism:\t1
             On failure:\tpause
             Monitoring Period: 5s
             Max failure ratio: 0
             Rollback order:    stop-first
            ContainerSpec:
             Image:\t\tpostgres:16
             Env:\t\tA=1\u{20}
             Init:\t\tfalse
            Resources:
             Reservations:
              CPU:\t\t0.5
              Memory:\t512MiB
             Limits:
              CPU:\t\t2
            Networks: backend\u{20}
            Endpoint Mode:\tvip


            """)
    }

    @Test func inspectJSONShowsSpecEndpointAndUpdateStatus() {
        var record = ServiceRecord(id: "sid", spec: ServiceSpec(name: "db", mode: .global, task: TaskTemplate(image: "redis:7")),
                                   createdAt: Self.t(5))
        record.version = 12
        record.updateStatus = UpdateStatus(state: .rollbackStarted, message: "manually requested rollback", startedAt: Self.t(9))
        #expect(DockerFormat.serviceInspectJSON([record]) == """
            [
                {
                    "ID": "sid",
                    "Version": {
                        "Index": 12
                    },
                    "CreatedAt": "2026-01-01T00:00:05.000000000Z",
                    "UpdatedAt": "2026-01-01T00:00:05.000000000Z",
                    "Spec": {
                        "Name": "db",
                        "Labels": {},
                        "TaskTemplate": {
                            "ContainerSpec": {
                                "Image": "redis:7",
                                "Init": false,
                                "StopGracePeriod": 10000000000
                            },
                            "Resources": {
                                "Limits": {},
                                "Reservations": {}
                            },
                            "RestartPolicy": {
                                "Condition": "any",
                                "Delay": 5000000000,
                                "MaxAttempts": 0
                            },
                            "Placement": {},
                            "ForceUpdate": 0,
                            "Runtime": "container"
                        },
                        "Mode": {
                            "Global": {}
                        },
                        "UpdateConfig": {
                            "Parallelism": 1,
                            "FailureAction": "pause",
                            "Monitor": 5000000000,
                            "MaxFailureRatio": 0,
                            "Order": "stop-first"
                        },
                        "RollbackConfig": {
                            "Parallelism": 1,
                            "FailureAction": "pause",
                            "Monitor": 5000000000,
                            "MaxFailureRatio": 0,
                            "Order": "stop-first"
                        },
                        "EndpointSpec": {
                            "Mode": "vip"
                        }
                    },
                    "Endpoint": {
                        "Spec": {
                            "Mode": "vip"
                        }
                    },
                    "UpdateStatus": {
                        "State": "rollback_started",
                        "StartedAt": "2026-01-01T00:00:09.000000000Z",
                        "Message": "manually requested rollback"
                    }
                }
            ]

            """)
        #expect(DockerFormat.serviceInspectJSON([]) == "[]\n")
    }

    @Test func goDurationsPrintAsGoPrintsThem() {
        #expect(DockerFormat.goDuration(.seconds(10)) == "10s")
        #expect(DockerFormat.goDuration(.seconds(60)) == "1m0s")
        #expect(DockerFormat.goDuration(.hours(1)) == "1h0m0s")
        #expect(DockerFormat.goDuration(.milliseconds(1500)) == "1.5s")
        #expect(DockerFormat.goDuration(.microseconds(250)) == "250µs")
        #expect(DockerFormat.goDuration(.zero) == "0s")
    }

    // MARK: Acknowledgements

    @Test func commandsPrintWhatDockerPrints() {
        #expect(DockerFormat.serviceCreated(id: Self.web) == Self.web + "\n")
        #expect(DockerFormat.serviceScaled("web", to: 5) == "web scaled to 5\n")
        #expect(DockerFormat.serviceNamed("web") == "web\n")
    }
}
