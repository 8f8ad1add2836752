import SimCore
import Orchestration

/// Heartbeats: every node's agent reports to the leader's dispatcher, which marks a node Down
/// when its heartbeats stop (swarmkit manager/dispatcher, agent/session).
extension Swarm {
    // MARK: Agent

    /// Starts the agent on `host`: it heartbeats at once, then whenever the dispatcher says.
    func startAgent(_ host: HostID) {
        hosts[host.index].agent = AgentRuntime()
        schedule(.heartbeatDue(host, incarnation: network.incarnation(host)), after: .zero)
    }

    /// The manager the agent talks to: its own engine if it is a manager, else one it knows,
    /// moving on to the next after each failure.
    func agentManager(_ host: HostID) -> HostID? {
        let known = hosts[host.index].knownManagers.filter { $0 != host }
        let failures = hosts[host.index].agent?.failures ?? 0
        // A manager's agent uses its own manager, but after a failure also tries the others
        // (swarmkit's remotes): a manager demoted while it was down learns so from them.
        if hosts[host.index].manager != nil && (failures % 2 == 0 || known.isEmpty) { return host }
        guard !known.isEmpty else { return nil }
        return known[failures % known.count]
    }

    func sendHeartbeat(_ host: HostID) {
        guard let agent = hosts[host.index].agent, agent.inFlight == nil,
              let membership = hosts[host.index].membership else { return }
        guard let manager = agentManager(host) else { return }
        let period = currentHeartbeatPeriod(host)
        let id = call(.heartbeat(nodeID: membership.nodeID), from: host, to: manager, purpose: .heartbeat, timeout: period)
        hosts[host.index].agent?.manager = manager
        hosts[host.index].agent?.inFlight = id
    }

    func currentHeartbeatPeriod(_ host: HostID) -> SimDuration {
        hosts[host.index].manager?.store.cluster?.dispatcherHeartbeat ?? options.dispatcherHeartbeat
    }

    func heartbeatAnswered(_ host: HostID, _ reply: Reply) {
        guard hosts[host.index].agent != nil else { return }
        hosts[host.index].agent?.inFlight = nil
        switch reply {
        case .heartbeat(let period, let role, let isRaftMember, let managers, let term):
            hosts[host.index].agent?.failures = 0
            if term != hosts[host.index].agent?.sessionTerm {
                // A new leader's dispatcher: report every task again, as the new session's
                // first status update does in swarmkit.
                hosts[host.index].agent?.sessionTerm = term
                reportAll(host)
            }
            if !managers.isEmpty { hosts[host.index].knownManagers = managers }
            reconcileRole(host, role: role, isRaftMember: isRaftMember)
            flushReports(host)
            schedule(.heartbeatDue(host, incarnation: network.incarnation(host)), after: period)
        default:
            // Session failed: try the next manager after a backoff (swarmkit agent: exponential,
            // capped, with jitter).
            let failures = (hosts[host.index].agent?.failures ?? 0) + 1
            hosts[host.index].agent?.failures = failures
            let base = SimDuration.milliseconds(100) * Int64(1 << min(failures, 7))
            let backoff = min(base, .seconds(8))
            let spread = SimDuration(nanoseconds: Int64(jitter.below(UInt64(backoff.nanoseconds / 2 + 1))))
            schedule(.heartbeatDue(host, incarnation: network.incarnation(host)), after: backoff / 2 + spread)
        }
    }

