import Testing
import SimCore
@testable import Orchestration

@Suite struct NetworkStoreTests {
    static let t0 = SimTime.zero

    func node(_ id: String) -> NodeRecord {
        NodeRecord(id: id, hostname: id, role: .worker, address: "192.168.0.1", engineVersion: "28.2.2",
                   nanoCPUs: 1_000_000_000, memoryBytes: 1 << 30, createdAt: Self.t0)
    }

    func service(_ id: String, networks: [String] = [], ports: [PortConfig] = [], mode: EndpointSpec.Mode = .vip) -> ServiceRecord {
        var spec = ServiceSpec(name: "svc-\(id)", mode: .replicated(2), task: TaskTemplate(image: "nginx"))
        spec.task.networks = networks
        spec.endpoint = EndpointSpec(mode: mode, ports: ports)
        return ServiceRecord(id: id, spec: spec, createdAt: Self.t0)
    }

    func task(_ id: String, of s: ServiceRecord, slot: Int, node: String? = nil) -> TaskRecord {
        TaskRecord(id: id, service: s, slot: slot, nodeID: node, at: Self.t0)
    }

    func status(_ state: TaskState) -> TaskStatus { TaskStatus(state: state, timestamp: Self.t0, message: "") }

    /// A store with the ingress network, nodes n1 and n2, and the overlay "app" (ID "net1").
    func swarmStore() -> ClusterStore {
        var s = ClusterStore()
        let commands: [StoreCommand] = [
            .createNetwork(.ingress(id: "ing", createdAt: Self.t0)),
            .addNode(node("n1")), .addNode(node("n2")),
            .createNetwork(NetworkRecord(id: "net1", spec: NetworkSpec(name: "app"), createdAt: Self.t0)),
        ]
        for (i, c) in commands.enumerated() { s.apply(c, at: UInt64(i + 1)) }
        return s
    }

    func addresses(_ s: ClusterStore, task id: String) -> [String] {
        s.task(id: id)?.networks.map { $0.address?.description ?? "-" } ?? []
    }

    // MARK: Networks

    @Test func networksGetSerialSubnetsAndVXLANIDsAndNodesGetIngressAddresses() {
        let s = swarmStore()
        #expect(s.networks.map(\.id) == ["ing", "net1"])
        #expect(s.ingressNetwork?.subnet.description == "10.0.0.0/24")
        #expect(s.ingressNetwork?.gateway.description == "10.0.0.1/24")
        #expect(s.network(id: "net1")?.subnet.description == "10.0.1.0/24")
        #expect(s.networks.map(\.vxlanID) == [4096, 4097])
        #expect(s.nodeAddress("n1", on: "ing")?.description == "10.0.0.2/24")
        #expect(s.nodeAddress("n2", on: "ing")?.description == "10.0.0.3/24")
        #expect(s.nodeAddress("n1", on: "net1") == nil)
    }

    @Test func aRequestedSubnetIsKeptAndTheDefaultPoolSkipsIt() {
        var s = ClusterStore()
        s.apply(.createNetwork(NetworkRecord(id: "a", spec: NetworkSpec(name: "a", subnet: "10.0.0.0/16"), createdAt: Self.t0)), at: 1)
        s.apply(.createNetwork(NetworkRecord(id: "b", spec: NetworkSpec(name: "b"), createdAt: Self.t0)), at: 2)
        #expect(s.network(id: "a")?.subnet.description == "10.0.0.0/16")
        #expect(s.network(id: "b")?.subnet.description == "10.1.0.0/24")
    }

    @Test func aNetworkNameOrASecondIngressIsNotCreatedTwice() {
        var s = swarmStore()
        s.apply(.createNetwork(NetworkRecord(id: "net2", spec: NetworkSpec(name: "app"), createdAt: Self.t0)), at: 9)
        s.apply(.createNetwork(.ingress(id: "ing2", createdAt: Self.t0)), at: 10)
        #expect(s.networks.map(\.id) == ["ing", "net1"])
    }

