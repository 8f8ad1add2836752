import Testing
import SimCore
import Orchestration
@testable import Cluster

/// The daemon's list filters, table by table, and a filtered list through the engine.
@Suite struct EngineFilterTests {
    static let store: ClusterStore = {
        var s = ClusterStore()
        var i: UInt64 = 0
        func apply(_ c: StoreCommand) { i += 1; s.apply(c, at: i) }
        for (id, host, role) in [("mgr1aaaa", "m1", NodeRole.manager), ("wrk1bbbb", "w1", .worker), ("wrk2cccc", "w2", .worker)] {
            var node = NodeRecord(id: id, hostname: host, role: role, address: "10.0.0.1", engineVersion: "28.2.2",
                                  nanoCPUs: 1_000_000_000, memoryBytes: 1 << 30, createdAt: .zero)
            if host == "w1" { node.engineLabels = Labels([("ssd", ""), ("zone", "a")]) }
            if host == "w2" { node.labels = Labels([("rack", "r1")]) }
            apply(.addNode(node))
        }
        var web = ServiceSpec(name: "web", mode: .replicated(2), task: TaskTemplate(image: "nginx"))
        web.labels = Labels([("tier", "front")])
        apply(.createService(ServiceRecord(id: "svcweb01", spec: web, createdAt: .zero)))
        apply(.createService(ServiceRecord(id: "svcagt02", spec: ServiceSpec(name: "agent", mode: .global, task: TaskTemplate(image: "x")),
                                           createdAt: .zero)))
        for (id, service, slot, node) in [("tsk1", "svcweb01", 1, "wrk1bbbb"), ("tsk2", "svcweb01", 2, "wrk2cccc"), ("tsk3", "svcagt02", 0, "wrk1bbbb")] {
            guard let record = s.service(id: service) else { continue }
            apply(.putTask(TaskRecord(id: id, service: record, slot: slot, nodeID: node, desiredState: .running, at: .zero)))
        }
        return s
    }()

    static func nodes(_ filters: [(String, String)]) -> Result<[String], EngineError> {
        NodeFilters.table.answer(store.nodes.map { NodeView(record: $0, managerStatus: nil) }, EngineFilters(filters))
            .map { $0.map(\.record.hostname) }
    }

    @Test func nodeFiltersMatchAsSwarmkitDoes() {
        #expect(Self.nodes([("role", "worker")]) == .success(["w1", "w2"]))
        #expect(Self.nodes([("role", "MANAGER")]) == .success(["m1"]))
        #expect(Self.nodes([("name", "w")]) == .success(["w1", "w2"]))
        #expect(Self.nodes([("name", "w1"), ("name", "m")]) == .success(["m1", "w1"]))
        #expect(Self.nodes([("id", "wrk2")]) == .success(["w2"]))
        #expect(Self.nodes([("label", "ssd")]) == .success(["w1"]))
        #expect(Self.nodes([("label", "zone=b")]) == .success([]))
        #expect(Self.nodes([("node.label", "rack=r1")]) == .success(["w2"]))
        #expect(Self.nodes([("membership", "accepted"), ("role", "worker"), ("name", "w2")]) == .success(["w2"]))
    }

    @Test func aBadKeyOrValueIsTheDaemonsError() {
        #expect(Self.nodes([("colour", "red")]) == .failure(EngineError("invalid filter 'colour'")))
        #expect(Self.nodes([("role", "boss")]) == .failure(EngineError("Invalid role filter: 'boss'")))
        #expect(Self.nodes([("membership", "maybe")]) == .failure(EngineError("Invalid membership filter: 'maybe'")))
        // The first key refused, in the order given.
        #expect(Self.nodes([("role", "worker"), ("b", "1"), ("a", "2")]) == .failure(EngineError("invalid filter 'b'")))
        #expect(ServiceFilters.table.validate(EngineFilters([("image", "nginx")])) == EngineError("invalid filter 'image'"))
        #expect(NetworkFilters.table.validate(EngineFilters([("type", "mine")])) == EngineError("invalid filter: 'type'='mine'"))
    }

