import Testing
import SimCore
import Orchestration
@testable import Cluster

/// Drives a swarm through its engine API, as the scenario runner does.
struct Harness {
    let swarm: Swarm
    var hosts: [String: HostID] = [:]

    init(seed: UInt64 = 1, managers: Int, workers: Int, options: SwarmOptions = SwarmOptions()) {
        var o = options
        o.seed = seed
        swarm = Swarm(options: o)
        for i in 1...max(managers, 1) { hosts["m\(i)"] = swarm.addHost(name: "m\(i)", address: "10.0.0.\(i)") }
        for i in stride(from: 1, through: workers, by: 1) { hosts["w\(i)"] = swarm.addHost(name: "w\(i)", address: "10.0.1.\(i)") }
    }

    func h(_ name: String) -> HostID { hosts[name]! }

    /// Runs a call to completion (or 60 virtual seconds) and returns its result.
    @discardableResult
    func call(_ request: EngineRequest, on host: String) -> EngineResult {
        let op = swarm.submit(request, on: h(host))
        swarm.run(until: { $0.result(of: op) != nil }, deadline: swarm.now + .seconds(60))
        return swarm.takeResult(of: op) ?? .failure(EngineError("no answer"))
    }

    func wait(_ d: SimDuration) { swarm.run(until: swarm.now + d) }

    /// init on m1, every other manager and worker joined with the right token.
    func form(managers: Int, workers: Int) {
        guard case .success = call(.swarmInit(advertiseAddress: nil, dispatcherHeartbeat: nil, taskHistoryLimit: nil), on: "m1") else {
            Issue.record("init failed"); return
        }
        for i in stride(from: 2, through: managers, by: 1) {
            let r = call(.swarmJoin(token: swarm.allSeeing.joinToken(.manager) ?? "", remoteAddress: "m1:2377", advertiseAddress: nil), on: "m\(i)")
            if case .failure(let e) = r { Issue.record("m\(i) join: \(e.text)") }
        }
        for i in stride(from: 1, through: workers, by: 1) {
            let r = call(.swarmJoin(token: swarm.allSeeing.joinToken(.worker) ?? "", remoteAddress: "10.0.0.1", advertiseAddress: nil), on: "w\(i)")
            if case .failure(let e) = r { Issue.record("w\(i) join: \(e.text)") }
        }
        wait(.seconds(10))
    }

    func states() -> [String: String] {
        var out: [String: String] = [:]
        for n in swarm.allSeeing.freshestStore?.nodes ?? [] { out[n.hostname] = n.state.rawValue }
        return out
    }
}

@Suite struct SwarmTests {
    /// The dispatcher's shell takes a heartbeat's origin for the node's host when the origin's
    /// membership names the node, instead of asking the address book: the two must agree
    /// through joins, leaves, crashes, restarts and joins again. So must the node IDs' text
    /// addresses the heartbeat prefetch reads (`nodeIDTexts`).
    @Test func theAddressBookAgreesWithEveryEnginesMembership() {
        let h = Harness(managers: 3, workers: 2)
        func agree(_ step: String) {
            var members = 0
            for host in h.swarm.hosts {
                let text = host.membership.flatMap { m in
                    m.nodeID.utf8.withContiguousStorageIfAvailable { UnsafeRawPointer($0.baseAddress) } ?? nil
                }
                #expect(h.swarm.nodeIDTexts[host.id.index] == text, "\(step): \(host.name)'s text")
                guard let id = host.membership?.nodeID else { continue }
                members += 1
                #expect(h.swarm.hostOfNode[id] == host.id, "\(step): \(host.name)")
            }
            #expect(h.swarm.hostOfNode.count == members, "\(step)")
        }
        agree("before the swarm")
        h.form(managers: 3, workers: 2)
        agree("formed")
        #expect(h.call(.swarmLeave(force: false), on: "w1") == .success(.done))
        agree("w1 left")
        h.swarm.crash(h.h("w2"))
        h.swarm.crash(h.h("m3"))
        h.wait(.seconds(30))
        agree("w2 and m3 down")
        h.swarm.restart(h.h("w2"))
        h.swarm.restart(h.h("m3"))
        h.wait(.seconds(30))
        agree("w2 and m3 back")
        let join = h.call(.swarmJoin(token: h.swarm.allSeeing.joinToken(.worker) ?? "", remoteAddress: "10.0.0.1", advertiseAddress: nil), on: "w1")
        guard case .success = join else { Issue.record("rejoin: \(join)"); return }
        h.wait(.seconds(10))
        agree("w1 joined again")
        #expect(h.swarm.hostOfNode.count == 5)
    }

    @Test func initMakesOneManagerThatLeads() {
        let h = Harness(managers: 1, workers: 0)
        let r = h.call(.swarmInit(advertiseAddress: nil, dispatcherHeartbeat: nil, taskHistoryLimit: nil), on: "m1")
        guard case .success(.joined(let id, let asManager, let address)) = r else { Issue.record("\(r)"); return }
        #expect(id.count == 25)
        #expect(asManager)
        #expect(address == "10.0.0.1:2377")
        #expect(h.swarm.allSeeing.leader == h.h("m1"))
        #expect(h.swarm.allSeeing.joinToken(.worker)?.hasPrefix("SWMTKN-1-") == true)
    }

