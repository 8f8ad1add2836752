import Testing
import SimCore
@testable import Orchestration

@Suite struct ServiceValidationTests {
    func spec(_ name: String, ports: [PortConfig] = [], mode: ServiceMode = .replicated(1)) -> ServiceSpec {
        var s = ServiceSpec(name: name, mode: mode, task: TaskTemplate(image: "nginx"))
        s.endpoint.ports = ports
        return s
    }

    var store: ClusterStore {
        var s = ClusterStore()
        s.apply(.createService(ServiceRecord(id: "s1", spec: spec("web", ports: [PortConfig(published: 8080, target: 80)]), createdAt: .zero)), at: 1)
        s.apply(.createService(ServiceRecord(id: "s2", spec: spec("edge", ports: [PortConfig(published: 9000, target: 80, publishMode: .host)]),
                                             createdAt: .zero)), at: 2)
        return s
    }

    @Test func aNameMayOnlyBeUsedOnce() {
        #expect(store.createServiceError(spec("web")) == "rpc error: code = AlreadyExists desc = name conflicts with an existing object: service web already exists")
        #expect(store.createServiceError(spec("api")) == nil)
    }

    @Test func publishedPortsConflictAsSwarmkitSays() {
        #expect(store.createServiceError(spec("a", ports: [PortConfig(published: 8080, target: 81)]))
                == "rpc error: code = InvalidArgument desc = port '8080' is already in use by service 'web' (s1) as an ingress port")
        #expect(store.createServiceError(spec("a", ports: [PortConfig(published: 9000, target: 81)]))
                == "rpc error: code = InvalidArgument desc = port '9000' is already in use by service 'edge' (s2) as a host-published port")
        #expect(store.createServiceError(spec("a", ports: [PortConfig(published: 9000, target: 81, publishMode: .host)])) == nil)
        #expect(store.createServiceError(spec("a", ports: [PortConfig(published: 8080, target: 81, protocol: .udp)])) == nil)
    }

    @Test func dnsrrRefusesIngressPorts() {
        var s = spec("a", ports: [PortConfig(published: 7000, target: 80)])
        s.endpoint.mode = .dnsrr
        #expect(store.createServiceError(s) == "rpc error: code = InvalidArgument desc = EndpointSpec: port published with ingress mode can't be used with dnsrr mode")
    }

    @Test func updatesMayNotChangeModeOrName() {
        #expect(store.updateServiceError(id: "s1", spec("web", ports: [PortConfig(published: 8080, target: 80)], mode: .global))
                == "rpc error: code = Unimplemented desc = service mode change is not allowed")
        #expect(store.updateServiceError(id: "s1", spec("www")) == "rpc error: code = Unimplemented desc = renaming services is not supported")
        #expect(store.updateServiceError(id: "s1", spec("web", ports: [PortConfig(published: 8080, target: 80)], mode: .replicated(4))) == nil)
        #expect(store.updateServiceError(id: "nope", spec("web")) == "rpc error: code = NotFound desc = service nope not found")
    }

    @Test func aRollbackNeedsAPreviousSpec() {
        var s = store
        #expect(s.rollbackServiceError(id: "s1") == "rpc error: code = FailedPrecondition desc = service s1 does not have a previous spec")
        s.apply(.updateService(id: "s1", spec("web", mode: .replicated(3)), at: .zero), at: 3)
        #expect(s.rollbackServiceError(id: "s1") == nil)
    }

    @Test func containerIDsAre64HexDigits() {
        var ids = IDGenerator(random: SeededRandom(seed: 3))
        let a = ids.newContainerID(), b = ids.newContainerID()
        #expect(a.count == 64 && a != b)
        #expect(a.allSatisfy { $0.isHexDigit && !$0.isUppercase })
    }
}
