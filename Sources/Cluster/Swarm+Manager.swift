import SimCore
import Raft
import Orchestration
import NodeRoles

/// The manager half of an engine: Raft, the applied store, and proposals.
extension Swarm {
    // MARK: Lifecycle

    /// Starts (or restarts) the manager on `host` with `raft`, and its tick. The store starts
    /// empty: Raft's first Ready hands out the founding entries, or after a restart the stored
    /// snapshot and the committed entries after it, and applying them rebuilds the store.
    /// `tick` false: the host's tick is already running (a manager replaced in place).
    func startManager(_ host: HostID, raft: StoreRaft, tick: Bool = true) {
        if hosts[host.index].raftStorage == nil { hosts[host.index].raftStorage = Raft.Storage() }
        let store = ClusterStore()
        let applied: UInt64 = 0
        let runtime = Manager(raft: raft, store: store)
        runtime.appliedIndex = applied
        managerStarts &+= 1
        runtime.serial = managerStarts
        hosts[host.index].manager = runtime
        raftDirectory[raft.id] = host
        // Managers' tickers are not aligned: start each at a random phase within one tick.
        let phase = SimDuration(nanoseconds: Int64(jitter.below(UInt64(max(options.raftTick.nanoseconds, 1)))))
        if tick { schedule(.raftTick(host, incarnation: network.incarnation(host)), after: phase) }
        traceHost("manager.start", host)
        notify(.managerStarted(host))
        hosts[host.index].leaderSince = raft.role == .leader ? now : nil
        notify(.role(host, raft.role, term: raft.term))
    }

    /// Stops the manager on `host` (demoted or removed): the agent carries on as a worker's.
    func stopManager(_ host: HostID) {
        guard let runtime = hosts[host.index].manager else { return }
        for p in runtime.proposals { answer(p, .failed(.lostLeadership), from: host) }
        safety.retired(runtime.raft.id)
        hosts[host.index].manager = nil
        hosts[host.index].raftStorage = nil
        hosts[host.index].membership?.raftID = 0
        traceHost("manager.stop", host)
        notify(.managerStopped(host))
    }

    /// Reads from the manager on `host` (nil when it runs none).
    func withManager<R>(_ host: HostID, _ body: (Manager) -> R) -> R? {
        hosts[host.index].manager.map(body)
    }

    // MARK: Raft I/O

    func raftTick(_ host: HostID) {
        guard let m = hosts[host.index].manager else { return }
        m.tick()
        // Most ticks of a follower only count: skip the Ready loop and role manager, which
        // would find nothing to do (`Manager.isIdle`).
        if m.isIdle {
            tickOnlyCounted = true
        } else {
            processReady(host)
            reconcileRoles(host)
        }
        if hosts[host.index].manager != nil {
            schedule(.raftTick(host, incarnation: network.incarnation(host)), after: options.raftTick + nextTickJitter())
        }
    }

    /// How much this tick's interval deviates from `raftTick`: uniform in ±`raftTickJitter`/2
    /// (capped below one tick), each interval starting where the last one ended, so a manager's
    /// clock wanders while its mean rate stays exact. Zero, and no draw, when the jitter is off.
    func nextTickJitter() -> SimDuration {
        let span = min(options.raftTickJitter.nanoseconds, options.raftTick.nanoseconds - 1)
        guard span > 0 else { return .zero }
        return SimDuration(nanoseconds: Int64(tickJitterRandom.below(UInt64(span) + 1)) - span / 2)
    }

    func raftReceive(_ message: RaftMessage, at host: HostID) {
        guard let m = hosts[host.index].manager, !refuseRemovedMember(message, at: host) else { return }
        let before = options.raftTermWriteFirst ? m.raft.hardState : nil
        m.receive(message, at: now)
        // `raftTermWriteFirst`: a vote granted in a term this message brought costs two writes.
        let writes = before.map { b in
            let a = m.raft.hardState
            return a.term > b.term && a.vote != nil ? 2 : 1
        } ?? 1
        processReady(host, writes: writes)
    }

    /// Carries out what the manager on `host` has ready: persists and sends Raft's output,
    /// announces role changes, answers the proposals applied or stranded, and on the leader
    /// starts what the applied entries call for. `writes`: how many disk writes persisting it
    /// takes (see `SwarmOptions.raftTermWriteFirst`).
    func processReady(_ host: HostID, writes: Int = 1) {
        guard let m = hosts[host.index].manager, m.raft.hasReady else { return settleOnly(host) }
        let ready = m.drainReady(
            persist: { self.hosts[host.index].raftStorage?.persist($0) },
            observe: safety.isEnabled ? { raft, ready in self.safety.observe(raft, ready: ready) } : nil,
            check: invariants.isEnabled ? { changes, index, manager in
                self.checkInvariants(afterApplying: changes, index: index, manager: manager, on: host)
            } : nil)
        raftReadyPersisted(ready.messages, from: host, wrote: ready.wrote, writes: writes)
        announce(ready.announced, nodeStates: ready.applied.nodeStates, on: host)
        if ready.applied.storeChanged { notify(.storeApplied(host)) }
        settle(host, roleChanged: !ready.roleChanges.isEmpty, applied: ready.applied)
    }

