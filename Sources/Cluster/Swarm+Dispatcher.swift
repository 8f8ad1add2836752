import SimCore
import Orchestration
import NodeRoles

/// Where the shell meets the leader's `Dispatcher` (NodeRoles/Dispatcher.swift): heartbeats and
/// expiry timers in, its effects carried out; and how an engine follows the role the
/// dispatcher tells its agent (starting or stopping its manager).
extension Swarm {
    // MARK: The engine follows its role

    /// A node promoted in the store starts its manager by asking the leader to add it to Raft;
    /// a node demoted (no longer a Raft member) stops it.
    func reconcileRole(_ host: HostID, role: NodeRole, isRaftMember: Bool) {
        guard let membership = hosts[host.index].membership else { return }
        if role == .manager, hosts[host.index].manager == nil, hosts[host.index].agent != nil, !hosts[host.index].joiningRaft {
            let raftID = membership.raftID != 0 ? membership.raftID : identity.newRaftID()
            hosts[host.index].membership?.raftID = raftID
            raftDirectory[raftID] = host
            hosts[host.index].joiningRaft = true
            guard let manager = agentManager(host) else { return }
            _ = call(.raftJoin(nodeID: membership.nodeID, raftID: raftID, joiner: host), from: host, to: manager, purpose: .raftJoin, timeout: options.requestTimeout)
        } else if role == .worker, hosts[host.index].manager != nil, !isRaftMember {
            stopManager(host)
        }
    }

    func raftJoinAnswered(_ host: HostID, _ reply: Reply) {
        hosts[host.index].joiningRaft = false
        let pending = hosts[host.index].pendingJoin
        guard case .raftJoined = reply, let raftID = hosts[host.index].membership?.raftID,
              hosts[host.index].manager == nil else {
            // Failed: the next heartbeat tries again; a waiting `swarm join` reports the error.
            if let pending, case .failed(let error) = reply {
                hosts[host.index].pendingJoin = nil
                finish(pending.operation, .failure(error))
            }
            return
        }
        hosts[host.index].raftStorage = nil
        startManager(host, raft: StoreRaft(id: raftID, voters: [], config: options.raft, random: raftRandom(host)))
        finishJoinIfRegistered(host)
    }

