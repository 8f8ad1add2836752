import Testing
import SimCore
import Raft
import Orchestration
@testable import NodeRoles

/// The manager's leader pass driven on its own: one voter, no swarm, no network. Events in
/// (its own ticks, a proposal, a pass coming due), effects out.
@Suite struct ManagerLeaderPassTests {
    let settings = DispatcherSettings(gracePeriodMultiplier: 3, defaultHeartbeat: .seconds(5))

    /// A lone manager, ticked once a second until it leads; its leadership already announced.
    func loneLeader(now: inout SimTime, disk: inout RaftDisk) -> Manager {
        let m = Manager(raft: StoreRaft(id: 1, voters: [1], config: Raft.Config(), random: SeededRandom(seed: 1)),
                        store: ClusterStore())
        for _ in 0..<100 where m.raft.role != .leader {
            now = now + .seconds(1)
            m.tick()
            let ready = m.drainReady(persist: { disk.persist($0) })
            var effects: [ManagerEffect] = []
            if !ready.roleChanges.isEmpty { m.leadershipChanged(now: now, settings: settings, effects: &effects) }
            #expect(effects.isEmpty)   // no swarm in its store yet: no dispatcher
        }
        return m
    }

    func describe(_ effect: ManagerEffect) -> String {
        switch effect {
        case .passDue(let time, let term): "pass at \(time.nanoseconds)ns term \(term)"
        case .passPlanned(let n): "planned \(n)"
        case .proposePass(let commands, let wake):
            "propose " + commands.map { "\($0)".prefix(while: { $0 != "(" }) }.joined(separator: " ")
                + " wake " + (wake.map { "\($0.nanoseconds)" } ?? "none")
        case .propose(let commands, _): "propose \(commands.count) (role)"
        case .dispatcher(.started): "dispatcher started"
        case .dispatcher(.expiryDue(let session, let g, let delay, _)): "expiry \(session.index)#\(g % (1 << 32)) after \(delay)"
        case .dispatcher: "dispatcher other"
        case .dispatcherStopped: "dispatcher stopped"
        case .sendAssignments(let node): "assignments \(node)"
        case .spreadMesh(let ids): "mesh \(ids.joined(separator: ","))"
        case .leadershipTransferred: "transferred"
        case .sendRaft(let messages): "send \(messages.count)"
        case .sendRaftOnceWritten(let messages, let time): "send \(messages.count) at \(time.nanoseconds)ns"
        }
    }

