import Testing
import SimCore
import Orchestration
@testable import Cluster

/// Networks through the engine API: made on the leader, replicated to every manager.
@Suite struct NetworkEngineTests {
    func created(_ r: EngineResult) -> String? {
        if case .success(.created(let id)) = r { return id }
        Issue.record("not created: \(r)")
        return nil
    }

    func error(_ r: EngineResult) -> String? {
        if case .failure(let e) = r { return e.text }
        return nil
    }

    @Test func initMakesTheIngressNetworkAndEveryNodeGetsAnAddressOnIt() {
        let h = Harness(managers: 3, workers: 2)
        h.form(managers: 3, workers: 2)
        guard let store = h.swarm.allSeeing.freshestStore, let ingress = store.ingressNetwork else { Issue.record("no ingress"); return }
        #expect(ingress.name == "ingress" && ingress.id.count == 25)
        #expect(ingress.subnet.description == "10.0.0.0/24" && ingress.gateway.addressText == "10.0.0.1")
        let addresses = store.nodes.compactMap { store.nodeAddress($0.id, on: ingress.id)?.description }.sorted()
        #expect(addresses == ["10.0.0.2/24", "10.0.0.3/24", "10.0.0.4/24", "10.0.0.5/24", "10.0.0.6/24"])
        for m in ["m2", "m3"] {
            #expect(h.swarm.allSeeing.store(on: h.h(m))?.networks == store.networks)
            #expect(h.swarm.allSeeing.store(on: h.h(m))?.allocations == store.allocations)
        }
    }

    @Test func theIngressNetworkIDShiftsNoOtherID() {
        // Replay the identity stream as swarm init and one join draw from it: node, cluster,
        // Raft ID, CA digest, two tokens, then the worker's node ID. The ingress network's ID
        // comes from a stream of its own, keyed by the cluster.
        let h = Harness(seed: 5, managers: 1, workers: 1)
        h.form(managers: 1, workers: 1)
        var ids = IDGenerator(random: SeededRandom(seed: 5).child("identity"))
        let m1 = ids.newID(), cluster = ids.newID()
        _ = ids.newRaftID()
        let digest = ids.newCADigest()
        _ = ids.newJoinToken(caDigest: digest)
        _ = ids.newJoinToken(caDigest: digest)
        let w1 = ids.newID()
        #expect(h.swarm.nodeID(of: h.h("m1")) == m1 && h.swarm.nodeID(of: h.h("w1")) == w1)
        var ingress = IDGenerator(random: SeededRandom(seed: 5).child("ingress-network:" + cluster))
        #expect(h.swarm.allSeeing.freshestStore?.ingressNetwork?.id == ingress.newID())
    }

    @Test func aFollowerForwardsNetworkCreateAndServicesNameNetworksByID() {
        let h = Harness(managers: 3, workers: 1)
        h.form(managers: 3, workers: 1)
        guard let id = created(h.call(.networkCreate(NetworkSpec(name: "backend")), on: "m2")) else { return }
        #expect(error(h.call(.networkCreate(NetworkSpec(name: "backend")), on: "m3")) == "network with name backend already exists")
        h.wait(.seconds(1))
        #expect(h.swarm.allSeeing.store(on: h.h("m3"))?.network(id: id)?.subnet.description == "10.0.1.0/24")

        var spec = ServiceSpec(name: "api", mode: .replicated(2), task: TaskTemplate(image: "nginx:latest"))
        spec.task.networks = ["nosuch"]
        #expect(error(h.call(.serviceCreate(spec), on: "m1")) == "network nosuch not found")
        spec.task.networks = ["ingress"]
        #expect(error(h.call(.serviceCreate(spec), on: "m1"))
                == "rpc error: code = InvalidArgument desc = Service cannot be explicitly attached to the ingress network \"ingress\"")
        spec.task.networks = ["backend"]
        guard let service = created(h.call(.serviceCreate(spec), on: "m1")) else { return }
        h.wait(.seconds(5))
        let store = h.swarm.allSeeing.freshestStore
        #expect(store?.service(id: service)?.spec.task.networks == [id])
        #expect(store?.service(id: service)?.virtualIPs.map(\.address.description) == ["10.0.1.2/24"])
        let running = store?.tasks(ofService: service).filter { $0.status.state == .running } ?? []
        #expect(running.count == 2)
        #expect(running.allSatisfy { $0.networks.first?.networkID == id && $0.networks.first?.address != nil })

        #expect(error(h.call(.networkRemove("backend"), on: "m1"))
                == "rpc error: code = FailedPrecondition desc = network \(id) is in use by service \(service)")
        #expect(error(h.call(.networkRemove("ingress"), on: "w1"))
                == "This node is not a swarm manager. Worker nodes can't be used to view or modify cluster state. Please run this command on a manager node or promote the current node to a manager.")
        h.call(.serviceRemove(id: service), on: "m1")
        h.wait(.seconds(1))
        #expect(h.call(.networkRemove(String(id.prefix(6))), on: "m2") == .success(.done))
        #expect(error(h.call(.networkRemove("backend"), on: "m1")) == "network backend not found")
    }
}