    @Test func threeManagersAndTwoWorkersFormAndAreReady() {
        let h = Harness(managers: 3, workers: 2)
        h.form(managers: 3, workers: 2)
        #expect(h.states() == ["m1": "ready", "m2": "ready", "m3": "ready", "w1": "ready", "w2": "ready"])
        #expect(h.swarm.allSeeing.managers.count == 3)
        #expect(h.swarm.allSeeing.raftView(h.h("m3"))?.voters == 3)
    }

    @Test func theLeaderCrashesAndAnotherIsElected() {
        let h = Harness(managers: 3, workers: 1)
        h.form(managers: 3, workers: 1)
        #expect(h.swarm.allSeeing.leader == h.h("m1"))
        h.swarm.crash(h.h("m1"))
        let crashed = h.swarm.now
        let elected = h.swarm.run(until: { s in s.allSeeing.leader != nil }, deadline: crashed + .seconds(60))
        #expect(elected)
        let took = h.swarm.now - crashed
        // swarmkit timing: an election timeout is 10–20 ticks of 1 s, then one round of votes.
        #expect(took >= .seconds(9) && took <= .seconds(21), "took \(took)")
        #expect(h.swarm.allSeeing.leader != h.h("m1"))
    }

    @Test func aWrongTokenIsRefused() {
        let h = Harness(managers: 1, workers: 1)
        h.call(.swarmInit(advertiseAddress: nil, dispatcherHeartbeat: nil, taskHistoryLimit: nil), on: "m1")
        // This swarm's CA digest with a wrong secret: the CA server refuses it (a malformed
        // token never gets that far: JoinTokenTests).
        let digest = (h.swarm.allSeeing.joinToken(.worker) ?? "").split(separator: "-").dropFirst(2).first ?? ""
        let token = "SWMTKN-1-\(digest)-" + String(repeating: "0", count: 25)
        let r = h.call(.swarmJoin(token: token, remoteAddress: "m1", advertiseAddress: nil), on: "w1")
        #expect(r == .failure(EngineError("rpc error: code = InvalidArgument desc = A valid join token is necessary to join this cluster")))
    }

    @Test func aWorkerCutOffIsDownAfterAboutFifteenSecondsAndReadyAfterHeal() {
        let h = Harness(managers: 1, workers: 1)
        h.form(managers: 1, workers: 1)
        h.swarm.isolate(h.h("w1"))
        let cut = h.swarm.now
        let down = h.swarm.run(until: { s in s.allSeeing.freshestStore?.nodes.first(where: { $0.hostname == "w1" })?.state == .down }, deadline: cut + .seconds(60))
        #expect(down)
        let took = h.swarm.now - cut
        #expect(took >= .seconds(10) && took <= .seconds(17), "took \(took)")
        h.swarm.heal()
        let ready = h.swarm.run(until: { s in s.allSeeing.freshestStore?.nodes.first(where: { $0.hostname == "w1" })?.state == .ready }, deadline: h.swarm.now + .seconds(30))
        #expect(ready)
    }

    @Test func aWorkerCannotReadClusterState() {
        let h = Harness(managers: 1, workers: 1)
        h.form(managers: 1, workers: 1)
        #expect(h.call(.get([.list(.node)]), on: "w1") == .failure(EngineError("This node is not a swarm manager. Worker nodes can't be used to view or modify cluster state. Please run this command on a manager node or promote the current node to a manager.")))
    }

    @Test func aFollowerForwardsReadsAndWritesToTheLeader() {
        let h = Harness(managers: 3, workers: 1)
        h.form(managers: 3, workers: 1)
        guard case .success(.records(let answers)) = h.call(.get([.list(.node)]), on: "m2"),
              case .success(.nodes(let nodes)) = answers.first else { Issue.record("node ls failed"); return }
        #expect(nodes.count == 4)
        #expect(nodes.filter { $0.managerStatus?.leader == true }.map(\.record.hostname) == ["m1"])
        #expect(h.call(.nodeUpdate("w1", NodeUpdate(availability: .drain)), on: "m3") == .success(.done))
        #expect(h.swarm.allSeeing.freshestStore?.nodes.first(where: { $0.hostname == "w1" })?.availability == .drain)
    }
}