    /// `processReady` when Raft had nothing ready: what is left is the proposals to settle.
    private func settleOnly(_ host: HostID) {
        settle(host, roleChanged: false, applied: ApplyEffects())
    }

    /// Answers the proposals the manager on `host` settled, schedules its stop once Raft removed
    /// it, and starts or stops the leader-only work.
    private func settle(_ host: HostID, roleChanged: Bool, applied: ApplyEffects) {
        guard let settled = hosts[host.index].manager?.settle() else { return }
        for p in settled.answered { answer(p, nil, from: host) }
        for p in settled.lost { answer(p, .failed(.lostLeadership), from: host) }
        guard let m = hosts[host.index].manager else { return }
        if m.takeStopDue() {
            schedule(.stopRemovedManager(host, incarnation: network.incarnation(host)),
                     after: options.raftTick * Int64(2 * options.raft.electionTicks))
        }
        if roleChanged {
            var effects: [ManagerEffect] = []
            m.leadershipChanged(now: now, settings: dispatcherSettings, effects: &effects)
            perform(effects, ofManagerOn: host)
        }
        if m.raft.role == .leader { afterApplyOnLeader(host, applied, roleChanged: roleChanged) }
    }

    /// Notifies and traces Raft role and term changes and the node states the leader recorded.
    private func announce(_ roleChanges: [(role: Raft.Role, term: UInt64)], nodeStates: [(String, NodeState)], on host: HostID) {
        for (role, term) in roleChanges {
            if role == .leader { hosts[host.index].leaderSince = now }
            notify(.role(host, role, term: term))
            if trace.isEnabled {
                var line = TraceLine(time: now, event: "raft.role")
                line.field("host", name(of: host))
                line.field("role", "\(role)")
                line.field("term", Int(term))
                trace.write(line)
            }
        }
        for (hostname, state) in nodeStates {
            notify(.nodeState(hostname: hostname, state))
            if trace.isEnabled {
                var line = TraceLine(time: now, event: "node.state")
                line.field("node", hostname)
                line.field("state", state.rawValue)
                trace.write(line)
            }
        }
    }

    // MARK: Proposals

    /// Proposes `commands` on the leader `host`; `reply` goes to `target` once the last is applied.
    /// Returns false (and answers `target`) when the proposal is refused.
    @discardableResult
    func propose(_ commands: [StoreCommand], membership: Raft.MembershipChange? = nil, on host: HostID,
                 target: ReplyTarget?, reply answer: Reply) -> Bool {
        guard hosts[host.index].manager?.raft.role == .leader else {
            if let target { reply(target, .failed(.lostLeadership), from: host) }
            return false
        }
        // The membership change goes last: entries after it would need the new quorum, and a
        // joining manager starts only once it is answered.
        let result: Result<UInt64, Raft.ProposalError>
        do throws(Raft.ProposalError) {
            result = .success(try hosts[host.index].manager?.propose(commands, membership: membership) ?? 0)
        } catch {
            result = .failure(error)
        }
        switch result {
        case .failure(let error):
            if let target { reply(target, .failed(Self.proposalError(error)), from: host) }
            processReady(host)
            return false
        case .success(let last):
            if let target, let m = hosts[host.index].manager {
                proposalTickets &+= 1
                proposalWaiters[proposalTickets] = ProposalWaiter(target: target, reply: answer)
                m.waitForApply(last, ticket: proposalTickets)
            }
            processReady(host)
            return true
        }
    }

    /// Answers the writer waiting for `proposal`: with `answer`, or nil for the reply it asked for.
    func answer(_ proposal: PendingProposal, _ answer: Reply?, from host: HostID) {
        guard let waiter = proposalWaiters.removeValue(forKey: proposal.ticket) else { return }
        reply(waiter.target, answer ?? waiter.reply, from: host)
    }

    static func proposalError(_ error: Raft.ProposalError) -> EngineError {
        switch error {
        case .wouldLoseQuorum: .lossOfQuorum
        case .membershipChangeInProgress: .rpc("Unavailable", "raft: propose configuration change refused: a membership change is in progress")
        case .notLeader: .lostLeadership
        case .proposalDropped: .rpc("Unknown", "raft proposal dropped")
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