    /// A node promoted in the store starts its manager by asking the leader to add it to Raft;
    /// a node demoted (no longer a Raft member) stops it.
    func reconcileRole(_ host: HostID, role: NodeRole, isRaftMember: Bool) {
        guard let membership = hosts[host.index].membership else { return }
        if role == .manager, hosts[host.index].manager == nil, hosts[host.index].agent?.joiningRaft == false {
            let raftID = membership.raftID != 0 ? membership.raftID : identity.newRaftID()
            hosts[host.index].membership?.raftID = raftID
            raftDirectory[raftID] = host
            hosts[host.index].agent?.joiningRaft = true
            guard let manager = agentManager(host) else { return }
            _ = call(.raftJoin(nodeID: membership.nodeID, raftID: raftID), from: host, to: manager, purpose: .raftJoin, timeout: options.requestTimeout)
        } else if role == .worker, hosts[host.index].manager != nil, !isRaftMember {
            stopManager(host)
        }
    }

    func raftJoinAnswered(_ host: HostID, _ reply: Reply) {
        hosts[host.index].agent?.joiningRaft = false
        let pending = hosts[host.index].agent?.pendingJoin
        guard case .raftJoined = reply, let raftID = hosts[host.index].membership?.raftID,
              hosts[host.index].manager == nil else {
            // Failed: the next heartbeat tries again; a waiting `swarm join` reports the error.
            if let (op, _) = pending, case .failed(let error) = reply {
                hosts[host.index].agent?.pendingJoin = nil
                finish(op, .failure(error))
            }
            return
        }
        hosts[host.index].raftStorage = nil
        startManager(host, raft: StoreRaft(id: raftID, voters: [], config: options.raft, random: raftRandom(host)))
        if let (op, answer) = pending {
            hosts[host.index].agent?.pendingJoin = nil
            finish(op, .success(answer))
        }
    }

    /// On the leader: adds a promoted (or newly joined) manager to Raft.
    func addManager(nodeID: String, raftID: UInt64, joiner: HostID, on host: HostID, target: ReplyTarget) {
        guard let m = hosts[host.index].manager, let node = m.store.node(id: nodeID), node.role == .manager else {
            return reply(target, .failed(.rpc("FailedPrecondition", "node \(nodeID) is not a manager")), from: host)
        }
        raftDirectory[raftID] = joiner
        if m.raft.voters.contains(raftID) {
            return reply(target, .raftJoined(voters: m.raft.voters), from: host)
        }
        // Membership changes take effect when committed, so the old quorum commits this one;
        // the answer tells the new manager to start, and it learns the voters from the log.
        propose([.setNodeRole(id: nodeID, .manager, raftID: raftID, at: now)],
                membership: .addVoter(raftID), on: host, target: target, reply: .raftJoined(voters: []))
    }

    // MARK: Dispatcher (leader only)

    /// Starts the dispatcher when this manager leads and the store holds a swarm: every node not
    /// Down becomes Unknown, with twice the usual grace to report in (swarmkit markNodesUnknown).
    func leaderCheckDispatcher(_ host: HostID) {
        // Not before the store holds every entry the log had at the election (see
        // `leadershipChanged`): marking nodes Unknown and arming their expiry from an older store
        // would miss the nodes that the entries still to apply mark Unknown or Ready.
        guard let m = hosts[host.index].manager, m.raft.role == .leader, m.dispatcher == nil,
              m.appliedIndex >= m.orchestrationFence, let cluster = m.store.cluster else { return }
        hosts[host.index].manager?.dispatcher = Dispatcher(term: m.raft.term)
        traceHost("dispatcher.start", host)
        let grace = cluster.dispatcherHeartbeat * options.gracePeriodMultiplier * 2
        var commands: [StoreCommand] = []
        for node in m.store.nodes where node.state != .down {
            commands.append(.setNodeState(id: node.id, .unknown, message: "Node moved to \"unknown\" state due to leadership change in cluster", at: now))
            armExpiry(host, nodeID: node.id, after: grace)
        }
        if !commands.isEmpty { propose(commands, on: host, target: nil, reply: .api(.success(.done))) }
    }

    func armExpiry(_ host: HostID, nodeID: String, after delay: SimDuration) {
        guard let generation = hosts[host.index].manager?.dispatcher?.nextGeneration else { return }
        hosts[host.index].manager?.dispatcher?.nextGeneration += 1
        hosts[host.index].manager?.dispatcher?.generation[nodeID] = generation
        schedule(.nodeExpiry(host, incarnation: network.incarnation(host), nodeID: nodeID, generation: generation), after: delay)
    }