    @Test func resolvingANetworkTriesIDThenNameThenUniquePrefix() {
        var s = swarmStore()
        s.apply(.createNetwork(NetworkRecord(id: "net2", spec: NetworkSpec(name: "net1"), createdAt: Self.t0)), at: 9)
        #expect(s.resolveNetwork("net1")?.id == "net1")     // the ID wins over the name
        #expect(s.resolveNetwork("app")?.id == "net1")
        #expect(s.resolveNetwork("in")?.id == "ing")
        #expect(s.resolveNetwork("net") == nil)             // ambiguous prefix
        #expect(s.resolveNetwork("") == nil)
    }

    // MARK: Services and tasks

    @Test func aServiceGetsAVIPOnIngressWhenItPublishesAndOnEachNetwork() {
        var s = swarmStore()
        s.apply(.createService(service("s1", networks: ["net1"], ports: [PortConfig(published: 8080, target: 80)])), at: 10)
        s.apply(.createService(service("s2", networks: ["net1"], mode: .dnsrr)), at: 11)
        s.apply(.createService(service("s3")), at: 12)
        #expect(s.service(id: "s1")?.virtualIPs == [VirtualIP(networkID: "ing", address: IPv4CIDR(10, 0, 0, 4, prefixLength: 24)),
                                                    VirtualIP(networkID: "net1", address: IPv4CIDR(10, 0, 1, 2, prefixLength: 24))])
        #expect(s.service(id: "s2")?.virtualIPs == [])
        #expect(s.service(id: "s3")?.virtualIPs == [])
    }

    @Test func anUpdateKeepsVIPsOnNetworksStillWantedAndReleasesTheOthers() {
        var s = swarmStore()
        s.apply(.createNetwork(NetworkRecord(id: "net2", spec: NetworkSpec(name: "db"), createdAt: Self.t0)), at: 9)
        let s1 = service("s1", networks: ["net1"], ports: [PortConfig(published: 8080, target: 80)])
        s.apply(.createService(s1), at: 10)
        var spec = s1.spec
        spec.task.networks = ["net2"]
        spec.endpoint.ports = []
        s.apply(.updateService(id: "s1", spec, at: Self.t0), at: 11)
        #expect(s.service(id: "s1")?.virtualIPs.map { "\($0.networkID) \($0.address)" } == ["net2 10.0.2.2/24"])
        #expect(!s.isAllocated(IPv4CIDR(10, 0, 0, 4, prefixLength: 24), on: "ing"))
        #expect(!s.isAllocated(IPv4CIDR(10, 0, 1, 2, prefixLength: 24), on: "net1"))
        s.apply(.removeService(id: "s1"), at: 12)
        #expect(!s.isAllocated(IPv4CIDR(10, 0, 2, 2, prefixLength: 24), on: "net2"))
    }

    @Test func tasksGetAnAddressPerNetworkAndNodesALoadBalancerWhileTheyRunTasks() {
        var s = swarmStore()
        let s1 = service("s1", networks: ["net1"], ports: [PortConfig(published: 8080, target: 80)])
        s.apply(.createService(s1), at: 10)                           // VIPs 10.0.0.4, 10.0.1.2
        s.apply(.putTask(task("t1", of: s1, slot: 1)), at: 11)
        s.apply(.putTask(task("t2", of: s1, slot: 2)), at: 12)
        #expect(addresses(s, task: "t1") == ["10.0.0.5/24", "10.0.1.3/24"])
        #expect(addresses(s, task: "t2") == ["10.0.0.6/24", "10.0.1.4/24"])
        #expect(s.task(id: "t1")?.networks.map(\.networkID) == ["ing", "net1"])

        for (i, id) in ["t1", "t2"].enumerated() {
            s.apply(.setTaskStatus(id: id, status(.pending)), at: 13)
            s.apply(.assignTask(id: id, nodeID: "n1", status(.assigned)), at: UInt64(14 + i))
        }
        // One load balancer per node and overlay, however many tasks; none on ingress (the
        // sandbox serves there).
        #expect(s.attachments(ofNode: "n1").map { "\($0.networkID) \($0.address?.description ?? "-")" }
                == ["ing 10.0.0.2/24", "net1 10.0.1.5/24"])

        s.apply(.setTaskStatus(id: "t1", status(.failed)), at: 20)
        #expect(addresses(s, task: "t1") == ["-", "-"])
        #expect(!s.isAllocated(IPv4CIDR(10, 0, 1, 3, prefixLength: 24), on: "net1"))
        #expect(s.nodeAddress("n1", on: "net1")?.description == "10.0.1.5/24")
        s.apply(.removeTask(id: "t2"), at: 21)
        #expect(s.nodeAddress("n1", on: "net1") == nil)
        #expect(!s.isAllocated(IPv4CIDR(10, 0, 1, 4, prefixLength: 24), on: "net1"))
        #expect(!s.isAllocated(IPv4CIDR(10, 0, 1, 5, prefixLength: 24), on: "net1"))

        // Serial: the next task takes the address after the last one given, not a freed one.
        s.apply(.putTask(task("t3", of: s1, slot: 1)), at: 22)
        #expect(addresses(s, task: "t3") == ["10.0.0.7/24", "10.0.1.6/24"])
    }

    @Test func aGlobalTaskBringsItsNodesLoadBalancerAtOnce() {
        var s = swarmStore()
        let s1 = service("s1", networks: ["net1"])
        s.apply(.createService(s1), at: 10)
        s.apply(.putTask(task("g1", of: s1, slot: 0, node: "n2")), at: 11)
        #expect(addresses(s, task: "g1") == ["10.0.1.3/24"])
        #expect(s.nodeAddress("n2", on: "net1")?.description == "10.0.1.4/24")
    }

    @Test func removingANodeReleasesItsAddresses() {
        var s = swarmStore()
        s.apply(.removeNode(id: "n1"), at: 10)
        #expect(s.attachments(ofNode: "n1").isEmpty)
        #expect(!s.isAllocated(IPv4CIDR(10, 0, 0, 2, prefixLength: 24), on: "ing"))
        s.apply(.addNode(node("n3")), at: 11)
        #expect(s.nodeAddress("n3", on: "ing")?.description == "10.0.0.4/24")
    }

    @Test func everyManagerAllocatesTheSameAddresses() {
        let s1 = service("s1", networks: ["net1"], ports: [PortConfig(published: 8080, target: 80)])
        let commands: [StoreCommand] = [
            .createService(s1),
            .batch([.putTask(task("t1", of: s1, slot: 1)), .putTask(task("t2", of: s1, slot: 2))]),
            .assignTask(id: "t2", nodeID: "n2", status(.assigned)),
            .setTaskStatus(id: "t1", status(.shutdown)),
            .putTask(task("t3", of: s1, slot: 1)),
        ]
        var a = swarmStore(), b = swarmStore()
        for (i, c) in commands.enumerated() { a.apply(c, at: UInt64(10 + i)) }
        for (i, c) in commands.enumerated() { b.apply(c, at: UInt64(10 + i)) }
        #expect(a == b)
        // No address is held twice.
        var held: [String] = []
        for t in a.tasks { for n in t.networks { if let addr = n.address { held.append("\(n.networkID) \(addr)") } } }
        for v in a.service(id: "s1")?.virtualIPs ?? [] { held.append("\(v.networkID) \(v.address)") }
        for id in ["n1", "n2"] { for n in a.attachments(ofNode: id) { held.append("\(n.networkID) \(n.address?.description ?? "")") } }
        #expect(Set(held).count == held.count)
        #expect(held.count == 9)
    }

    // MARK: Refusals

    @Test func createRefusesADuplicateNameABadSubnetAndASecondIngress() {
        let s = swarmStore()
        #expect(s.createNetworkError(NetworkSpec(name: "app")) == "network with name app already exists")
        #expect(s.createNetworkError(NetworkSpec(name: "x", subnet: "10.9.0.0")) == "invalid subnet 10.9.0.0: invalid CIDR block notation")
        #expect(s.createNetworkError(NetworkSpec(name: "x", subnet: "10.9.3.0/16")) == "invalid subnet 10.9.3.0/16: it should be 10.9.0.0/16")
        #expect(s.createNetworkError(NetworkSpec(name: "x", ingress: true))
                == "rpc error: code = AlreadyExists desc = ingress network (ing) is already present")
        #expect(s.createNetworkError(NetworkSpec(name: "x", subnet: "10.9.0.0/16")) == nil)
        var full = s
        full.apply(.createNetwork(NetworkRecord(id: "all", spec: NetworkSpec(name: "all", subnet: "10.0.0.0/8"), createdAt: Self.t0)), at: 20)
        #expect(full.createNetworkError(NetworkSpec(name: "x"))
                == "could not find an available, non-overlapping IPv4 address pool among the defaults to assign to the network")
        #expect(full.createNetworkError(NetworkSpec(name: "x", subnet: "192.168.7.0/24")) == nil)
    }

    @Test func removeRefusesANetworkInUseByAServiceOrARunningTask() {
        var s = swarmStore()
        let s1 = service("s1", networks: ["net1"])
        s.apply(.createService(s1), at: 10)
        s.apply(.putTask(task("t1", of: s1, slot: 1)), at: 11)
        #expect(s.removeNetworkError(id: "net1") == "rpc error: code = FailedPrecondition desc = network net1 is in use by service s1")
        s.apply(.removeService(id: "s1"), at: 12)
        #expect(s.removeNetworkError(id: "net1") == "rpc error: code = FailedPrecondition desc = network net1 is in use by task t1")
        s.apply(.setTaskDesiredState(id: "t1", .remove, at: Self.t0), at: 13)
        #expect(s.removeNetworkError(id: "net1") == nil)
        s.apply(.removeNetwork(id: "net1"), at: 14)
        #expect(s.network(id: "net1") == nil && s.resolveNetwork("app") == nil)
        #expect(s.removeNetworkError(id: "net1") == "network net1 not found")
    }

    @Test func theIngressNetworkCannotGoWhileAServicePublishes() {
        var s = swarmStore()
        s.apply(.createService(service("s1", ports: [PortConfig(published: 8080, target: 80)])), at: 10)
        #expect(s.removeNetworkError(id: "ing")
                == "rpc error: code = FailedPrecondition desc = ingress network cannot be removed because service s1 depends on it")
        s.apply(.removeService(id: "s1"), at: 11)
        #expect(s.removeNetworkError(id: "ing") == nil)
    }

    @Test func serviceNetworksResolveToIDsOnce() throws {
        let s = swarmStore()
        var spec = service("s1").spec
        spec.task.networks = ["app", "net1"]
        #expect(try s.resolvingNetworks(of: spec).get().task.networks == ["net1"])
        spec.task.networks = ["nope"]
        #expect(s.resolvingNetworks(of: spec) == .failure(.notFound("nope")))
        #expect(NetworkReferenceError.notFound("nope").description == "network nope not found")
        spec.task.networks = ["ingress"]
        #expect(s.resolvingNetworks(of: spec) == .failure(.ingress("ingress")))
        #expect(NetworkReferenceError.ingress("ingress").description
                == "rpc error: code = InvalidArgument desc = Service cannot be explicitly attached to the ingress network \"ingress\"")
    }
}

