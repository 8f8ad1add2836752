import Testing
import SimCore
import Orchestration
@testable import Cluster

/// Demoting the leader hands leadership over first (swarmkit role_manager.go: "demoted;
/// transferring leadership"), and init and join return once the node is Ready.
@Suite struct LeaderDemotionTests {
    @Test("the demoted leader hands over within a few seconds and ends a Ready worker out of Raft")
    func demotedLeaderTransfersLeadership() {
        let h = Harness(managers: 3, workers: 1)
        h.form(managers: 3, workers: 1)
        #expect(h.swarm.allSeeing.leader == h.h("m1"))
        var update = NodeUpdate()
        update.role = .worker
        let r = h.call(.nodeUpdate("m1", update), on: "m1")
        #expect(r == .success(.done))
        let demoted = h.swarm.now
        let moved = h.swarm.run(until: { s in s.allSeeing.leader != nil && s.allSeeing.leader != h.h("m1") }, deadline: demoted + .seconds(60))
        #expect(moved)
        #expect(h.swarm.now - demoted < .seconds(3))
        h.wait(.seconds(6))
        let m1 = h.swarm.allSeeing.freshestStore?.nodes.first { $0.hostname == "m1" }
        #expect(m1?.role == .worker)
        #expect(m1?.raftID == 0)
        #expect(m1?.state == .ready)
        #expect(h.swarm.allSeeing.raftView(h.h("m2"))?.voters == 2)
    }

    @Test("init and join answer once the node is Ready in the leader's store")
    func readyWhenInitAndJoinReturn() {
        let h = Harness(managers: 2, workers: 1)
        h.call(.swarmInit(advertiseAddress: nil, dispatcherHeartbeat: nil, taskHistoryLimit: nil), on: "m1")
        #expect(h.states() == ["m1": "ready"])
        h.call(.swarmJoin(token: h.swarm.allSeeing.joinToken(.worker) ?? "", remoteAddress: "m1:2377", advertiseAddress: nil), on: "w1")
        #expect(h.states()["w1"] == "ready")
        h.call(.swarmJoin(token: h.swarm.allSeeing.joinToken(.manager) ?? "", remoteAddress: "m1:2377", advertiseAddress: nil), on: "m2")
        #expect(h.states()["m2"] == "ready")
    }
}
