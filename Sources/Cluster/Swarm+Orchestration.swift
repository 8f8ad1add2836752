import SimCore
import Raft
import Orchestration
import NodeRoles

/// The leader's orchestrators and scheduler, and the dispatcher's side of tasks: assignments to
/// nodes and status reports from them (swarmkit manager/orchestrator, scheduler, dispatcher).
extension Swarm {
    /// swarmkit's scheduler commits in batches: a change waits this long for others to join it.
    static let orchestrationDebounce = SimDuration.milliseconds(50)

    // MARK: Orchestration passes

    /// Asks for an orchestration pass on the leader `host` at `time` (or after the debounce),
    /// unless one is already due sooner.
    func requestOrchestration(_ host: HostID, at time: SimTime? = nil) {
        guard let m = hosts[host.index].manager, m.raft.role == .leader, m.store.cluster != nil else { return }
        let due = time ?? now + Self.orchestrationDebounce
        if let scheduled = m.orchestrationDue, scheduled <= due { return }
        hosts[host.index].manager?.orchestrationDue = due
        let at = max(due, now), term = m.raft.term
        guard !m.scheduledPasses.contains(where: { $0.time == at && $0.term == term }) else { return }
        hosts[host.index].manager?.scheduledPasses.append((at, term))
        simulator.schedule(.orchestrate(host, incarnation: network.incarnation(host), term: term), at: at)
    }

    /// One pass: the orchestrators plan from the applied store, the scheduler places what they
    /// left pending, and the leader proposes it all as one entry.
    func orchestrate(_ host: HostID, term: UInt64) {
        if let i = hosts[host.index].manager?.scheduledPasses.firstIndex(where: { $0.time == now && $0.term == term }) {
            hosts[host.index].manager?.scheduledPasses.remove(at: i)
        }
        guard let m = hosts[host.index].manager, m.raft.role == .leader, m.raft.term == term else { return }
        if let due = m.orchestrationDue, due > now { return }   // superseded by a later request
        hosts[host.index].manager?.orchestrationDue = nil
        // Our last pass is not applied yet; applying it asks for the next one.
        guard m.appliedIndex >= m.orchestrationFence else { return }
        // Take the orchestrator out while it plans, so its memory is not copied on write.
        var orchestrator = m.orchestrator ?? Orchestrator()
        hosts[host.index].manager?.orchestrator = nil
        var plan = orchestrator.reconcile(m.store, now: now, ids: &identity)
        hosts[host.index].manager?.orchestrator = orchestrator
        var view = m.store
        for c in plan.commands { view.apply(c, at: view.appliedIndex) }
        plan.commands += Placement.plan(view, now: now)
        if trace.isEnabled, !plan.commands.isEmpty {
            var line = TraceLine(time: now, event: "orchestrate")
            line.field("host", name(of: host))
            line.field("commands", plan.commands.count)
            trace.write(line)
        }
        if !plan.commands.isEmpty {
            if propose([.batch(plan.commands)], on: host, target: nil, reply: .api(.success(.done))),
               let last = hosts[host.index].manager?.raft.lastIndex {
                hosts[host.index].manager?.orchestrationFence = last
            }
        }
        if let wake = plan.wakeAt { requestOrchestration(host, at: wake) }
    }

    /// After entries are applied on the leader: nodes whose assignments changed hear about it,
    /// and the orchestrators look again.
    func leaderApplied(_ host: HostID, touchedNodes: [String], storeChanged: Bool) {
        guard let m = hosts[host.index].manager, m.raft.role == .leader else { return }
        var sent: [String] = []
        for node in touchedNodes where !sent.contains(node) {
            sent.append(node)
            sendAssignments(nodeID: node, from: host)
        }
        if storeChanged { requestOrchestration(host) }
    }

    // MARK: Dispatcher: assignments and reports

    /// Sends `nodeID` every task assigned to it that it should run or stop, through the manager
    /// its session comes through.
    ///
    /// Only the engine that is this node takes its set: a host that left and joined again is
    /// another node now, and must not take its old node's (empty) set as its own; the set names
    /// the node, and the receiving engine checks (`receiveAssignments`). `hostOfNode` is the
    /// address book (where node `nodeID` was last reachable), not the node's state.
    func sendAssignments(nodeID: String, from leader: HostID) {
        guard let m = hosts[leader.index].manager, let target = hostOfNode[nodeID] else { return }
        let tasks = Dispatcher.assignments(of: nodeID, in: m.store)
        let stamp = m.stamp
        send(.assignments(node: target, nodeID: nodeID, stamp: stamp, tasks), from: leader, to: m.sessions[nodeID] ?? target)
    }
}