    @Test func aLoneLeaderAsksForAPassAfterAServiceIsCreatedAndProposesItsTasksPlaced() throws {
        var now = SimTime.zero, disk = RaftDisk()
        let m = loneLeader(now: &now, disk: &disk)
        #expect(m.raft.role == .leader)
        let term = m.raft.term

        // The swarm first: applied at once (a lone voter commits what it proposes), it starts
        // the dispatcher, which finds no node to mark Unknown.
        _ = try m.propose([.createCluster(ClusterRecord(id: "c", workerToken: "W", managerToken: "M", createdAt: now))],
                          membership: nil)
        var ready = m.drainReady(persist: { disk.persist($0) })
        var effects: [ManagerEffect] = []
        m.startDispatcherIfDue(now: now, settings: settings, effects: &effects)
        #expect(effects.map(describe) == ["dispatcher started"])
        effects = []
        m.leaderApplied(ready.applied, roleChanged: false, now: now, settings: settings, effects: &effects)
        #expect(effects.map(describe) == ["pass at \((now + .milliseconds(50)).nanoseconds)ns term \(term)"])

        // In the same instant, a node recorded Ready and a service of two replicas.
        let node = NodeRecord(id: "n1", hostname: "w1", role: .worker, address: "10.0.0.2", engineVersion: "28.2.2",
                              nanoCPUs: 1_000_000_000, memoryBytes: 1 << 31, createdAt: now)
        let spec = ServiceSpec(name: "web", mode: .replicated(2), task: TaskTemplate(image: "nginx"))
        let index = try m.propose([.addNode(node), .setNodeState(id: "n1", .ready, message: "", at: now),
                                   .createService(ServiceRecord(id: "s1", spec: spec, createdAt: now))], membership: nil)
        ready = m.drainReady(persist: { disk.persist($0) })
        #expect(m.appliedIndex == index)
        effects = []
        m.startDispatcherIfDue(now: now, settings: settings, effects: &effects)
        #expect(effects.isEmpty)   // it runs already
        m.leaderApplied(ready.applied, roleChanged: false, now: now, settings: settings, effects: &effects)
        // The node is watched and the service's endpoints spread; the pass already due at 50 ms
        // takes this change too: no second event.
        #expect(effects.map(describe) == ["expiry 0#1 after 15s", "mesh s1"])
        #expect(m.scheduledPasses.count == 1)

        // The pass comes due: two tasks made (orchestrator), allocated and placed on n1
        // (scheduler), proposed as one entry.
        now = now + .milliseconds(50)
        var ids = IDGenerator(random: SeededRandom(seed: 7))
        effects = []
        m.orchestrate(term: term, now: now, ids: &ids, effects: &effects)
        #expect(effects.map(describe) == ["planned 6", "propose putTask putTask setTaskStatus setTaskStatus assignTask assignTask wake none"])
        guard case .proposePass(let commands, _) = effects.last else { Issue.record("no proposal"); return }
        let puts = commands.compactMap { c -> String? in if case .putTask(let t) = c { t.serviceID } else { nil } }
        let placed = commands.compactMap { c -> String? in if case .assignTask(_, let n, _) = c { n } else { nil } }
        #expect(puts == ["s1", "s1"])
        #expect(placed == ["n1", "n1"])
        #expect(m.orchestrationDue == nil)
        #expect(m.scheduledPasses.isEmpty)

        // Proposed: the next pass waits for the entry to be applied, then applying it sends n1
        // its tasks and asks for the next pass.
        _ = try m.propose([.batch(commands)], membership: nil)
        effects = []
        m.passProposed(accepted: true, wake: nil, now: now, effects: &effects)
        #expect(m.orchestrationFence == m.raft.lastIndex)
        #expect(effects.isEmpty)
        m.orchestrate(term: term, now: now, ids: &ids, effects: &effects)
        #expect(effects.isEmpty)   // its own last pass is not applied yet
        ready = m.drainReady(persist: { disk.persist($0) })
        m.leaderApplied(ready.applied, roleChanged: false, now: now, settings: settings, effects: &effects)
        #expect(effects.map(describe) == ["assignments n1", "pass at \((now + .milliseconds(50)).nanoseconds)ns term \(term)"])
    }
    /// `Manager.sessionThrough` reads the dispatcher's session first and skips the manager's
    /// own table when the stream is the same. Its answers must be what the table alone gives:
    /// whether the stream moved since the last heartbeat this manager took, through heartbeats
    /// the dispatcher files, ones it refuses (a node never in the store, and one removed from it
    /// whose session stays), and a watch that re-arms a node without a heartbeat.
    @Test func aHeartbeatsStreamIsTheManagersTableAlone() throws {
        var now = SimTime.zero, disk = RaftDisk()
        let m = loneLeader(now: &now, disk: &disk)
        let nodes = ["n1", "n2", "n3"]
        var commands: [StoreCommand] = [.createCluster(ClusterRecord(id: "c", workerToken: "W", managerToken: "M", createdAt: now))]
        for (i, id) in nodes.enumerated() {
            commands.append(.addNode(NodeRecord(id: id, hostname: "w\(i)", role: .worker, address: "10.0.0.\(i + 2)",
                                                engineVersion: "28.2.2", nanoCPUs: 1, memoryBytes: 1, createdAt: now)))
        }
        _ = try m.propose(commands, membership: nil)
        let ready = m.drainReady(persist: { disk.persist($0) })
        var effects: [ManagerEffect] = []
        m.startDispatcherIfDue(now: now, settings: settings, effects: &effects)
        m.leaderApplied(ready.applied, roleChanged: false, now: now, settings: settings, effects: &effects)
        #expect(m.dispatcher != nil)

        var table: [String: HostID] = [:]   // the manager's table, as it stood before
        var rng = SeededRandom(seed: 5)
        var jitter = SeededRandom(seed: 6)
        var skipped = 0
        for step in 0..<600 {
            now = now + .milliseconds(100)
            if step == 300 {
                // n3 leaves the store; its dispatcher session stays, and its refused heartbeats
                // still move its stream.
                _ = try m.propose([.removeNode(id: "n3")], membership: nil)
                let removed = m.drainReady(persist: { disk.persist($0) })
                m.leaderApplied(removed.applied, roleChanged: false, now: now, settings: settings, effects: &effects)
                #expect(m.store.node(id: "n3") == nil && m.dispatcher?.lastHeartbeat(of: "n3") != nil)
            }
            // "n4" is in no store: its heartbeats are refused, but still move its stream.
            let id = rng.below(10) == 0 ? "n4" : nodes[Int(rng.below(3))]
            if rng.below(20) == 0 {
                var armed: [DispatcherEffect] = []
                m.dispatcher?.watch(id, after: .seconds(10), now: now, effects: &armed)
                continue
            }
            let via = HostID(Int(rng.below(3)))
            // The host the heartbeat names is only a hint, mostly right, sometimes another node's.
            let origin = HostID(rng.below(8) == 0 ? Int(rng.below(4)) : nodes.firstIndex(of: id) ?? 3)
            let expected = table.updateValue(via, forKey: id) != via
            if m.dispatcher?.lastHeartbeat(of: id)?.via == via { skipped += 1 }
            let stream = m.sessionThrough(via, of: id, from: origin)
            #expect(stream.moved == expected, "step \(step): \(id) through \(via)")
            #expect(m.sessions[id] == via)
            var out: [DispatcherEffect] = []
            let filed = m.dispatcherHeartbeat(nodeID: id, origin: origin, incarnation: 1, newStream: stream.moved, via: via,
                                              position: stream.position, now: now, heartbeat: .seconds(5),
                                              epsilon: .zero, jitter: &jitter, expiryOrder: EventID(sequence: UInt64(step)),
                                              effects: &out)
            #expect(filed == (id != "n4" && (id != "n3" || step < 300)))
            if filed {
                let position = m.dispatcher?.lastHeartbeat(of: id, from: origin)?.position
                #expect(position.map { m.store.nodes[$0].id } == id)
                #expect(m.dispatcher?.session(of: id, from: origin).flatMap { m.dispatcher?.nodeID(of: $0) } == id)
            }
        }
        #expect(skipped > 100)   // the dispatcher's session answered often
    }
}
