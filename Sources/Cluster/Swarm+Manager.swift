import SimCore
import Raft
import Orchestration

/// The manager half of an engine: Raft, the applied store, and proposals.
extension Swarm {
    // MARK: Lifecycle

    /// Starts (or restarts) the manager on `host` with `raft`, and its tick. The store starts
    /// empty: Raft's first Ready hands out the founding entries, or after a restart the stored
    /// snapshot and the committed entries after it, and applying them rebuilds the store.
    func startManager(_ host: HostID, raft: StoreRaft) {
        if hosts[host.index].raftStorage == nil { hosts[host.index].raftStorage = Raft.Storage() }
        let store = ClusterStore()
        let applied: UInt64 = 0
        var runtime = ManagerRuntime(raft: raft, store: store)
        runtime.appliedIndex = applied
        hosts[host.index].manager = runtime
        raftDirectory[raft.id] = host
        // Managers' tickers are not aligned: start each at a random phase within one tick.
        let phase = SimDuration(nanoseconds: Int64(jitter.below(UInt64(max(options.raftTick.nanoseconds, 1)))))
        schedule(.raftTick(host, incarnation: network.incarnation(host)), after: phase)
        traceHost("manager.start", host)
        notify(.managerStarted(host))
        notify(.role(host, raft.role, term: raft.term))
    }

    /// Stops the manager on `host` (demoted or removed): the agent carries on as a worker's.
    func stopManager(_ host: HostID) {
        guard let runtime = hosts[host.index].manager else { return }
        for p in runtime.proposals { reply(p.target, .failed(.lostLeadership), from: host) }
        hosts[host.index].manager = nil
        hosts[host.index].raftStorage = nil
        hosts[host.index].membership?.raftID = 0
        traceHost("manager.stop", host)
        notify(.managerStopped(host))
    }

    // MARK: Raft I/O

    func raftTick(_ host: HostID) {
        guard hosts[host.index].manager != nil else { return }
        hosts[host.index].manager?.raft.tick()
        if hosts[host.index].manager?.raft.leader == nil {
            hosts[host.index].manager?.ticksWithoutLeader += 1
        } else {
            hosts[host.index].manager?.ticksWithoutLeader = 0
        }
        processReady(host)
        if hosts[host.index].manager != nil {
            schedule(.raftTick(host, incarnation: network.incarnation(host)), after: options.raftTick)
        }
    }

    func raftReceive(_ message: RaftMessage, at host: HostID) {
        guard hosts[host.index].manager != nil else { return }
        hosts[host.index].manager?.lastHeard[message.from] = now
        hosts[host.index].manager?.raft.step(message)
        processReady(host)
    }

    /// Persists, sends, applies and acknowledges everything Raft has ready (etcd's Ready loop).
    func processReady(_ host: HostID) {
        var roleChanged = false
        var touched: [String] = []
        var meshServices: [String] = []
        var storeChanged = false
        while var m = hosts[host.index].manager, m.raft.hasReady {
            let ready = m.raft.ready()
            safety.observe(m.raft, ready: ready)
            hosts[host.index].raftStorage?.persist(ready)
            if let snapshot = ready.snapshot, snapshot.index >= m.appliedIndex {
                m.store = snapshot.state
                m.appliedIndex = snapshot.index
            }
            for entry in ready.committed where entry.index > m.appliedIndex {
                switch entry.payload {
                case .command(let command):
                    if m.raft.role == .leader {
                        Self.touchedNodes(by: command, in: m.store, into: &touched)
                        Self.meshServices(touchedBy: command, in: m.store, into: &meshServices)
                    }
                    storeChanged = true
                    m.store.apply(command, at: entry.index)
                    checkInvariants(afterApplying: command, index: entry.index, manager: m, on: host)
                    if m.raft.role == .leader, case .setNodeState(let id, let state, _, _) = command,
                       let node = m.store.node(id: id) {
                        notify(.nodeState(hostname: node.hostname, state))
                    }
                case .membership(let change):
                    if change.kind == .removeVoter && change.node == m.raft.id { m.removedFromRaft = true }
                case .empty: break
                }
                m.appliedIndex = entry.index
            }
            if ready.role != nil { roleChanged = true }
            m.raft.advance()
            hosts[host.index].manager = m
            for message in ready.messages {
                if let to = raftDirectory[message.to] { send(.raft(message), from: host, to: to) }
            }
            if let role = ready.role { notify(.role(host, role, term: m.raft.term)) }
            if trace.isEnabled, let role = ready.role {
                var line = TraceLine(time: now, event: "raft.role")
                line.field("host", name(of: host))
                line.field("role", "\(role)")
                line.field("term", Int(m.raft.term))
                trace.write(line)
            }
        }
        guard var m = hosts[host.index].manager else { return }
        // Answer writes whose entries are applied; fail those a lost leadership strands.
        var waiting: [PendingProposal] = []
        var answered: [PendingProposal] = []
        var lost: [PendingProposal] = []
        for p in m.proposals {
            if m.appliedIndex >= p.index { answered.append(p) }
            else if m.raft.role != .leader || m.raft.term != p.term { lost.append(p) }
            else { waiting.append(p) }
        }
        m.proposals = waiting
        if m.raft.needsSnapshot { m.raft.compact(through: m.appliedIndex, state: m.store) }
        hosts[host.index].manager = m
        for p in answered { reply(p.target, p.reply, from: host) }
        for p in lost { reply(p.target, .failed(.lostLeadership), from: host) }
        if m.removedFromRaft {
            stopManager(host)
            return
        }
        if roleChanged { leadershipChanged(host) }
        if m.raft.role == .leader {
            leaderCheckDispatcher(host)
            if storeChanged || roleChanged { leaderApplied(host, touchedNodes: touched, storeChanged: true) }
            if !meshServices.isEmpty { scheduleMeshUpdates(meshServices, from: host) }
        }
    }