/// Random service, task and node changes; after each, every address is held once, every held
/// address is taken in its pool and every taken one is held, and nodes hold load balancers
/// exactly where they run tasks.
@Suite struct NetworkAllocationPropertyTests {
    @Test(arguments: [UInt64(1), 2, 3, 4, 5])
    func theBooksBalanceAfterEveryCommand(seed: UInt64) {
        var random = SeededRandom(seed: seed)
        var store = ClusterStore()
        var index: UInt64 = 0
        func apply(_ c: StoreCommand) { index += 1; store.apply(c, at: index) }
        apply(.createNetwork(.ingress(id: "ing", createdAt: .zero)))
        // na never fills up; nb (13 addresses) fills, wraps around and refuses.
        for (n, subnet) in [("na", "10.8.0.0/22"), ("nb", "10.5.0.0/28")] {
            apply(.createNetwork(NetworkRecord(id: n, spec: NetworkSpec(name: n, subnet: subnet), createdAt: .zero)))
        }
        var nodes: [String] = [], gone: [String] = []
        var nextID = 0
        func fresh(_ prefix: String) -> String { nextID += 1; return "\(prefix)\(nextID)" }

        for _ in 0..<400 {
            let services = store.services, tasks = store.tasks
            switch random.below(9) {
            case 0:
                let id = fresh("n")
                nodes.append(id)
                apply(.addNode(NodeRecord(id: id, hostname: id, role: .worker, address: "192.168.0.1", engineVersion: "28.2.2",
                                          nanoCPUs: 1, memoryBytes: 1, createdAt: .zero)))
            case 1 where !nodes.isEmpty:
                let id = nodes.remove(at: Int(random.below(UInt64(nodes.count))))
                gone.append(id)
                apply(.removeNode(id: id))
            case 2, 3:
                var spec = ServiceSpec(name: fresh("s"), task: TaskTemplate(image: "nginx"))
                spec.task.networks = ["na", "nb"].filter { _ in random.chance(0.6) }
                if random.chance(0.4) { spec.endpoint.ports = [PortConfig(published: nil, target: 80)] }
                if random.chance(0.2) && spec.endpoint.ports.isEmpty { spec.endpoint.mode = .dnsrr }
                apply(.createService(ServiceRecord(id: fresh("svc"), spec: spec, createdAt: .zero)))
            case 4 where !services.isEmpty:
                let s = services[Int(random.below(UInt64(services.count)))]
                if random.chance(0.3) { apply(.removeService(id: s.id)); break }
                var spec = s.spec
                spec.task.networks = ["nb", "na"].filter { _ in random.chance(0.5) }
                spec.endpoint.ports = random.chance(0.5) ? [] : [PortConfig(published: nil, target: 80)]
                apply(.updateService(id: s.id, spec, at: .zero))
            case 5 where !services.isEmpty:
                let s = services[Int(random.below(UInt64(services.count)))]
                // Now and then a node that has left: it must get no load balancer.
                let candidates = random.chance(0.1) ? gone : nodes
                let node = random.chance(0.3) && !candidates.isEmpty ? candidates[Int(random.below(UInt64(candidates.count)))] : nil
                apply(.putTask(TaskRecord(id: fresh("t"), service: s, slot: node == nil ? 1 : 0, nodeID: node, at: .zero)))
            case 6 where !tasks.isEmpty && !nodes.isEmpty:
                let t = tasks[Int(random.below(UInt64(tasks.count)))]
                let candidates = random.chance(0.1) && !gone.isEmpty ? gone : nodes
                apply(.assignTask(id: t.id, nodeID: candidates[Int(random.below(UInt64(candidates.count)))],
                                  TaskStatus(state: .assigned, timestamp: .zero, message: "")))
            case 7 where !tasks.isEmpty:
                let t = tasks[Int(random.below(UInt64(tasks.count)))]
                let state: TaskState = [.pending, .running, .failed, .shutdown][Int(random.below(4))]
                apply(.setTaskStatus(id: t.id, TaskStatus(state: state, timestamp: .zero, message: "")))
            case 8 where !tasks.isEmpty:
                apply(.removeTask(id: tasks[Int(random.below(UInt64(tasks.count)))].id))
            default:
                break
            }
            check(store)
        }
    }

