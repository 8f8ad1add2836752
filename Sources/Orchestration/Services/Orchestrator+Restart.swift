import SimCore

// The restart supervisor: replacing stopped tasks under the restart policy, with the restart
// delay and the wait for the old task to stop (swarmkit manager/orchestrator/restart/restart.go),
// and rebuilding its memory when a leader starts (taskinit/init.go).

extension Orchestrator {
    // MARK: Policy

    /// Whether `task`, having stopped, should be replaced (swarmkit `ShouldRestart`): the
    /// condition allows it (`any`; `on-failure` unless it completed) and, with
    /// `--restart-max-attempts`, the replica has restarted fewer times than allowed at this
    /// spec version (within `--restart-window` before the task's status time, if set).
    func shouldRestart(_ task: TaskRecord, global: Bool) -> Bool {
        let policy = task.spec.restart
        switch policy.condition {
        case .none: return false
        case .onFailure: if task.status.state == .complete { return false }
        case .any: break
        }
        if policy.maxAttempts == 0 { return true }
        let key = InstanceKey(serviceID: task.serviceID, slot: task.slot, nodeID: global ? (task.nodeID ?? "") : "")
        guard let info = restartHistory[key], info.specVersion == task.specVersion else { return true }
        if policy.window == .zero { return info.totalRestarts < policy.maxAttempts }
        let lookback = task.status.timestamp + SimDuration(nanoseconds: -policy.window.nanoseconds)
        let recent = info.restartTimes.filter { $0 > lookback }.count
        return recent < policy.maxAttempts
    }

    /// Whether the updater should consider `task` (swarmkit `IsTaskUpdatable`): it is still
    /// wanted, or it stopped for good under the restart policy — except during a rollback,
    /// which always converges.
    func isUpdatable(_ task: TaskRecord, _ service: ServiceRecord) -> Bool {
        task.isDesiredRunning
            || (service.updateStatus?.state != .rollbackStarted && !shouldRestart(task, global: service.spec.isGlobal))
    }

    mutating func recordRestart(of replacement: TaskRecord, global: Bool, at time: SimTime) {
        let policy = replacement.spec.restart
        guard policy.maxAttempts != 0 else { return }
        let key = InstanceKey(serviceID: replacement.serviceID, slot: replacement.slot,
                              nodeID: global ? (replacement.nodeID ?? "") : "")
        var info = restartHistory[key] ?? RestartInfo(specVersion: replacement.specVersion)
        if info.specVersion != replacement.specVersion { info = RestartInfo(specVersion: replacement.specVersion) }
        info.totalRestarts += 1
        if policy.window != .zero {
            info.restartTimes.append(time)
            let cutoff = time + SimDuration(nanoseconds: -policy.window.nanoseconds)
            info.restartTimes.removeAll { $0 <= cutoff }
        }
        restartHistory[key] = info
    }

    // MARK: Restart

    /// Shuts `task` down and, if the policy says so, creates its replacement in the same slot
    /// (same node for a global service) with desired state `ready`, to be started after the
    /// restart delay — no delay when the old node is drained — and once the old task has
    /// stopped, unless it already has or its node is down (swarmkit `Supervisor.Restart`).
    mutating func restart(_ task: TaskRecord, _ service: ServiceRecord, _ work: inout Work, ids: inout IDGenerator) {
        // Still waiting for its own delayed start: swarmkit restarts it once that is over.
        if delayedStarts[task.id] != nil { return }
        guard task.isDesiredRunning else { return }
        work.setDesired(task.id, .shutdown)
        let global = service.spec.isGlobal
        guard shouldRestart(task, global: global) else { return }
        let replacement = Self.newTask(service, slot: global ? 0 : task.slot, nodeID: global ? task.nodeID : nil,
                                       desired: .ready, ids: &ids, now: work.now)
        work.emit(.putTask(replacement))
        recordRestart(of: replacement, global: global, at: work.now)
        let node = task.nodeID.flatMap { work.view.node(id: $0) }
        let delay = node?.availability == .drain ? SimDuration.zero : task.spec.restart.delay
        let waitStop = !(node?.state == .down || task.status.state > .running)
        delayStart(replacement.id, after: delay, replacing: task, waitStop: waitStop, &work)
    }

