import SimCore

/// A rolling update (or rollback) of one service in progress (swarmkit
/// manager/orchestrator/update/updater.go `Updater`).
///
/// The out-of-date ("dirty") slots are queued, those with more than one task wanted first, then
/// in slot order (global: node order), and handed to `parallelism` workers. A worker replaces
/// its slot's task — stop-first: the old task is shut down and the new one starts once it has
/// stopped; start-first: the new one starts at once and the old one is shut down when the new
/// one runs — waits for the new task to reach running (or to stop trying), rests for `delay`,
/// and takes the next slot. When every slot is done the update is watched for one more
/// `monitor` period, then marked completed.
///
/// A task this update created that stops before running, or within `monitor` of starting to
/// run, is a failure; when failures exceed `maxFailureRatio` of the dirty slots, the failure
/// action runs: `pause` stops handing out slots and marks the update paused, `rollback`
/// returns the service to its previous spec, `continue` carries on.
struct Updater: Sendable {
    enum Worker: Sendable, Equatable {
        case idle
        /// Waiting for the update's new task to reach running (or stop trying).
        case replacing(taskID: String, slot: SlotKey, startFirst: Bool)
        /// Waiting for an existing up-to-date task's delayed start to happen.
        case starting(taskID: String)
        /// Resting for the update delay.
        case resting(until: SimTime)
    }

    var serviceID: String
    /// The spec being rolled out; a different spec cancels this update.
    var spec: ServiceSpec
    /// The spec version of the newest `service update` this updater answers: one with the same
    /// spec while it runs is taken as its own (see `update`).
    var specVersion: UInt64
    var config: UpdateConfig
    var isRollback: Bool
    /// Dirty slots not yet handed to a worker.
    var queue: [SlotKey]
    var dirtyCount: Int
    var workers: [Worker]
    /// When this updater started (the start of the update it records when a `service update`
    /// with the same spec has reset the status: `pauseUpdate`).
    var startedAt: SimTime
    /// Tasks this update created, in creation order, with the time each reached running.
    var created: [String] = []
    var runningSince: [String: SimTime] = [:]
    var failed: Set<String> = []
    /// Set when a failure action stopped the update: no more slots, and no completion.
    var stopped = false
    var monitorUntil: SimTime?
}

extension Orchestrator {
    // MARK: Starting an update

    /// swarmkit `update.Supervisor.Update` and the start of `Updater.Run`: unless an update
    /// towards this very spec is already running, cancels the current one and starts over with
    /// `slots` (each the updatable tasks of one slot). Nothing happens while the update is
    /// paused; with no dirty slot, an update in progress is marked complete.
    ///
    /// An updater that took its failure action only finishes the slots its workers hold: it is
    /// not working towards its spec any more, and a `service update` made since, with that same
    /// spec (which clears a pause, the way Docker's docs give to resume an update), starts over;
    /// the service reconciled for any other reason leaves it to finish. swarmkit's supervisor
    /// keeps it until `Run` returns, and the remaining slots then stay on the earlier spec, with
    /// no update status, until something reconciles the service again.
    mutating func update(_ service: ServiceRecord, slots: [[TaskRecord]], _ work: inout Work) {
        if var current = updaters[service.id], current.spec == service.spec {
            if current.stopped {
                if current.specVersion == service.specVersion { return }
            } else {
                current.specVersion = service.specVersion
                updaters[service.id] = current
                return
            }
        }
        updaters[service.id] = nil
        if service.updateStatus?.isPaused == true { return }
        let dirty = slots.filter { Self.isSlotDirty($0, service) }
        guard !dirty.isEmpty else {
            if let s = service.updateStatus, s.state == .updating || s.state == .rollbackStarted {
                completeUpdate(service.id, &work)
            }
            return
        }
        if service.updateStatus == nil {
            work.emit(.setUpdateStatus(serviceID: service.id, UpdateStatus(state: .updating, message: "update in progress",
                                                                            startedAt: work.now), at: work.now))
        }
        let rollback = service.updateStatus?.state == .rollbackStarted
        let config = rollback ? service.spec.rollback : service.spec.update
        // A slot with more than one task wanted is one that a superseded update left half done
        // (a start-first replacement that had not run yet, and the task it was to replace), and
        // only an update comes back to it. It goes first: an update that pauses still finishes
        // the slots its workers hold, but never reaches those left in its queue. swarmkit hands
        // slots out in map order, so any order is swarmkit's; the rest go in slot order.
        let crowded = dirty.filter { $0.filter(\.isDesiredRunning).count > 1 }
        let settled = dirty.filter { $0.filter(\.isDesiredRunning).count <= 1 }
        let keys = crowded.compactMap { $0.first?.slotKey }.sorted() + settled.compactMap { $0.first?.slotKey }.sorted()
        let parallelism = config.parallelism == 0 ? keys.count : config.parallelism
        updaters[service.id] = Updater(
            serviceID: service.id, spec: service.spec, specVersion: service.specVersion, config: config,
            isRollback: rollback, queue: keys, dirtyCount: keys.count,
            workers: Array(repeating: .idle, count: parallelism), startedAt: work.now)
    }

