import SimCore

/// The leader's service orchestration, after swarmkit's manager/orchestrator: the replicated
/// orchestrator (replicated/), the global orchestrator (global/), the restart supervisor
/// (restart/), the rolling updater (update/), the task reaper (taskreaper/) and the constraint
/// enforcer (constraintenforcer/), run one after the other on a snapshot of the store.
///
/// `reconcile` is a function of the store, the time, and the memory listed below, and returns
/// the commands the leader should propose. The commands of one plan are computed against a
/// working copy that already includes the plan's earlier commands, so they never contradict
/// each other. **Contract:** call `reconcile` again after the plan's commands have been applied
/// (and whenever the store changes, or `wakeAt` comes); calling it twice on the same store
/// would create the same missing tasks twice, as two swarmkit leaders would.
///
/// Like swarmkit's, this orchestrator keeps some memory on the leader, which a new leader
/// starts without (make a fresh `Orchestrator` when a manager becomes leader):
/// - restart history, for `--restart-max-attempts` (rebuilt on start from the tasks in the
///   store, as swarmkit's `taskinit.CheckTasks` does);
/// - delayed starts: replacement tasks waiting for their restart delay or for the task they
///   replace to stop (a new leader restarts the delay from the task's status time);
/// - rolling updates in progress (a new leader starts them over from the store);
/// - which services and nodes it has seen at which version, standing in for swarmkit's store
///   events (a new leader looks at everything once).
///
/// Deterministic: services, slots, nodes and tasks are visited in ID order; the only dictionary
/// iteration is over sorted keys.
public struct Orchestrator: Sendable {
    /// How long a replacement waits for the task it replaces to stop before starting anyway
    /// (swarmkit restart `defaultOldTaskTimeout`, 1 minute).
    public var oldTaskTimeout: SimDuration
    /// How long a node stays down before its tasks are marked orphaned (swarmkit dispatcher,
    /// 24 hours).
    public var orphanTimeout: SimDuration

    var started = false
    var restartHistory: [InstanceKey: RestartInfo] = [:]
    var delayedStarts: [String: DelayedStart] = [:]
    var updaters: [String: Updater] = [:]
    var reconciledVersions: [String: UInt64] = [:]
    var seenNodes: [String: NodeStamp] = [:]

    public init(oldTaskTimeout: SimDuration = .minutes(1), orphanTimeout: SimDuration = .hours(24)) {
        self.oldTaskTimeout = oldTaskTimeout
        self.orphanTimeout = orphanTimeout
    }

    /// Everything the leader's orchestrators would do now. Deterministic.
    ///
    /// In order: start-up fixes (first call only); marking the tasks of removed services for
    /// removal; reacting to node changes (constraint enforcer, global services, orphaned
    /// tasks); restarting stopped tasks and replacing tasks on down or drained nodes; starting
    /// replacements whose delay is over; reconciling services whose spec changed (scale,
    /// global placement, starting rolling updates); advancing rolling updates; reaping
    /// finished and surplus tasks.
    ///
    /// - Complexity: O((t + n) log t) for t tasks and n nodes, plus the work it plans.
    public mutating func reconcile(_ store: ClusterStore, now: SimTime, ids: inout IDGenerator) -> Plan {
        var work = Work(view: store, now: now)
        if !started {
            started = true
            initialize(&work)
        }
        removeTasksOfDeletedServices(&work)
        handleNodeChanges(&work, ids: &ids)
        restartStoppedTasks(&work, ids: &ids)
        runDelayedStarts(&work)
        reconcileChangedServices(&work, ids: &ids)
        reconcileJobs(&work, ids: &ids)
        advanceUpdates(&work, ids: &ids)
        reapTasks(&work)
        return Plan(commands: work.commands, wakeAt: work.wakeAt)
    }
}

// MARK: - Shared rules

extension Orchestrator {
    /// A node the orchestrators move tasks away from: gone, down, or drained (swarmkit
    /// `orchestrator.InvalidNode`).
    static func isInvalid(_ node: NodeRecord?) -> Bool {
        guard let node else { return true }
        return node.state == .down || node.availability == .drain
    }

    /// Whether `task` no longer matches its service's spec and must be replaced by an update
    /// (swarmkit `orchestrator.IsTaskDirty`): same spec version means clean; otherwise the
    /// task template and endpoint spec are compared.
    static func isDirty(_ task: TaskRecord, for service: ServiceRecord) -> Bool {
        if task.specVersion == service.specVersion { return false }
        return task.spec != service.spec.task || task.endpoint != service.spec.endpoint
    }

    /// The service's constraints (parsed at the command line, which refused malformed ones).
    static func constraints(of spec: TaskTemplate) -> [Scheduler.Constraint] { spec.constraints }

    static func meets(_ constraints: [Scheduler.Constraint], _ node: NodeRecord) -> Bool {
        if constraints.isEmpty { return true }
        let info = Scheduler.NodeInfo(record: node)
        return constraints.allSatisfy { $0.isSatisfied(by: info) }
    }

    /// A new task of `service`, as swarmkit's `orchestrator.NewTask` makes it.
    static func newTask(_ service: ServiceRecord, slot: Int, nodeID: String?, desired: TaskState,
                        ids: inout IDGenerator, now: SimTime) -> TaskRecord {
        TaskRecord(id: ids.newID(), service: service, slot: slot, nodeID: nodeID, desiredState: desired, at: now)
    }
}