    /// Registers a delayed start for `taskID` (replacing any earlier one), or starts it at
    /// once when there is nothing to wait for.
    mutating func delayStart(_ taskID: String, after delay: SimDuration, replacing old: TaskRecord?, waitStop: Bool,
                             _ work: inout Work) {
        let waitForOld = waitStop && old != nil && (old?.status.state ?? .complete) <= .running
        if delay == .zero && !waitForOld {
            delayedStarts[taskID] = nil
            startNow(taskID, &work)
            return
        }
        delayedStarts[taskID] = DelayedStart(startAt: work.now + delay, oldTaskID: old?.id, oldNodeID: old?.nodeID,
                                             waitStop: waitForOld, timeoutAt: work.now + oldTaskTimeout)
        work.wake(at: work.now + delay)
    }

    /// Moves a waiting task to desired `running`, or `complete` for a job's (swarmkit `StartNow`).
    func startNow(_ taskID: String, _ work: inout Work) {
        guard let t = work.view.task(id: taskID), t.desiredState < .running else { return }
        work.setDesired(taskID, work.view.service(id: t.serviceID)?.spec.isJob == true ? .complete : .running)
    }

    /// Starts every delayed task whose wait is over.
    mutating func runDelayedStarts(_ work: inout Work) {
        for id in delayedStarts.keys.sorted() {
            guard let d = delayedStarts[id] else { continue }
            guard let task = work.view.task(id: id), task.desiredState < .running else {
                delayedStarts[id] = nil
                continue
            }
            if work.now < d.startAt {
                work.wake(at: d.startAt)
                continue
            }
            if d.waitStop && work.now < d.timeoutAt {
                let old = d.oldTaskID.flatMap { work.view.task(id: $0) }
                let oldNode = d.oldNodeID.flatMap { work.view.node(id: $0) }
                let stopped = old == nil || (old?.status.state ?? .complete) > .running
                    || (d.oldNodeID != nil && (oldNode == nil || oldNode?.state == .down))
                if !stopped {
                    work.wake(at: d.timeoutAt)
                    continue
                }
            }
            delayedStarts[id] = nil
            startNow(id, &work)
        }
    }

    // MARK: A new leader

    /// What a new leader's orchestrators do before anything else (swarmkit
    /// `taskinit.CheckTasks`): resume delayed starts (the delay counted from the task's status
    /// time) and rebuild restart history: in each replica, every task of the newest spec
    /// version but the oldest one counts as a restart, at its creation time. (swarmkit also
    /// deletes tasks of services that no longer exist; we mark them for removal, as service
    /// removal does, so their agents stop them first.)
    mutating func initialize(_ work: inout Work) {
        for service in work.view.services {
            let global = service.spec.isGlobal
            for slot in work.view.taskTable.slots(ofService: service.id) {
                let tasks = work.view.tasks(in: slot)
                for task in tasks where task.desiredState == .ready && task.status.state <= .running {
                    let due = task.status.timestamp + task.spec.restart.delay
                    if due > work.now {
                        delayedStarts[task.id] = DelayedStart(startAt: due, oldTaskID: nil, oldNodeID: nil, waitStop: false,
                                                              timeoutAt: due)
                        work.wake(at: due)
                    } else {
                        startNow(task.id, &work)
                    }
                }
                guard let newest = tasks.map(\.specVersion).max() else { continue }
                let current = tasks.filter { $0.specVersion == newest }
                for task in current.dropFirst() { recordRestart(of: task, global: global, at: task.createdAt) }
            }
        }
    }
}
