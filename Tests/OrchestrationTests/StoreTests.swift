import Testing
import SimCore
@testable import Orchestration

@Suite struct StoreTests {
    func node(_ id: String, _ host: String, role: NodeRole = .worker) -> NodeRecord {
        NodeRecord(id: id, hostname: host, role: role, address: "10.0.0.1", engineVersion: "28.2.2",
                   nanoCPUs: 1_000_000_000, memoryBytes: 1 << 30, createdAt: .zero)
    }

    @Test func nodesStaySortedByIDWhateverTheOrderOfAdds() {
        var store = ClusterStore()
        for (i, id) in ["m", "c", "x", "a"].enumerated() { store.apply(.addNode(node(id, "h\(id)")), at: UInt64(i + 1)) }
        #expect(store.nodes.map(\.id) == ["a", "c", "m", "x"])
        #expect(store.appliedIndex == 4)
    }

    @Test("a heartbeat's reads are the node and whether a task on it awaits its agent, and change nothing")
    func heartbeatReadsAreTheTwoReadsTheyStandFor() {
        var store = ClusterStore()
        store.apply(.addNode(node("n1", "w1")), at: 1)
        store.apply(.addNode(node("n2", "w2")), at: 2)
        store.apply(.putTask(TaskTableTests.task("t1", slot: 1, node: "n1", state: .assigned)), at: 3)
        let now = SimTime(nanoseconds: 10)
        let before = store
        #expect(store.heartbeatReads(ofNode: "n9", unchangedFor: .zero, at: now) == nil)
        for (id, age) in [("n1", SimDuration.zero), ("n1", .nanoseconds(11)), ("n2", .zero)] {
            let reads = store.heartbeatReads(ofNode: id, unchangedFor: age, at: now)
            #expect(reads?.node == store.node(id: id).map(HeartbeatNode.init))
            #expect(reads?.lagging == store.containsTaskAwaitingAgent(onNode: id, unchangedFor: age, at: now))
        }
        #expect(store.heartbeatReads(ofNode: "n1", unchangedFor: .zero, at: now)?.lagging == true)
        #expect(store.heartbeatReads(ofNode: "n1", unchangedFor: .nanoseconds(11), at: now)?.lagging == false)
        #expect(store == before)
    }

    @Test("a heartbeat's hint of where a record lies is checked: a wrong or stale one gives the same reads")
    func heartbeatReadsCheckTheirHint() {
        var store = ClusterStore()
        store.apply(.addNode(node("n2", "w2")), at: 1)
        let now = SimTime(nanoseconds: 10)
        let first = store.heartbeatReads(ofNode: "n2", unchangedFor: .zero, at: now)
        #expect(first?.position == 0)
        // n1 sorts first: n2's record moves to 1, and the hint 0 now names n1's.
        store.apply(.addNode(node("n1", "w1")), at: 2)
        for hint in [nil, 0, 1, 2, 99, -1] as [Int?] {
            let reads = store.heartbeatReads(ofNode: "n2", hint: hint, unchangedFor: .zero, at: now)
            #expect(reads?.position == 1, "hint \(String(describing: hint))")
            #expect(reads?.node == store.node(id: "n2").map(HeartbeatNode.init))
        }
        #expect(store.heartbeatReads(ofNode: "n9", hint: 0, unchangedFor: .zero, at: now) == nil)
        store.apply(.removeNode(id: "n1"), at: 3)
        #expect(store.heartbeatReads(ofNode: "n2", hint: 1, unchangedFor: .zero, at: now)?.position == 0)
    }

    @Test func applyingTheSameCommandsGivesTheSameStore() {
        let commands: [StoreCommand] = [
            .addNode(node("b", "w1")), .addNode(node("a", "m1", role: .manager)),
            .updateNode(id: "b", NodeUpdate(availability: .drain, labelsToAdd: [("zone", "a")]), at: .zero),
            .setNodeState(id: "a", .ready, message: "", at: .zero), .removeNode(id: "zz"),
        ]
        var one = ClusterStore(), two = ClusterStore()
        for (i, c) in commands.enumerated() { one.apply(c, at: UInt64(i + 1)); two.apply(c, at: UInt64(i + 1)) }
        #expect(one == two)
        #expect(one.node(id: "b")?.availability == .drain)
        #expect(one.node(id: "b")?.labels["zone"] == "a")
    }