    /// Whether a slot needs the updater: it has more than one task still wanted, or its newest
    /// task is out of date. swarmkit counts every updatable task (`len(slot) > 1`), so a slot
    /// whose tasks all stopped for good (restart attempts used up) looks dirty and gets a new
    /// task whenever the service is reconciled, e.g. by a new leader; we only look at the
    /// tasks still wanted and the newest one.
    static func isSlotDirty(_ tasks: [TaskRecord], _ service: ServiceRecord) -> Bool {
        guard let newest = tasks.max(by: TaskTable.olderFirst) else { return false }
        return tasks.filter(\.isDesiredRunning).count > 1 || isDirty(newest, for: service)
    }

    // MARK: Advancing

    /// Moves every rolling update as far as it can go now.
    mutating func advanceUpdates(_ work: inout Work, ids: inout IDGenerator) {
        for serviceID in updaters.keys.sorted() {
            guard var updater = updaters[serviceID] else { continue }
            guard let service = work.view.service(id: serviceID), service.spec == updater.spec else {
                updaters[serviceID] = nil
                continue
            }
            let finished = advance(&updater, service, &work, ids: &ids)
            updaters[serviceID] = finished ? nil : updater
        }
    }

    /// One step of `Updater.Run`; true when the update is over (completed or stopped).
    mutating func advance(_ u: inout Updater, _ service: ServiceRecord, _ work: inout Work, ids: inout IDGenerator) -> Bool {
        if checkFailures(&u, service, &work) { return true }
        for w in u.workers.indices {
            while true {
                switch u.workers[w] {
                case .idle:
                    guard !u.stopped, !u.queue.isEmpty else { break }
                    let slot = u.queue.removeFirst()
                    u.workers[w] = dispatch(slot, &u, service, &work, ids: &ids)
                    continue
                case .replacing(let taskID, let slot, let startFirst):
                    // swarmkit waits for ever; a replacement that was itself shut down (its
                    // node died before it ran) will not run, so we move on.
                    if let t = work.view.task(id: taskID), t.status.state < .running, t.isDesiredRunning {
                        break
                    }
                    // The replacement was shut down before it could run (its node went down,
                    // say) and the restart supervisor put another up-to-date task in the slot:
                    // wait for that one instead, or a start-first slot keeps its old task.
                    if work.view.task(id: taskID)?.isDesiredRunning != true,
                       let successor = work.view.tasks(in: slot).last(where: {
                           $0.id != taskID && $0.isDesiredRunning && !Self.isDirty($0, for: service)
                       }) {
                        u.workers[w] = .replacing(taskID: successor.id, slot: slot, startFirst: startFirst)
                        continue
                    }
                    if let t = work.view.task(id: taskID), u.runningSince[taskID] == nil { u.runningSince[taskID] = t.status.timestamp }
                    if startFirst, let t = work.view.task(id: taskID), t.status.state == .running {
                        let others = work.view.tasks(in: slot).filter { $0.id != taskID && isUpdatable($0, service) }
                        _ = removeOldTasks(others, service, &work)
                    }
                    u.workers[w] = rest(u.config, &work)
                    continue
                case .starting(let taskID):
                    if let t = work.view.task(id: taskID), t.desiredState < .running, delayedStarts[taskID] != nil { break }
                    u.workers[w] = rest(u.config, &work)
                    continue
                case .resting(let until):
                    if work.now < until {
                        work.wake(at: until)
                        break
                    }
                    u.workers[w] = .idle
                    continue
                }
                break
            }
        }
        let busy = u.workers.contains { $0 != .idle }
        if busy || (!u.queue.isEmpty && !u.stopped) { return false }
        if u.stopped { return true }
        let until = u.monitorUntil ?? (work.now + u.config.monitor)
        u.monitorUntil = until
        if work.now < until {
            work.wake(at: until)
            return false
        }
        completeUpdate(service.id, &work)
        return true
    }

    func rest(_ config: UpdateConfig, _ work: inout Work) -> Updater.Worker {
        config.delay > .zero ? .resting(until: work.now + config.delay) : .idle
    }