    /// Starts or stops the leader-only work as leadership comes and goes.
    func leadershipChanged(_ host: HostID) {
        guard let m = hosts[host.index].manager else { return }
        if m.raft.role == .leader {
            leaderCheckDispatcher(host)
        } else if m.dispatcher != nil {
            hosts[host.index].manager?.dispatcher = nil
            hosts[host.index].manager?.orchestrator = nil
            hosts[host.index].manager?.orchestrationDue = nil
            hosts[host.index].manager?.sessions = [:]
            traceHost("dispatcher.stop", host)
        }
    }

    // MARK: Proposals

    /// Proposes `commands` on the leader `host`; `reply` goes to `target` once the last is applied.
    /// Returns false (and answers `target`) when the proposal is refused.
    @discardableResult
    func propose(_ commands: [StoreCommand], membership: Raft.MembershipChange? = nil, on host: HostID,
                 target: ReplyTarget?, reply answer: Reply) -> Bool {
        guard var m = hosts[host.index].manager, m.raft.role == .leader else {
            if let target { reply(target, .failed(.lostLeadership), from: host) }
            return false
        }
        var last: UInt64 = 0
        do {
            // The membership change goes last: entries after it would need the new quorum, and a
            // joining manager starts only once it is answered.
            for command in commands { last = try m.raft.propose(command) }
            if let membership { last = try m.raft.proposeMembership(membership) }
        } catch {
            hosts[host.index].manager = m
            if let target { reply(target, .failed(Self.proposalError(error)), from: host) }
            processReady(host)
            return false
        }
        if let target { m.proposals.append(PendingProposal(index: last, term: m.raft.term, target: target, reply: answer)) }
        hosts[host.index].manager = m
        processReady(host)
        return true
    }

    static func proposalError(_ error: Raft.ProposalError) -> EngineError {
        switch error {
        case .wouldLoseQuorum: .lossOfQuorum
        case .membershipChangeInProgress: .rpc("Unavailable", "raft: propose configuration change refused: a membership change is in progress")
        case .notLeader: .lostLeadership
        default: .rpc("Unknown", "raft: \(error)")
        }
    }

    // MARK: Views

    /// The leader as `host`'s manager knows it.
    func knownLeader(_ host: HostID) -> HostID? {
        guard let m = hosts[host.index].manager, let id = m.raft.leader else { return nil }
        return raftDirectory[id]
    }

    /// Manager status of a node with Raft ID `raftID`, as `host`'s manager sees it (swarmkit
    /// GetMemberlist: the leader flag from Raft, reachability from the transport's activity).
    func managerStatus(raftID: UInt64, address: String, seenFrom host: HostID) -> NodeView.ManagerStatus? {
        guard raftID != 0, let m = hosts[host.index].manager, m.raft.voters.contains(raftID) else { return nil }
        let leader = m.raft.leader == raftID
        let reachable: Bool
        if raftID == m.raft.id { reachable = true }
        else if m.raft.role == .leader { reachable = m.raft.isReachable(raftID) }
        else if let heard = m.lastHeard[raftID] { reachable = now - heard <= options.raftTick * Int64(options.raft.electionTicks) }
        else { reachable = false }
        return .init(leader: leader, reachable: reachable, address: address + ":2377")
    }

    func nodeViews(seenFrom host: HostID) -> [NodeView] {
        guard let store = hosts[host.index].manager?.store else { return [] }
        return store.nodes.map { NodeView(record: $0, managerStatus: managerStatus(raftID: $0.raftID, address: $0.address, seenFrom: host)) }
    }
}