    /// The role manager's question, answered from an index: the first node in ID order that the
    /// store records as a worker while it still holds a Raft ID, whichever command made it so.
    @Test func theFirstWorkerStillInRaftFollowsRolesAndRaftIDs() {
        var store = ClusterStore()
        for (i, id) in ["c", "a", "b"].enumerated() { store.apply(.addNode(node(id, "h\(id)", role: .manager)), at: UInt64(i + 1)) }
        for (i, id) in ["c", "a", "b"].enumerated() { store.apply(.setNodeRole(id: id, .manager, raftID: UInt64(i + 1), at: .zero), at: UInt64(i + 4)) }
        #expect(store.firstWorkerInRaft == nil)
        store.apply(.updateNode(id: "c", NodeUpdate(role: .worker), at: .zero), at: 7)
        store.apply(.updateNode(id: "b", NodeUpdate(role: .worker), at: .zero), at: 8)
        #expect(store.firstWorkerInRaft?.id == "b")
        store.apply(.setNodeRole(id: "b", .worker, raftID: 0, at: .zero), at: 9)
        #expect(store.firstWorkerInRaft?.id == "c")
        store.apply(.removeNode(id: "c"), at: 10)
        #expect(store.firstWorkerInRaft == nil)
        #expect(store.firstWorkerInRaft == store.nodes.first { $0.role == .worker && $0.raftID != 0 })
    }

    /// A demotion's Raft ID is removed for good: a manager still running under it is told so
    /// when it speaks (swarmkit's removed list); a Raft ID given on a later promotion is not.
    @Test func aDemotionRecordsTheRaftIDItRemoved() {
        var store = ClusterStore()
        store.apply(.addNode(node("a", "ha", role: .manager)), at: 1)
        store.apply(.setNodeRole(id: "a", .manager, raftID: 7, at: .zero), at: 2)
        #expect(store.removedRaftIDs.isEmpty)
        store.apply(.setNodeRole(id: "a", .worker, raftID: 0, at: .zero), at: 3)
        store.apply(.setNodeRole(id: "a", .manager, raftID: 9, at: .zero), at: 4)
        store.apply(.setNodeRole(id: "a", .manager, raftID: 9, at: .zero), at: 5)
        #expect(store.removedRaftIDs == [7])
        store.apply(.setNodeRole(id: "a", .worker, raftID: 0, at: .zero), at: 6)
        #expect(store.removedRaftIDs == [7, 9])
    }

    @Test func aCommandOnAMissingNodeChangesNothing() {
        var store = ClusterStore()
        store.apply(.addNode(node("a", "w1")), at: 1)
        let before = store.nodes
        store.apply(.setNodeState(id: "gone", .down, message: "x", at: .zero), at: 2)
        store.apply(.removeNode(id: "gone"), at: 3)
        #expect(store.nodes == before)
    }

    @Test func nodesResolveByIDHostnameOrUniquePrefix() {
        var store = ClusterStore()
        store.apply(.addNode(node("abc123", "w1")), at: 1)
        store.apply(.addNode(node("abd456", "w2")), at: 2)
        #expect(store.resolveNode("abc123")?.hostname == "w1")
        #expect(store.resolveNode("w2")?.id == "abd456")
        #expect(store.resolveNode("abc")?.hostname == "w1")
        #expect(store.resolveNode("ab") == nil)   // ambiguous
        #expect(store.resolveNode("nope") == nil)
    }

    @Test func labelsKeepKeyOrder() {
        var labels = Labels()
        labels["zone"] = "a"; labels["disk"] = "ssd"; labels["rack"] = "3"
        #expect(labels.map(\.key) == ["disk", "rack", "zone"])
        labels["rack"] = nil
        #expect(labels.map(\.key) == ["disk", "zone"])
    }

    @Test func tokenRotationChangesOnlyThatRole() {
        var store = ClusterStore()
        store.apply(.createCluster(ClusterRecord(id: "c", workerToken: "W1", managerToken: "M1", createdAt: .zero)), at: 1)
        store.apply(.rotateToken(.worker, token: "W2", at: .zero), at: 2)
        #expect(store.cluster?.workerToken == "W2")
        #expect(store.cluster?.managerToken == "M1")
    }
}

/// Raft keeps up to a snapshot interval of commands (10000 in swarmkit) in each manager's log.
@Suite struct StoreCommandLayoutTests {
    @Test("a command is no wider than a task status change: cases carrying records are boxed")
    func commandWidth() {
        #expect(MemoryLayout<TaskRecord>.size > 300 && MemoryLayout<ServiceRecord>.size > 300)
        #expect(MemoryLayout<StoreCommand>.size <= MemoryLayout<(String, TaskStatus)>.size + 1)
    }
}