@Suite struct MembershipTests {
    @Test func aRotatedTokenNoLongerJoinsAndTheOtherRoleKeepsItsToken() {
        let h = Harness(managers: 2, workers: 2)
        h.form(managers: 1, workers: 1)
        let oldWorker = h.swarm.allSeeing.joinToken(.worker) ?? ""
        let oldManager = h.swarm.allSeeing.joinToken(.manager) ?? ""
        #expect(h.call(.swarmUpdate(dispatcherHeartbeat: nil, taskHistoryLimit: nil, rotateWorkerToken: true, rotateManagerToken: false), on: "m1") == .success(.done))
        let newWorker = h.swarm.allSeeing.joinToken(.worker) ?? ""
        #expect(newWorker != oldWorker)
        #expect(newWorker.prefix(60) == oldWorker.prefix(60))   // same CA digest, new secret
        #expect(h.swarm.allSeeing.joinToken(.manager) == oldManager)
        #expect(h.call(.swarmJoin(token: oldWorker, remoteAddress: "m1", advertiseAddress: nil), on: "w2")
                == .failure(EngineError("rpc error: code = InvalidArgument desc = A valid join token is necessary to join this cluster")))
        guard case .success(.joined(_, false, _)) = h.call(.swarmJoin(token: newWorker, remoteAddress: "m1", advertiseAddress: nil), on: "w2") else {
            Issue.record("the new token did not join"); return
        }
    }

    @Test func tokensHaveSwarmsFormat() {
        let h = Harness(managers: 1, workers: 0)
        h.form(managers: 1, workers: 0)
        let token = h.swarm.allSeeing.joinToken(.worker) ?? ""
        let parts = token.split(separator: "-")
        #expect(parts.count == 4)
        #expect(parts[0] == "SWMTKN" && parts[1] == "1")
        #expect(parts[2].count == 50 && parts[3].count == 25)
        #expect(token.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" })
    }

    @Test func aPromotedWorkerJoinsRaftAndADemotedManagerLeavesIt() {
        let h = Harness(managers: 1, workers: 2)
        h.form(managers: 1, workers: 2)
        #expect(h.call(.nodeUpdate("w1", NodeUpdate(role: .manager)), on: "m1") == .success(.done))
        let joined = h.swarm.run(until: { $0.allSeeing.raftView(h.h("w1")) != nil && $0.allSeeing.raftView(h.h("m1"))?.voters == 2 }, deadline: h.swarm.now + .seconds(30))
        #expect(joined)
        #expect(h.swarm.role(of: h.h("w1")) == .manager)
        #expect(h.call(.nodeUpdate("w1", NodeUpdate(role: .worker)), on: "m1") == .success(.done))
        let left = h.swarm.run(until: { $0.allSeeing.raftView(h.h("w1")) == nil && $0.allSeeing.raftView(h.h("m1"))?.voters == 1 }, deadline: h.swarm.now + .seconds(30))
        #expect(left)
        #expect(h.swarm.role(of: h.h("w1")) == .worker)
    }

    @Test func demotingWhatWouldLoseQuorumIsRefused() {
        let h = Harness(managers: 3, workers: 0)
        h.form(managers: 3, workers: 0)
        h.swarm.crash(h.h("m3"))
        h.wait(.seconds(15))   // the leader notices m3 is unreachable
        // Removing m2 would leave m1 and m3, of which only m1 is reachable: not a majority of 2.
        #expect(h.call(.nodeUpdate("m2", NodeUpdate(role: .worker)), on: "m1")
                == .failure(EngineError("rpc error: code = FailedPrecondition desc = can't remove member from the raft: this would result in a loss of quorum")))
    }

    @Test func withoutALeaderAManagerWaitsThenRefuses() {
        let h = Harness(managers: 3, workers: 0)
        h.form(managers: 3, workers: 0)
        h.swarm.crash(h.h("m1")); h.swarm.crash(h.h("m2"))
        // Until m3's election timeout it still believes in m1, and forwards to it in vain.
        #expect(h.call(.get([.list(.node)]), on: "m3") == .failure(EngineError("rpc error: code = DeadlineExceeded desc = context deadline exceeded")))
        // Once it campaigns it knows there is no leader. A call arriving within lostQuorumTimeout
        // (10) ticks of that polls for a leader until the request's 20 s deadline (swarmkit's
        // LeaderConn looks at the ticks only when the call arrives).
        h.swarm.run(until: { $0.allSeeing.raftView(h.h("m3"))?.leader == nil }, deadline: h.swarm.now + .seconds(30))
        h.wait(.seconds(2))
        let start = h.swarm.now
        #expect(h.call(.get([.list(.node)]), on: "m3") == .failure(.deadline))
        #expect(h.swarm.now - start == .seconds(20))
        // Now it has been leaderless for long enough: it refuses at once.
        let again = h.swarm.now
        #expect(h.call(.get([.list(.node)]), on: "m3") == .failure(.noLeader))
        #expect(h.swarm.now == again)
    }

    @Test func aCrashedManagerRestoresItsLogAndFollows() {
        let h = Harness(managers: 3, workers: 1)
        h.form(managers: 3, workers: 1)
        let before = h.swarm.allSeeing.raftView(h.h("m3"))?.commitIndex ?? 0
        h.swarm.crash(h.h("m3"))
        h.wait(.seconds(5))
        h.swarm.restart(h.h("m3"))
        h.wait(.seconds(5))
        let view = h.swarm.allSeeing.raftView(h.h("m3"))
        #expect(view?.role == .follower)
        #expect((view?.commitIndex ?? 0) >= before)
        #expect(h.swarm.allSeeing.store(on: h.h("m3")) == h.swarm.allSeeing.store(on: h.h("m1")))
    }
}