    /// A worker takes `slot` (swarmkit updater `worker`): reuse an up-to-date task if the slot
    /// has one, else create the replacement as the update order says.
    mutating func dispatch(_ slot: SlotKey, _ u: inout Updater, _ service: ServiceRecord, _ work: inout Work,
                           ids: inout IDGenerator) -> Updater.Worker {
        // The slot as it is now (swarmkit works on the tasks it was handed at the start).
        let tasks = work.view.tasks(in: slot).filter { isUpdatable($0, service) }
        guard Self.isSlotDirty(tasks, service) else { return rest(u.config, &work) }
        let clean = tasks.filter { !Self.isDirty($0, for: service) }
        if let running = clean.first(where: { $0.desiredState == .running }) {
            _ = removeOldTasks(tasks.filter { $0.id != running.id }, service, &work)
            return rest(u.config, &work)
        }
        if let waiting = clean.last(where: { $0.desiredState < .running }) {
            let old = removeOldTasks(tasks.filter { $0.id != waiting.id }, service, &work)
            delayStart(waiting.id, after: .zero, replacing: old, waitStop: true, &work)
            return .starting(taskID: waiting.id)
        }
        let replacement = Self.newTask(service, slot: slot.slot, nodeID: service.spec.isGlobal ? slot.nodeID : nil,
                                       desired: .ready, ids: &ids, now: work.now)
        work.emit(.putTask(replacement))
        u.created.append(replacement.id)
        if u.config.order == .startFirst {
            delayStart(replacement.id, after: .zero, replacing: nil, waitStop: false, &work)
            return .replacing(taskID: replacement.id, slot: slot, startFirst: true)
        }
        let old = removeOldTasks(tasks, service, &work)
        delayStart(replacement.id, after: .zero, replacing: old, waitStop: true, &work)
        return .replacing(taskID: replacement.id, slot: slot, startFirst: false)
    }

    /// Shuts `tasks` down and returns one of them (swarmkit `removeOldTasks`); tasks already
    /// shut down are skipped.
    func removeOldTasks(_ tasks: [TaskRecord], _ service: ServiceRecord, _ work: inout Work) -> TaskRecord? {
        var removed: TaskRecord?
        for task in tasks {
            guard let current = work.view.task(id: task.id), current.isDesiredRunning else { continue }
            work.setDesired(task.id, .shutdown)
            removed = current
        }
        return removed
    }

    // MARK: Failures

    /// Counts this update's tasks that stopped before running or within the monitoring period
    /// of starting to run, and takes the failure action once too many have (swarmkit
    /// `failureTriggersAction`). True when the update is over.
    mutating func checkFailures(_ u: inout Updater, _ service: ServiceRecord, _ work: inout Work) -> Bool {
        guard u.config.failureAction != .continue, !u.stopped else { return false }
        for id in u.created where !u.failed.contains(id) {
            guard let t = work.view.task(id: id) else { continue }
            if t.status.state == .running, u.runningSince[id] == nil { u.runningSince[id] = t.status.timestamp }
            guard t.status.state > .running else { continue }
            if let since = u.runningSince[id], t.status.timestamp - since > u.config.monitor { continue }
            u.failed.insert(id)
            guard Double(u.failed.count) / Double(u.dirtyCount) > u.config.maxFailureRatio else { continue }
            // Whatever the action, the workers finish the slots they hold (swarmkit waits for
            // them before `Run` returns): a start-first worker still shuts the old task down
            // once its replacement runs.
            u.stopped = true
            u.queue.removeAll()
            let rollback = u.config.failureAction == .rollback
            if rollback && u.isRollback {
                pauseUpdate(u, message: "rollback paused due to failure or early termination of task \(id)", &work)
            } else if rollback && work.view.service(id: service.id)?.updateStatus != nil {
                // The rollback's new spec cancels this update.
                work.emit(.startRollback(id: service.id, message: "update rolled back due to failure or early termination of task \(id)",
                                         at: work.now))
            } else {
                // The pause action; or a rollback with no update status: a `service update`
                // with this very spec reset it (`advanceUpdates` checked the spec is still
                // ours) and made this spec the previous one too, so there is nothing to return
                // to; swarmkit's rollback writes nothing and the update stops unseen. It
                // pauses instead.
                pauseUpdate(u, message: "update paused due to failure or early termination of task \(id)", &work)
            }
            return false
        }
        return false
    }

    // MARK: Update status

    /// Marks the update paused (swarmkit `pauseUpdate`). swarmkit writes nothing when the
    /// service has no update status, taking it that a newer update superseded this one. But a
    /// `service update` with the same spec resets the status too, while the supervisor keeps
    /// this updater working towards that spec: swarmkit's update then stops with no record,
    /// its remaining slots on the earlier spec until the next update or leader change, and
    /// nothing says so. Here the pause is recorded, as the failure action asks, with a status
    /// that starts when this updater did.
    func pauseUpdate(_ u: Updater, message: String, _ work: inout Work) {
        guard let service = work.view.service(id: u.serviceID) else { return }
        var status = service.updateStatus
            ?? UpdateStatus(state: u.isRollback ? .rollbackStarted : .updating, message: "", startedAt: u.startedAt)
        status.state = status.state == .rollbackStarted ? .rollbackPaused : .paused
        status.message = message
        work.emit(.setUpdateStatus(serviceID: u.serviceID, status, at: work.now))
    }

    func completeUpdate(_ serviceID: String, _ work: inout Work) {
        guard var status = work.view.service(id: serviceID)?.updateStatus else { return }
        if status.state == .rollbackStarted {
            status.state = .rollbackCompleted
            status.message = "rollback completed"
        } else {
            status.state = .completed
            status.message = "update completed"
        }
        status.completedAt = work.now
        work.emit(.setUpdateStatus(serviceID: serviceID, status, at: work.now))
    }
}
