import SimCore
import Raft
import Orchestration
import NodeRoles

/// `docker swarm init --force-new-cluster`: a manager of a swarm that lost quorum starts again
/// as the only manager of the same cluster (moby daemon/cluster `Init` stops the node and starts
/// it with `ForceNewCluster`; swarmkit rewrites the Raft membership to this member alone). The
/// store is kept: services, tasks, networks, nodes and tokens; workers reconnect and their tasks
/// carry on. The other managers are no longer members: the new cluster refuses their Raft
/// messages, and one that hears so stops its swarm node until it leaves and joins again.
extension Swarm {
    func forceNewCluster(_ op: OperationID, on host: HostID, heartbeat: SimDuration?, historyLimit: Int?) {
        guard let membership = hosts[host.index].membership else {
            // Not in a swarm: a plain `swarm init`.
            return initSwarm(op, on: host, advertise: nil, heartbeat: heartbeat, historyLimit: historyLimit)
        }
        guard membership.raftID != 0, !membership.removedByForce, let storage = hosts[host.index].raftStorage else {
            return finish(op, .failure(.worker))
        }
        let ticking = hosts[host.index].manager != nil
        if let old = hosts[host.index].manager {
            for p in old.proposals { answer(p, .failed(.lostLeadership), from: host) }
            hosts[host.index].manager = nil
            traceHost("manager.stop", host)
            notify(.managerStopped(host))
        }
        var raft = StoreRaft(id: membership.raftID, restoring: storage, config: options.raft, random: raftRandom(host))
        let kept = raft.commitIndex
        let removed = raft.forceNewCluster()
        hosts[host.index].membership?.removedRaftMembers = (membership.removedRaftMembers + removed).sorted()
        // The observer stops watching every other manager of the old cluster, running or
        // crashed: those the new configuration removed, any whose own removal (a demotion) this
        // log already holds while it has not applied it yet, and any this stale log never knew
        // (promoted after it fell behind), which may restart later with its own log. Its Raft is
        // another cluster's history now; a manager that joins the new cluster gets a new ID.
        let others = hosts.compactMap { h -> UInt64? in
            guard h.id != host else { return nil }
            return h.manager?.raft.id ?? h.membership.flatMap { $0.raftID == 0 ? nil : $0.raftID }
        }
        safety.forcedNewCluster(raft, removed: (removed + others).sorted())
        if invariants.isEnabled { invariants.forcedNewCluster(keepingThrough: kept) }
        traceForcedNewCluster(host, removed: removed)
        raft.campaign()
        startManager(host, raft: raft, tick: !ticking)
        hosts[host.index].pendingForcedInit = op
        processReady(host)
        // moby restarts the node, whose agent registers at once with the new dispatcher.
        hosts[host.index].agent?.restartSession()
        sendHeartbeat(host)
        if heartbeat != nil || historyLimit != nil {
            updateClusterAfterForcedInit(host, heartbeat: heartbeat, historyLimit: historyLimit)
        }
    }

    /// moby's `initClusterSpec`: the flags given with the init are merged into the cluster's spec.
    private func updateClusterAfterForcedInit(_ host: HostID, heartbeat: SimDuration?, historyLimit: Int?) {
        propose([.updateCluster(heartbeat: heartbeat, taskHistoryLimit: historyLimit, at: now)], on: host,
                target: nil, reply: .api(.success(.done)))
    }

    /// Answers a waiting `swarm init --force-new-cluster` once this node's agent has registered
    /// with its manager's new dispatcher: moby's `Init` returns when the node is ready, so
    /// `node ls` straight after shows it Ready. (moby restarts the whole node, whose agent
    /// registers at once; here the agent carries on and registers at its next heartbeat.)
    func finishForcedInit(_ host: HostID) {
        guard let op = hosts[host.index].pendingForcedInit, let nodeID = hosts[host.index].membership?.nodeID,
              let term = withManager(host, { $0.dispatcher != nil && $0.raft.role == .leader ? $0.raft.term : nil }) ?? nil,
              hosts[host.index].agent?.sessionTerm == term else { return }
        hosts[host.index].pendingForcedInit = nil
        finish(op, .success(.joined(nodeID: nodeID, asManager: true, managerAddress: address(of: host) + ":2377")))
    }

    /// On a manager whose cluster was forced anew: a Raft message from a member it removed is
    /// refused, and the sender told (swarmkit answers `ErrMemberRemoved`). True if refused.
    func refuseRemovedMember(_ message: RaftMessage, at host: HostID) -> Bool {
        let byForce = hosts[host.index].membership?.removedRaftMembers.contains(message.from) == true
        guard byForce || hosts[host.index].manager?.removedByDemotion(message.from) == true else { return false }
        if let sender = raftDirectory[message.from] {
            send(.raftMemberRemoved(message.from, byForce: byForce), from: host, to: sender)
        }
        return true
    }

    /// The manager `raftID` hears that a demotion removed it from Raft, which it missed (it was
    /// cut off, say, and may have been promoted again since): it stops and drops its Raft state,
    /// and its agent carries on; if the node is to be a manager still, its next heartbeat's
    /// answer has it join Raft anew under a new ID (swarmkit's node wipes its Raft state on
    /// `ErrMemberRemoved` and starts its manager again).
    func memberRemovedByDemotion(_ raftID: UInt64, at host: HostID) {
        guard let m = hosts[host.index].manager, m.raft.id == raftID else { return }
        stopManager(host)
    }

    /// The manager `raftID` hears that a forced new cluster removed it: its swarm node stops
    /// (manager and agent), and stays stopped, across restarts, until the engine leaves.
    func memberRemovedByForce(_ raftID: UInt64, at host: HostID) {
        guard let m = hosts[host.index].manager, m.raft.id == raftID else { return }
        for p in m.proposals { answer(p, .failed(.lostLeadership), from: host) }
        hosts[host.index].manager = nil
        hosts[host.index].membership?.removedByForce = true
        stopAgent(host)
        traceHost("manager.removed", host)
        notify(.managerStopped(host))
    }

    /// Observer: whether `host`'s engine is a manager that a forced new cluster removed from
    /// Raft (it may not know yet). For pictures and reports, never for a role's decisions.
    public func isForcedOut(_ host: HostID) -> Bool {
        guard let membership = hosts[host.index].membership, membership.raftID != 0 else { return false }
        return membership.removedByForce || safety.forcedOut.contains(membership.raftID)
    }

    private func traceForcedNewCluster(_ host: HostID, removed: [UInt64]) {
        guard trace.isEnabled else { return }
        var line = TraceLine(time: now, event: "raft.force-new-cluster")
        line.field("host", name(of: host))
        line.field("removed", removed.compactMap { raftDirectory[$0].map(name(of:)) })
        trace.write(line)
    }
}
