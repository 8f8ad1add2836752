import SimCore
import Raft
import Orchestration

/// The leader pass (swarmkit manager/orchestrator, scheduler, dispatcher start): what a manager
/// does once it leads and after each Ready it applied. Each call reads only this manager's
/// state and its arguments, and appends what the host must do to `effects`.
///
/// The host calls `leadershipChanged` after a Ready that changed the role, then on the leader
/// `startDispatcherIfDue` and `leaderApplied`, carrying out each call's effects before the
/// next: a proposal is carried out at once, and on a lone voter it is applied at once too, so
/// the next call must see its outcome.
extension Manager {
    /// swarmkit's scheduler commits in batches: a change waits this long for others to join it.
    package static let passDebounce = SimDuration.milliseconds(50)

    // MARK: Leadership

    /// Leadership came (the dispatcher and the orchestrators wait for the log to be applied)
    /// or went (the leader-only work stops).
    package func leadershipChanged(now: SimTime, settings: DispatcherSettings, effects: inout [ManagerEffect]) {
        if raft.role == .leader {
            // Like swarmkit's raft node, which signals leadership only once it has applied every
            // entry in its log (`caughtUp`): the orchestrators' first pass, which resumes the
            // delayed starts of the tasks it finds desired Ready (`CheckTasks`), must see the
            // entries earlier leaders left, or those tasks are never started.
            orchestrationFence = raft.lastIndex
            startDispatcherIfDue(now: now, settings: settings, effects: &effects)
        } else {
            // Also when leadership ended before the log was applied: a pass requested then
            // must not stand in the way of the next leadership's.
            orchestrator = nil
            orchestrationDue = nil
            guard dispatcher != nil else { return }
            dispatcher = nil
            sessions = [:]
            effects.append(.dispatcherStopped)
        }
    }

    /// Starts the dispatcher when this manager leads, has applied every entry its log had at the
    /// election, and the store holds a swarm. Not before: marking nodes Unknown and arming their
    /// expiry from an older store would miss the nodes the entries still to apply mark Unknown
    /// or Ready.
    package func startDispatcherIfDue(now: SimTime, settings: DispatcherSettings, effects: inout [ManagerEffect]) {
        guard raft.role == .leader, dispatcher == nil, appliedIndex >= orchestrationFence,
              let cluster = store.cluster else { return }
        let grace = cluster.dispatcherHeartbeat * settings.gracePeriodMultiplier * 2
        var started: [DispatcherEffect] = []
        dispatcher = Dispatcher(term: raft.term, store: store, now: now, grace: grace, settings: settings, effects: &started)
        for effect in started { effects.append(.dispatcher(effect)) }
    }

    // MARK: After applying

    /// On the leader, after applying `applied` (`roleChanged`: in the Ready that made it
    /// leader): watches on the nodes recorded Ready or added, assignments to the nodes whose
    /// tasks changed, the next orchestration pass, and the services whose mesh entries may
    /// have changed.
    package func leaderApplied(_ applied: ApplyEffects, roleChanged: Bool, now: SimTime, settings: DispatcherSettings,
                               effects: inout [ManagerEffect]) {
        let period = store.cluster?.dispatcherHeartbeat ?? settings.defaultHeartbeat
        // A node recorded Ready must be watched: an entry a previous leader proposed may mark
        // Ready a node this dispatcher never heard from (it may have left since).
        for id in applied.readyNodes { watch(id, after: period * settings.gracePeriodMultiplier, now: now, effects: &effects) }
        // So must a node just added: a join whose answer was lost leaves a node no engine
        // will ever report as, and it must not stay Unknown (and eligible) for good. It gets
        // the grace of a node marked Unknown by a new leader.
        for id in applied.addedNodes { watch(id, after: period * settings.gracePeriodMultiplier * 2, now: now, effects: &effects) }
        if (applied.storeChanged || roleChanged) && raft.role == .leader {
            var sent: Set<String> = []   // looked up, never iterated: the sends go in first-seen order
            for node in applied.touchedNodes where sent.insert(node).inserted {
                effects.append(.sendAssignments(nodeID: node))
            }
            requestPass(at: nil, now: now, effects: &effects)
        }
        if !applied.meshServices.isEmpty { effects.append(.spreadMesh(serviceIDs: applied.meshServices)) }
    }

    /// Arms a new expiry timer for `nodeID` unless one watches it already.
    private func watch(_ nodeID: String, after delay: SimDuration, now: SimTime, effects: inout [ManagerEffect]) {
        guard dispatcher?.watches(nodeID) == false else { return }
        var armed: [DispatcherEffect] = []
        dispatcher?.watch(nodeID, after: delay, now: now, effects: &armed)
        for effect in armed { effects.append(.dispatcher(effect)) }
    }

    // MARK: Orchestration passes

    /// Asks for an orchestration pass at `time` (nil: after the debounce), unless one is
    /// already due sooner; only a leader whose store holds a swarm runs one.
    package func requestPass(at time: SimTime?, now: SimTime, effects: inout [ManagerEffect]) {
        guard raft.role == .leader, store.cluster != nil else { return }
        let due = time ?? now + Self.passDebounce
        if let scheduled = orchestrationDue, scheduled <= due { return }
        orchestrationDue = due
        let at = max(due, now), term = raft.term
        guard !scheduledPasses.contains(where: { $0.time == at && $0.term == term }) else { return }
        scheduledPasses.append((at, term))
        effects.append(.passDue(at: at, term: term))
    }

    /// One pass, due now for `term`: the orchestrators plan from the applied store (new IDs
    /// from `ids`), the scheduler places what they left pending, and the leader proposes it all
    /// as one entry (`proposePass`, then `passProposed`).
    package func orchestrate(term: UInt64, now: SimTime, ids: inout IDGenerator, effects: inout [ManagerEffect]) {
        if let i = scheduledPasses.firstIndex(where: { $0.time == now && $0.term == term }) {
            scheduledPasses.remove(at: i)
        }
        guard raft.role == .leader, raft.term == term else { return }
        if let due = orchestrationDue, due > now { return }   // superseded by a later request
        orchestrationDue = nil
        // Our last pass is not applied yet; applying it asks for the next one.
        guard appliedIndex >= orchestrationFence else { return }
        // Take the orchestrator out while it plans, so its memory is not copied on write.
        var planner = orchestrator ?? Orchestrator()
        orchestrator = nil
        var plan = planner.reconcile(store, now: now, ids: &ids)
        orchestrator = planner
        var view = store
        for c in plan.commands { view.apply(c, at: view.appliedIndex) }
        plan.commands += Placement.plan(view, now: now)
        guard !plan.commands.isEmpty else {
            if let wake = plan.wakeAt { requestPass(at: wake, now: now, effects: &effects) }
            return
        }
        effects.append(.passPlanned(commands: plan.commands.count))
        effects.append(.proposePass(plan.commands, wake: plan.wakeAt))
    }

    /// The host proposed this leader's pass (`accepted`: Raft took it). The next pass waits
    /// until it is applied, so it never plans from a store that lacks its own previous
    /// decisions; then the pass's own wake-up, `wake`, is asked for.
    package func passProposed(accepted: Bool, wake: SimTime?, now: SimTime, effects: inout [ManagerEffect]) {
        if accepted { orchestrationFence = raft.lastIndex }
        if let wake { requestPass(at: wake, now: now, effects: &effects) }
    }
}
