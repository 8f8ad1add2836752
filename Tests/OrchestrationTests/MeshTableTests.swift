import Testing
@testable import Orchestration

@Suite struct MeshTableTests {
    let three = [MeshTable.Endpoint(taskID: "t1", nodeID: "n1"), .init(taskID: "t2", nodeID: "n2"), .init(taskID: "t3", nodeID: "n3")]

    @Test func newConnectionsGoRoundRobinOverEveryEndpoint() {
        var table = MeshTable(nodeID: "n9")
        table.update("web", endpoints: three)
        let picks = (0..<6).map { _ in table.pick("web")?.taskID }
        #expect(picks == ["t1", "t2", "t3", "t1", "t2", "t3"])
    }

    @Test func aLocalTaskGetsNoPreferenceInRealSwarm() {
        var table = MeshTable(nodeID: "n2")
        table.update("web", endpoints: three)
        #expect((0..<3).map { _ in table.pick("web")?.nodeID } == ["n1", "n2", "n3"])
    }

    @Test func localFirstServesTheLocalTaskWhenThereIsOne() {
        var withLocal = MeshTable(nodeID: "n2")
        withLocal.update("web", endpoints: three)
        #expect((0..<3).map { _ in withLocal.pick("web", balance: .localFirst)?.taskID } == ["t2", "t2", "t2"])
        var without = MeshTable(nodeID: "n9")
        without.update("web", endpoints: three)
        #expect((0..<3).map { _ in without.pick("web", balance: .localFirst)?.taskID } == ["t1", "t2", "t3"])
    }

    @Test func scalingUpAddsTheNewTasksToTheRotation() {
        var table = MeshTable(nodeID: "n9")
        table.update("web", endpoints: three)
        _ = table.pick("web")                      // t1; t2 is next
        table.update("web", endpoints: three + [.init(taskID: "t4", nodeID: "n4"), .init(taskID: "t5", nodeID: "n5")])
        #expect((0..<5).map { _ in table.pick("web")?.taskID } == ["t2", "t3", "t4", "t5", "t1"])
    }

    @Test func aRemovedEndpointLeavesTheRotation() {
        var table = MeshTable(nodeID: "n9")
        table.update("web", endpoints: three)
        _ = table.pick("web")                      // t1; t2 is next
        table.update("web", endpoints: [three[0], three[2]])
        #expect((0..<4).map { _ in table.pick("web")?.taskID } == ["t3", "t1", "t3", "t1"])
    }

    @Test func aNodeThatLeftLeavesEveryServiceRotation() {
        var table = MeshTable(nodeID: "n9")
        table.update("api", endpoints: [.init(taskID: "a2", nodeID: "n2")])
        table.update("web", endpoints: three)
        _ = table.pick("web")                      // t1; t2 is next
        table.removeEndpoints(onNode: "n2")
        #expect(table.pick("api") == nil)
        #expect(table.endpoints(of: "web") == [three[0], three[2]])
        #expect((0..<3).map { _ in table.pick("web")?.taskID } == ["t3", "t1", "t3"])
    }

    @Test func anUnknownOrEmptyServiceHasNoEndpoint() {
        var table = MeshTable(nodeID: "n1")
        #expect(table.pick("web") == nil)
        table.update("web", endpoints: three)
        table.update("web", endpoints: [])
        #expect(table.pick("web") == nil)
        #expect(table.endpoints(of: "web").isEmpty)
    }
}