    func check(_ store: ClusterStore) {
        var held: [String: [IPv4CIDR]] = [:]
        func hold(_ network: String, _ address: IPv4CIDR?) { if let address { held[network, default: []].append(address) } }
        for s in store.services { for v in s.virtualIPs { hold(v.networkID, v.address) } }
        for t in store.tasks {
            if t.status.state > .running { #expect(t.networks.allSatisfy { $0.address == nil }, "stopped task \(t.id) holds an address") }
            for a in t.networks { hold(a.networkID, a.address) }
        }
        for n in store.nodes { for a in store.attachments(ofNode: n.id) { hold(a.networkID, a.address) } }
        for network in store.networks {
            let mine = (held[network.id] ?? []).sorted()
            #expect(Set(mine).count == mine.count, "an address on \(network.name) is held twice")
            #expect(store.allocations.pools[network.id]?.allocated == mine, "pool of \(network.name) and its holders disagree")
        }
        // A node holds a load balancer on an overlay only while it runs a task there, and on a
        // network with room, always then.
        for n in store.nodes {
            for network in store.networks where !network.isIngress {
                let runs = store.tasks(onNode: n.id).contains { t in
                    t.status.state <= .running && t.networks.contains { $0.networkID == network.id && $0.address != nil }
                }
                let balancer = store.nodeAddress(n.id, on: network.id) != nil
                #expect(!balancer || runs, "node \(n.id) keeps a load balancer on \(network.name) with no task there")
                if network.id == "na" { #expect(balancer || !runs, "node \(n.id) runs a task on na but has no load balancer") }
            }
        }
    }
}
