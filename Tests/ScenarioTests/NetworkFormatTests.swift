import Testing
import SimCore
import Orchestration
@testable import ScenarioLanguage
@testable import DockerClient
@testable import Cluster

/// docker's network output, from fixed views; `--network` flags into service specs.
@Suite struct NetworkFormatTests {
    static let netID = "q7h2m4k9x1c3v5b8n0z6l2j4d"

    static var record: NetworkRecord {
        var r = NetworkRecord(id: netID, spec: NetworkSpec(name: "backend"), createdAt: SimTime(nanoseconds: 12_500_000_000))
        r.subnet = IPv4CIDR(10, 0, 1, 0, prefixLength: 24)
        r.gateway = IPv4CIDR(10, 0, 1, 1, prefixLength: 24)
        r.vxlanID = 4097
        return r
    }

    static func view(_ form: NetworkView.Form) -> NetworkView {
        NetworkView(form: form, id: netID, name: "backend", driver: "overlay", scope: "swarm", created: record.createdAt, record: record)
    }

    // MARK: ls

    @Test func listIsSortedByNameWithTwelveCharacterIDs() {
        let host = NetworkView(form: .local(.host), id: String(repeating: "ab", count: 32), name: "host", driver: "host",
                               scope: "local", created: .zero)
        let ten = NetworkView(form: .cluster, id: "zz10", name: "net10", driver: "overlay", scope: "swarm", created: .zero)
        let two = NetworkView(form: .cluster, id: "zz2", name: "net2", driver: "overlay", scope: "swarm", created: .zero)
        #expect(DockerFormat.networkList([ten, host, Self.view(.cluster), two], quiet: false) == """
            NETWORK ID     NAME      DRIVER    SCOPE
            q7h2m4k9x1c3   backend   overlay   swarm
            abababababab   host      host      local
            zz2            net2      overlay   swarm
            zz10           net10     overlay   swarm

            """)
        #expect(DockerFormat.networkList([ten, Self.view(.cluster)], quiet: true) == "q7h2m4k9x1c3\nzz10\n")
    }

    // MARK: inspect

    @Test func aNetworkNotInstantiatedHereIsTheManagersAnswer() {
        #expect(DockerFormat.networkInspectJSON([Self.view(.cluster)]) == """
            [
                {
                    "Name": "backend",
                    "Id": "q7h2m4k9x1c3v5b8n0z6l2j4d",
                    "Created": "2026-01-01T00:00:12.5Z",
                    "Scope": "swarm",
                    "Driver": "overlay",
                    "EnableIPv4": true,
                    "EnableIPv6": false,
                    "IPAM": {
                        "Driver": "default",
                        "Options": null,
                        "Config": [
                            {
                                "Subnet": "10.0.1.0/24",
                                "Gateway": "10.0.1.1"
                            }
                        ]
                    },
                    "Internal": false,
                    "Attachable": false,
                    "Ingress": false,
                    "ConfigFrom": {
                        "Network": ""
                    },
                    "ConfigOnly": false,
                    "Containers": null,
                    "Options": {
                        "com.docker.network.driver.overlay.vxlanid_list": "4097"
                    },
                    "Labels": null
                }
            ]

            """)
    }

    @Test func anInstantiatedNetworkShowsEndpointsPeersAndWithVerboseItsServices() {
        var v = Self.view(.instantiated)
        v.containers = [
            .init(key: "c0ffee", name: "api.1.t1", endpointID: "e1", address: IPv4CIDR(10, 0, 1, 3, prefixLength: 24)),
            .init(key: "lb-backend", name: "backend-endpoint", endpointID: "e2", address: IPv4CIDR(10, 0, 1, 5, prefixLength: 24)),
        ]
        v.peers = [.init(name: "9b1368c8e294", ip: "192.168.0.11")]
        v.services = [.init(name: "api", vip: "10.0.1.2", ports: [], localLBIndex: 256,
                            tasks: [.init(name: "api.1.t1", endpointID: "e1", endpointIP: "10.0.1.3", hostIP: "192.168.0.11")])]
        let json = DockerFormat.networkJSON(v)
        #expect(json.contains("""
                    "ConfigOnly": false,
                    "Containers": {
                        "c0ffee": {
                            "Name": "api.1.t1",
                            "EndpointID": "e1",
                            "MacAddress": "02:42:0a:00:01:03",
                            "IPv4Address": "10.0.1.3/24",
                            "IPv6Address": ""
                        },
                        "lb-backend": {
                            "Name": "backend-endpoint",
                            "EndpointID": "e2",
                            "MacAddress": "02:42:0a:00:01:05",
                            "IPv4Address": "10.0.1.5/24",
                            "IPv6Address": ""
                        }
                    },
                    "Options": {
                        "com.docker.network.driver.overlay.vxlanid_list": "4097"
                    },
                    "Labels": {},
                    "Peers": [
                        {
                            "Name": "9b1368c8e294",
                            "IP": "192.168.0.11"
                        }
                    ],
                    "Services": {
                        "api": {
                            "VIP": "10.0.1.2",
                            "Ports": [],
                            "LocalLBIndex": 256,
                            "Tasks": [
                                {
                                    "Name": "api.1.t1",
                                    "EndpointID": "e1",
                                    "EndpointIP": "10.0.1.3",
                                    "Info": {
                                        "Host IP": "192.168.0.11"
                                    }
                                }
                            ]
                        }
                    }
                }
            """))
    }

    @Test func theEnginesOwnNetworksHaveTheirDriversOptions() {
        let host = DockerFormat.networkJSON(NetworkView(form: .local(.host), id: "h", name: "host", driver: "host", scope: "local", created: .zero))
        #expect(host.contains("""
                    "Created": "2026-01-01T00:00:00Z",
                    "Scope": "local",
                    "Driver": "host",
                    "EnableIPv4": true,
                    "EnableIPv6": false,
                    "IPAM": {
                        "Driver": "default",
                        "Options": null,
                        "Config": null
                    },
            """))
        #expect(host.contains("\"Containers\": {},\n        \"Options\": {},\n        \"Labels\": {}\n    }"))
        let bridge = DockerFormat.networkJSON(NetworkView(form: .local(.bridge), id: "b", name: "bridge", driver: "bridge", scope: "local", created: .zero))
        #expect(bridge.contains("\"Subnet\": \"172.17.0.0/16\",\n                    \"Gateway\": \"172.17.0.1\""))
        #expect(bridge.contains("\"com.docker.network.bridge.name\": \"docker0\""))
    }

    @Test func goTimesDropTrailingZeros() {
        #expect(DockerFormat.goTime(.zero) == "2026-01-01T00:00:00Z")
        #expect(DockerFormat.goTime(SimTime(nanoseconds: 2_003_453_449)) == "2026-01-01T00:00:02.003453449Z")
        #expect(DockerFormat.goTime(SimTime(nanoseconds: 61_250_000_000)) == "2026-01-01T00:01:01.25Z")
    }

    // MARK: Services on networks

    @Test func serviceInspectShowsVirtualIPsAndThePrettyFormNetworkNames() {
        var spec = ServiceSpec(name: "api", task: TaskTemplate(image: "nginx:latest"))
        spec.task.networks = [Self.netID]
        var s = ServiceRecord(id: "svc", spec: spec, createdAt: .zero)
        s.virtualIPs = [VirtualIP(networkID: Self.netID, address: IPv4CIDR(10, 0, 1, 2, prefixLength: 24))]
        #expect(DockerFormat.serviceInspectJSON([s]).contains("""
                    "Endpoint": {
                        "Spec": {
                            "Mode": "vip"
                        },
                        "VirtualIPs": [
                            {
                                "NetworkID": "q7h2m4k9x1c3v5b8n0z6l2j4d",
                                "Addr": "10.0.1.2/24"
                            }
                        ]
                    }
            """))
        #expect(DockerFormat.serviceInspectJSON([s]).contains("\"Networks\": [\n                    {\n                        \"Target\": \"q7h2m4k9x1c3v5b8n0z6l2j4d\""))
        let pretty = DockerFormat.serviceInspectPretty(s, now: .zero, networkName: { $0 == Self.netID ? "backend" : $0 })
        #expect(pretty.contains("\nNetworks: backend \nEndpoint Mode:\tvip\n"))
    }

    func invocation(_ line: String) -> DockerInvocation? {
        let parsed = ScenarioParser.parse("hosts m1\nm1$ " + line + "\n", file: "t.swarm")
        #expect(!parsed.hasErrors, "\(parsed.renderedDiagnostics)")
        for s in parsed.script.statements { if case .docker(_, let words) = s.statement { return try? DockerCLI.parse(words).get() } }
        return nil
    }

    let expand: WordExpander = { (w: Word) throws(Diagnostic) -> String in try w.expanded { _ in nil } }
    let ids = ["front": "n3", "back": "n1", "db": "n2"]

    func update(_ networks: [String], _ flags: String) throws(Diagnostic) -> [String] {
        guard let inv = invocation("docker service update " + flags + " web") else { return [] }
        var spec = ServiceSpec(name: "web", task: TaskTemplate(image: "nginx"))
        spec.task.networks = networks
        let ids = self.ids
        try spec.apply(update: inv, expand: expand, resolveNetwork: { ids[$0] ?? (ids.values.contains($0) ? $0 : nil) })
        return spec.task.networks
    }

    @Test func createSortsNetworksAsWritten() throws {
        guard let inv = invocation("docker service create --network front --network back nginx") else { return }
        #expect(try ServiceSpec(invocation: inv, expand: expand).task.networks == ["back", "front"])
    }

    @Test func updateResolvesNetworksToIDsAndSortsThem() throws {
        #expect(try update(["n3"], "--network-add db --network-add back") == ["n1", "n2", "n3"])
        #expect(try update(["n1", "n3"], "--network-rm front") == ["n1"])
        #expect(try update(["n1"], "--network-rm back --network-add back") == ["n1"])
    }

    @Test func updateRefusesAnUnknownNetworkOrOneAlreadyAttached() {
        #expect(throws: Diagnostic.self) { try update([], "--network-add nosuch") }
        do {
            _ = try update(["n1"], "--network-add back")
            Issue.record("no error")
        } catch {
            #expect(error.message == "service is already attached to network back")
        }
        do {
            _ = try update([], "--network-rm nosuch")
            Issue.record("no error")
        } catch {
            #expect(error.message == "Error response from daemon: network nosuch not found")
        }
    }
}