    /// Answers a waiting `swarm init` or `swarm join` once its node has registered (its first
    /// heartbeat answered, after the node was written Ready) and, for a manager, runs in Raft:
    /// swarmkit's node is ready only when its agent's session is established.
    func finishJoinIfRegistered(_ host: HostID) {
        // Called on every heartbeat answer, and a join is nearly never pending: asked first, and
        // without binding the agent, which would copy it.
        guard hosts[host.index].pendingJoin != nil, (hosts[host.index].agent?.sessionTerm ?? 0) != 0,
              !hosts[host.index].joiningRaft, let pending = hosts[host.index].pendingJoin else { return }
        if pending.asManager, hosts[host.index].manager == nil { return }
        hosts[host.index].pendingJoin = nil
        finish(pending.operation, .success(pending.answer))
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

    /// A heartbeat from node `nodeID` (sent from `origin`) to the dispatcher on `host`, through
    /// `via`. `sender`: the node's own host (nil: not known), which the mesh effects then reach
    /// without asking the address book.
    func dispatcherHeartbeat(nodeID: String, origin: HostID, incarnation: UInt32, newStream: Bool, via: HostID,
                             position: Int?, sender: HostID?, on host: HostID, target: ReplyTarget) {
        guard let heartbeat = hosts[host.index].manager?.dispatcherHeartbeat else {
            return reply(target, .failed(.noLeader), from: host)
        }
        if hosts[host.index].manager?.dispatcher == nil { startDispatcherIfDue(host) }
        // The host table is asked again: starting the dispatcher may change the manager. A
        // leader still applying its log runs no dispatcher yet: the agent tries again.
        guard let m = hosts[host.index].manager, m.dispatcher != nil else { return reply(target, .failed(.noLeader), from: host) }
        // The manager reads its store in place (Manager+Heartbeat.swift): no copy of it. The
        // node's new expiry timer is the first effect, so nothing is scheduled between its ID,
        // reserved here, and the place its event would take in the queue.
        var effects = takeDispatcherEffects()
        guard m.dispatcherHeartbeat(nodeID: nodeID, origin: origin, incarnation: incarnation, newStream: newStream, via: via,
                                    position: position, now: now, heartbeat: heartbeat,
                                    epsilon: options.heartbeatEpsilon, jitter: &jitter, expiryOrder: simulator.reserveEventID(),
                                    effects: &effects) else {
            dispatcherEffects = effects
            return reply(target, .failed(.rpc("NotFound", "node not registered")), from: host)
        }
        perform(effects, ofDispatcherOn: host, answering: target, node: sender.map { (nodeID, $0) })
    }

    func nodeExpired(_ host: HostID, session: SessionNumber, generation: UInt64) {
        // Most events find a newer timer to move on to, or nothing: one lookup tells, before
        // anything else is read or any buffer taken. The dispatcher hears of every event of
        // its own, so that it always knows whether one is waiting; only marking a node Down
        // needs its manager to lead still.
        guard let m = hosts[host.index].manager,
              let check = m.dispatcher?.timerFired(session, generation: generation, now: now) else { return }
        switch check {
        case .void:
            return
        case .later(let newest, let delay, let order):
            scheduleNodeExpiry(on: host, session: session, generation: newest, after: delay, order: order)
        case .due:
            guard m.raft.role == .leader else { return }
            var effects = takeDispatcherEffects()
            m.dispatcher?.expired(session, generation: generation, store: m.store, now: now, effects: &effects)
            perform(effects, ofDispatcherOn: host, answering: nil)
        }
    }

    /// Schedules the event of expiry timer `generation` of `session` on `host`'s dispatcher, due
    /// after `delay`: under the event ID `order` its heartbeat reserved, or a new one.
    private func scheduleNodeExpiry(on host: HostID, session: SessionNumber, generation: UInt64, after delay: SimDuration,
                                    order: EventID?) {
        let event = SwarmEvent.nodeExpiry(host, incarnation: network.incarnation(host), session: session, generation: generation)
        if let order { simulator.schedule(event, at: now + delay, reserved: order) } else { schedule(event, after: delay) }
    }

    /// On the leader: agents' reports become one batch of status changes.
    func dispatcherTaskStatus(_ reports: [TaskReport], on host: HostID) {
        var effects = takeDispatcherEffects()
        Dispatcher.taskStatus(reports, effects: &effects)
        perform(effects, ofDispatcherOn: host, answering: nil)
    }

    // MARK: Carrying out the dispatcher's effects

    /// The dispatchers' effects buffer, emptied, for one event (handed back by `perform`).
    func takeDispatcherEffects() -> [DispatcherEffect] {
        var effects = dispatcherEffects
        dispatcherEffects = []
        effects.removeAll(keepingCapacity: true)
        return effects
    }

    /// Carries out `effects`; `node`, when given, is a node whose host is already known (a
    /// heartbeat's sender), found without the address book (`hostOfNode`), whose lookup is a
    /// cache miss per heartbeat in a big swarm.
    func perform(_ effects: [DispatcherEffect], ofDispatcherOn host: HostID, answering target: ReplyTarget?,
                 node: (id: String, host: HostID)? = nil) {
        for effect in effects { perform(effect, ofDispatcherOn: host, answering: target, node: node) }
        dispatcherEffects = effects
    }

    func perform(_ effect: DispatcherEffect, ofDispatcherOn host: HostID, answering target: ReplyTarget?,
                 node: (id: String, host: HostID)?) {
        /// The host of node `nodeID`: the one known, else the address book's.
        func nodeHost(_ nodeID: String) -> HostID? {
            if let node, node.id == nodeID { return node.host }
            return hostOfNode[nodeID]
        }
        switch effect {
        case .started:
            traceHost("dispatcher.start", host)
        case .propose(let commands):
            propose(commands, on: host, target: nil, reply: .api(.success(.done)))
        case .expiryDue(let session, let generation, let delay, let order):
            scheduleNodeExpiry(on: host, session: session, generation: generation, after: delay, order: order)
        case .heartbeatAnswer(let period, let role, let isRaftMember, let term, let writeFirst):
            let answer = Reply.heartbeat(period: period, role: role, isRaftMember: isRaftMember,
                                         managers: managerHosts(of: host), term: term,
                                         leader: hosts[host.index].manager?.serial ?? 0)
            // swarmkit's register answers once the node is written Ready (markNodeReady
            // waits for the batch), so an agent's first session means its node is Ready.
            if !writeFirst.isEmpty {
                propose(writeFirst, on: host, target: target, reply: answer)
            } else if let target {
                reply(target, answer, from: host)
            }
        case .sendAssignments(let nodeID):
            sendAssignments(nodeID: nodeID, from: host)
        case .sendMesh(let nodeID):
            if let h = nodeHost(nodeID) { sendFullMesh(to: h, from: host) }
        case .repairMesh(let nodeID):
            if let h = nodeHost(nodeID), meshIsStale(on: h, leader: host) { sendFullMesh(to: h, from: host) }
        }
    }
}