    func dispatcherHeartbeat(nodeID: String, on host: HostID, target: ReplyTarget) {
        // Read what is needed, and hold no copy of the manager while its tables change: a copy
        // alive across the change would make the change copy the whole table.
        guard let heartbeat = hosts[host.index].manager?.store.cluster?.dispatcherHeartbeat else {
            return reply(target, .failed(.noLeader), from: host)
        }
        if hosts[host.index].manager?.dispatcher == nil { leaderCheckDispatcher(host) }
        // A leader still applying its log runs no dispatcher yet: the agent tries again.
        guard hosts[host.index].manager?.dispatcher != nil else { return reply(target, .failed(.noLeader), from: host) }
        guard let node = hosts[host.index].manager?.store.node(id: nodeID),
              let term = hosts[host.index].manager?.raft.term else {
            return reply(target, .failed(.rpc("NotFound", "node not registered")), from: host)
        }
        let isRaftMember = node.raftID != 0 && (hosts[host.index].manager?.raft.voters.contains(node.raftID) ?? false)
        let period = heartbeat
            + SimDuration(nanoseconds: Int64(jitter.below(UInt64(max(options.heartbeatEpsilon.nanoseconds, 1)))))
        // A node new to this dispatcher (or coming back from Down or Unknown) gets its
        // assignments, as a new swarmkit session does.
        let incarnation = hostOfNode[nodeID].map { network.incarnation($0) }
        let newSession = incarnation != nil && hosts[host.index].manager?.dispatcher?.agentIncarnation[nodeID] != incarnation
        hosts[host.index].manager?.dispatcher?.agentIncarnation[nodeID] = incarnation
        let firstContact = hosts[host.index].manager?.dispatcher?.generation[nodeID] == nil || node.state != .ready || newSession
        // swarmkit's session is a reliable stream: an assignment the network lost is sent again.
        // Here a task left unacknowledged for a heartbeat period (still assigned, prepared but
        // not started though it may start now, or not yet stopped) means its assignment message
        // was lost: the node gets its set once more.
        let lagging = hosts[host.index].manager?.store.containsTask(onNode: nodeID) { t in
            now - t.updatedAt >= heartbeat
                && (t.status.state == .assigned
                    || (t.desiredState == .running && t.status.state == .ready)
                    || (t.desiredState > .running && t.status.state <= .running))
        } ?? false
        armExpiry(host, nodeID: nodeID, after: period * options.gracePeriodMultiplier)
        if node.state != .ready {
            propose([.setNodeState(id: nodeID, .ready, message: "", at: now)], on: host, target: nil, reply: .api(.success(.done)))
        }
        reply(target, .heartbeat(period: period, role: node.role, isRaftMember: isRaftMember,
                                 managers: managerHosts(of: host), term: term), from: host)
        if firstContact || lagging {
            sendAssignments(nodeID: nodeID, from: host)
            if let h = self.host(ofNode: node) { sendFullMesh(to: h, from: host) }
        } else if let h = self.host(ofNode: node), meshIsStale(on: h, leader: host) {
            sendFullMesh(to: h, from: host)
        }
    }

    func nodeExpired(_ host: HostID, nodeID: String, generation: UInt64) {
        guard let m = hosts[host.index].manager, let d = m.dispatcher, m.raft.role == .leader,
              d.generation[nodeID] == generation, let node = m.store.node(id: nodeID), node.state != .down else { return }
        let message = node.state == .unknown ? "heartbeat failure for node in \"unknown\" state" : "heartbeat failure"
        propose([.setNodeState(id: nodeID, .down, message: message, at: now)], on: host, target: nil, reply: .api(.success(.done)))
    }
}