    @Test func serviceFiltersMatchNamePrefixModeAndLabels() {
        func names(_ f: [(String, String)]) -> [String] { ServiceFilters.table.select(Self.store.services, EngineFilters(f)).map(\.spec.name) }
        #expect(names([("name", "we")]) == ["web"])
        #expect(names([("mode", "global")]) == ["agent"])
        #expect(names([("label", "tier")]) == ["web"])
        #expect(names([("label", "tier=back")]) == [])
        #expect(names([("id", "svc")]).count == 2)
        #expect(names([]).count == 2)
    }

    @Test func taskFiltersResolveServiceAndNodeNames() {
        let store = Self.store
        let resolved = TaskFilters.resolved(EngineFilters([("service", "web"), ("node", "w1")]), in: store)
        #expect(resolved == .success(EngineFilters([("service", "svcweb01"), ("node", "wrk1bbbb")])))
        #expect(TaskFilters.resolved(EngineFilters([("service", "nosuch")]), in: store) == .failure(EngineError("service nosuch not found")))
        #expect(TaskFilters.resolved(EngineFilters([("node", "w9")]), in: store) == .failure(EngineError.noSuchNode("w9")))
        let table = TaskFilters.table(in: store)
        #expect(table.validate(EngineFilters([("desired-state", "sleeping")])) == EngineError("Invalid desired-state filter: 'sleeping'"))
        func ids(_ f: [(String, String)]) -> [String] { table.select(store.tasks, EngineFilters(f)).map(\.id).sorted() }
        #expect(ids([("node", "wrk1bbbb")]) == ["tsk1", "tsk3"])
        #expect(ids([("label", "tier=front")]) == ["tsk1", "tsk2"])
        #expect(ids([("name", "web.2")]) == ["tsk2"])
        #expect(ids([("desired-state", "running"), ("service", "svcagt02")]) == ["tsk3"])
        #expect(ids([("desired-state", "shutdown")]) == [])
    }

    @Test func networkFiltersMatchTypeScopeAndUse() {
        func view(_ name: String, _ form: NetworkView.Form, containers: Int = 0) -> NetworkView {
            var v = NetworkView(form: form, id: "id-" + name, name: name, driver: "overlay", scope: "swarm", created: .zero)
            v.containers = Array(repeating: .init(key: "c", name: "c", endpointID: "e", address: IPv4CIDR(10, 0, 0, 2, prefixLength: 24)),
                                 count: containers)
            return v
        }
        let views = [view("bridge", .local(.bridge)), view("backend", .cluster), view("ingress", .instantiated, containers: 1)]
        func names(_ f: [(String, String)]) -> [String] { NetworkFilters.table.select(views, EngineFilters(f)).map(\.name) }
        #expect(names([("type", "builtin")]) == ["bridge"])
        #expect(names([("type", "custom")]) == ["backend", "ingress"])
        #expect(names([("dangling", "true")]) == ["backend"])
        #expect(names([("dangling", "0")]) == ["bridge", "ingress"])
        #expect(names([("name", "end")]) == ["backend"])
        #expect(NetworkFilters.table.validate(EngineFilters([("dangling", "yes")])) != nil)
    }

    @Test func aFollowerAnswersAFilteredListFromTheLeader() {
        let h = Harness(managers: 3, workers: 2)
        h.form(managers: 3, workers: 2)
        let r = h.call(.get([.list(.node, EngineFilters([("role", "manager")])), .list(.node, EngineFilters([("colour", "red")]))]), on: "m2")
        guard case .success(.records(let answers)) = r, answers.count == 2, case .success(.nodes(let managers)) = answers[0] else {
            Issue.record("no answer: \(r)"); return
        }
        #expect(managers.map(\.record.hostname).sorted() == ["m1", "m2", "m3"])
        #expect(answers[1] == .failure(EngineError("invalid filter 'colour'")))
    }
}
