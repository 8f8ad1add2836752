import Testing
import SimCore
import Orchestration
@testable import Cluster

/// `docker swarm init --force-new-cluster` and swarmkit's LeaderConn, driven on a swarm.
@Suite struct ForceNewClusterTests {
    @Test("a survivor of a lost quorum leads alone, keeps its store, and refuses the removed managers")
    func recoversAndRefusesTheOthers() {
        let h = Harness(managers: 3, workers: 1)
        h.swarm.safety.isEnabled = true
        h.swarm.invariants.isEnabled = true
        h.form(managers: 3, workers: 1)
        #expect(h.call(.serviceCreate(ServiceSpec(name: "web", mode: .replicated(2), task: TaskTemplate(image: "nginx"))), on: "m1") != .failure(.noLeader))
        h.wait(.seconds(10))
        h.swarm.crash(h.h("m2"))
        h.swarm.crash(h.h("m3"))
        h.wait(.seconds(40))
        #expect(h.swarm.allSeeing.leader == nil)
        let r = h.call(.swarmInitForceNewCluster(dispatcherHeartbeat: nil, taskHistoryLimit: nil), on: "m1")
        guard case .success(.joined(_, true, _)) = r else { Issue.record("force-new-cluster: \(r)"); return }
        #expect(h.swarm.allSeeing.leader == h.h("m1"))
        #expect(h.swarm.allSeeing.raftView(h.h("m1"))?.voters == 1)
        #expect(h.swarm.allSeeing.freshestStore?.services.map(\.spec.name) == ["web"])
        #expect(h.states()["m1"] == "ready")
        // m2 comes back: its first Raft message is refused, and its swarm node stops for good.
        h.swarm.restart(h.h("m2"))
        h.wait(.seconds(40))
        #expect(h.swarm.allSeeing.raftView(h.h("m2")) == nil)
        #expect(h.swarm.isForcedOut(h.h("m2")))
        #expect(h.swarm.allSeeing.leader == h.h("m1"))
        #expect(h.call(.get([.list(.node)]), on: "m2") == .failure(.worker))
        #expect(h.call(.swarmLeave(force: true), on: "m2") == .success(.done))
        let join = h.call(.swarmJoin(token: h.swarm.allSeeing.joinToken(.manager) ?? "", remoteAddress: "m1:2377", advertiseAddress: nil), on: "m2")
        guard case .success(.joined(_, true, _)) = join else { Issue.record("rejoin: \(join)"); return }
        h.wait(.seconds(5))
        #expect(h.swarm.allSeeing.raftView(h.h("m1"))?.voters == 2)
        #expect(h.swarm.safety.violations.isEmpty)
        #expect(h.swarm.invariants.violations.isEmpty)
    }

    @Test("a call made right after the leader's loss waits for the next leader; after 10 ticks one is refused at once")
    func leaderConnPollsThenRefuses() {
        let h = Harness(managers: 3, workers: 0)
        h.form(managers: 3, workers: 0)
        h.swarm.crash(h.h("m1"))
        // Until a candidate on m2 or m3 knows no leader, calls are forwarded to the dead one.
        h.swarm.run(until: { s in [h.h("m2"), h.h("m3")].contains { s.allSeeing.raftView($0)?.leader == nil } }, deadline: h.swarm.now + .seconds(30))
        let asker = h.swarm.allSeeing.raftView(h.h("m2"))?.leader == nil ? "m2" : "m3"
        guard case .success(.records) = h.call(.get([.list(.node)]), on: asker) else {
            Issue.record("no answer once a leader was elected")
            return
        }
        #expect(h.swarm.allSeeing.leader != nil)
        guard let second = h.swarm.allSeeing.leader else { return }
        h.swarm.crash(second)
        let survivor = h.swarm.isUp(h.h("m2")) ? "m2" : "m3"
        h.swarm.run(until: { s in s.allSeeing.raftView(h.h(survivor))?.leader == nil }, deadline: h.swarm.now + .seconds(60))
        let started = h.swarm.now
        #expect(h.call(.get([.list(.node)]), on: survivor) == .failure(.deadline))
        #expect(h.swarm.now - started == .seconds(20))
        #expect(h.call(.get([.list(.node)]), on: survivor) == .failure(.noLeader))
    }

    /// moby's `Init` returns once the node is ready: its agent has a session with the new
    /// cluster's leader, its own manager. The managers the new cluster left out may lead a term
    /// of the same number (here m2, in term 2, as the forced m1): a session with them is not it.
    @Test("init --force-new-cluster answers once the agent's session is with its own manager", arguments: 1...12)
    func answersOnceTheSessionIsWithItsOwnManager(seed: UInt64) {
        let h = Harness(seed: seed, managers: 3, workers: 0)
        h.form(managers: 3, workers: 0)
        h.swarm.crash(h.h("m1"))
        h.swarm.run(until: { $0.allSeeing.leader != nil && $0.allSeeing.leader != h.h("m1") }, deadline: h.swarm.now + .seconds(60))
        h.wait(.seconds(5))
        h.swarm.restart(h.h("m1"))
        let op = h.swarm.submit(.swarmInitForceNewCluster(dispatcherHeartbeat: nil, taskHistoryLimit: nil), on: h.h("m1"))
        h.swarm.run(until: { $0.result(of: op) != nil }, deadline: h.swarm.now + .seconds(60))
        guard case .success(.joined(_, true, _)) = h.swarm.takeResult(of: op) else { Issue.record("no answer"); return }
        let host = h.swarm.hosts[h.h("m1").index]
        #expect(host.manager?.raft.role == .leader)
        #expect(host.agent?.sessionTerm == host.manager?.raft.term)
        #expect(host.agent?.sessionLeader == host.manager?.serial)
    }
}
