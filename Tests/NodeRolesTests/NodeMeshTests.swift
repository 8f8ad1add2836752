import Testing
import Orchestration
@testable import NodeRoles

/// A node's routing mesh driven on its own: updates in, routing decisions out.
@Suite struct NodeMeshTests {
    func update(_ service: String, ports: [Int], tasks: [String], term: UInt64, index: UInt64) -> MeshUpdate {
        var u = MeshUpdate(serviceID: service, serviceName: service, ingressPorts: ports,
                           endpoints: tasks.map { MeshTable.Endpoint(taskID: $0, nodeID: "n-\($0)") })
        u.stamp = LeaderStamp(term: term, index: index)
        return u
    }

    @Test func aNodeRoutesAPublishedPortRoundRobinOverTheEndpointsItHeardOf() {
        var mesh = NodeMesh()
        #expect(mesh.route(port: 80, balance: .roundRobin) == nil)
        mesh.take([update("web", ports: [80], tasks: ["t1", "t2"], term: 1, index: 3)], nodeID: "me")
        let picks = (0..<3).map { _ in mesh.route(port: 80, balance: .roundRobin)?.taskID }
        #expect(picks == ["t1", "t2", "t1"])
        #expect(mesh.route(port: 81, balance: .roundRobin) == nil)
        #expect(mesh.ports(of: "web") == [80])
    }

    @Test func anUpdateOlderThanTheOneTakenIsIgnored() {
        var mesh = NodeMesh()
        mesh.take([update("web", ports: [80], tasks: ["t2"], term: 2, index: 1)], nodeID: "me")
        mesh.take([update("web", ports: [80], tasks: ["t1"], term: 1, index: 9)], nodeID: "me")
        #expect(mesh.endpoints(of: "web")?.map(\.taskID) == ["t2"])
    }

    @Test func aForcedClusterLeaderOfTheSameTermIsFollowedOnceTheSessionIsWithIt() {
        var mesh = NodeMesh()
        var old = update("web", ports: [80], tasks: ["t1"], term: 2, index: 450)
        old.stamp.leader = 5
        var forced = update("web", ports: [80], tasks: ["t2"], term: 2, index: 318)
        forced.stamp.leader = 9
        mesh.take([old], nodeID: "me")
        mesh.take([forced], nodeID: "me")
        #expect(mesh.endpoints(of: "web")?.map(\.taskID) == ["t1"])
        mesh.sessionFollows(term: 2, leader: 9)
        mesh.take([forced], nodeID: "me")
        #expect(mesh.endpoints(of: "web")?.map(\.taskID) == ["t2"])
        mesh.take([old], nodeID: "me")
        #expect(mesh.endpoints(of: "web")?.map(\.taskID) == ["t2"])
    }

    @Test func aServiceThatPublishesNothingStopsListening() {
        var mesh = NodeMesh()
        mesh.take([update("web", ports: [80], tasks: ["t1"], term: 1, index: 1)], nodeID: "me")
        mesh.take([update("web", ports: [], tasks: [], term: 1, index: 2)], nodeID: "me")
        #expect(mesh.publishedPorts.isEmpty)
        #expect(mesh.route(port: 80, balance: .roundRobin) == nil)
    }

    @Test func aNodeThatLeftIsNoLongerAnEndpoint() {
        var mesh = NodeMesh()
        mesh.take([update("web", ports: [80], tasks: ["t1", "t2"], term: 1, index: 1)], nodeID: "me")
        mesh.nodeLeft("n-t1")
        #expect(mesh.endpoints(of: "web")?.map(\.taskID) == ["t2"])
        mesh.reset()
        #expect(mesh.endpoints(of: "web") == nil && mesh.publishedPorts.isEmpty)
    }

    /// Mesh repair trusts `version` to move whenever ports or endpoints may have changed, reset
    /// included (a fresh mesh must not look like one it compared before), and routing leaves it.
    @Test func theVersionMovesWithEveryChangeButNotWithRouting() {
        var mesh = NodeMesh()
        var seen: [UInt64] = [mesh.version]
        mesh.take([update("web", ports: [80], tasks: ["t1", "t2"], term: 1, index: 1)], nodeID: "me")
        seen.append(mesh.version)
        _ = mesh.route(port: 80, balance: .roundRobin)
        #expect(mesh.version == seen.last)
        mesh.nodeLeft("n-t1")
        seen.append(mesh.version)
        mesh.reset()
        seen.append(mesh.version)
        #expect(seen == [0, 1, 2, 3])
    }
}
