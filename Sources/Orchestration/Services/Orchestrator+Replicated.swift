import SimCore

// Task-level orchestration (swarmkit replicated/tasks.go, global/global.go `tickTasks`) and
// the replicated orchestrator's service-level reconcile (replicated/services.go, slot.go).

extension Orchestrator {
    // MARK: Task level

    /// Replaces tasks that stopped, and tasks whose node went away.
    ///
    /// Replicated: a task the orchestrator still wants running is restarted when it has
    /// stopped, or when its node is gone, down or drained (swarmkit `handleTaskChange`,
    /// `restartTasksByNodeID`). Global: a task on a gone, down or drained node is shut down,
    /// not moved; a stopped task is shut down when its node is paused or no longer meets the
    /// constraints, and restarted otherwise.
    mutating func restartStoppedTasks(_ work: inout Work, ids: inout IDGenerator) {
        // Only the tasks that may need it: stopped ones, and those on nodes that went away.
        var candidates = work.view.taskTable.stoppedButWanted
        for nodeID in work.view.taskTable.nodeIDs where Self.isInvalid(work.view.node(id: nodeID)) {
            candidates += work.view.tasks(onNode: nodeID).filter { $0.isDesiredRunning && $0.status.state <= .running }
        }
        candidates.sort { a, b in a.slotKey != b.slotKey ? a.slotKey < b.slotKey : TaskTable.olderFirst(a, b) }
        var constraints: [String: [Scheduler.Constraint]] = [:]
        for task in candidates {
            guard let current = work.view.task(id: task.id), current.isDesiredRunning,
                  let service = work.view.service(id: current.serviceID) else { continue }
            let node = current.nodeID.flatMap { work.view.node(id: $0) }
            if service.spec.isGlobal {
                guard let node, !Self.isInvalid(node) else {
                    work.setDesired(current.id, .shutdown)
                    continue
                }
                guard current.status.state > .running else { continue }
                let parsed = constraints[service.id] ?? Self.constraints(of: service.spec.task)
                constraints[service.id] = parsed
                if node.availability == .pause || !Self.meets(parsed, node) {
                    work.setDesired(current.id, .shutdown)
                } else {
                    restart(current, service, &work, ids: &ids)
                }
            } else if current.status.state > .running || (current.nodeID != nil && Self.isInvalid(node)) {
                restart(current, service, &work, ids: &ids)
            }
        }
    }

    // MARK: Service level

    /// Reconciles every service whose record changed since this orchestrator last looked
    /// (swarmkit reacts to its service create and update events, its own update-status writes
    /// included), and forgets services that are gone.
    mutating func reconcileChangedServices(_ work: inout Work, ids: inout IDGenerator) {
        let gone = reconciledVersions.keys.filter { work.view.service(id: $0) == nil }
        for id in gone { reconciledVersions[id] = nil }
        for service in work.view.services where reconciledVersions[service.id] != service.version || isOrphanedUpdate(service) {
            reconciledVersions[service.id] = service.version
            if service.spec.isJob { continue }  // the jobs orchestrator's (reconcileJobs)
            if service.spec.isGlobal {
                reconcileGlobal(service, &work, ids: &ids)
            } else {
                reconcileReplicated(service, &work, ids: &ids)
            }
        }
    }

    /// Whether the store says `service` is updating (or rolling back) while no updater of this
    /// orchestrator works on it: its last decision (a completion, say) was proposed and lost
    /// with a leadership change. swarmkit's new leader restarts every such update; here the
    /// service is reconciled again, which finishes it or takes it up where the store is.
    func isOrphanedUpdate(_ service: ServiceRecord) -> Bool {
        guard let state = service.updateStatus?.state, state == .updating || state == .rollbackStarted else { return false }
        return updaters[service.id] == nil
    }

    /// Makes the number of slots match the replica count (swarmkit replicated `reconcile`).
    ///
    /// A slot is *runnable* when one of its tasks is updatable (wanted, or stopped for good
    /// under the restart policy); other slots are *dead* and their tasks are deleted. Scaling
    /// up fills the lowest free slot numbers (a dead slot number is reused, its old tasks kept
    /// as history). Scaling down keeps the slots that leave the service best balanced:
    /// running slots before others, then by how many tasks of the service their node already
    /// has (swarmkit `slotsByRunningState`, `slotsByIndex`; ties, which swarmkit leaves to map
    /// order, keep lower slot numbers), and gives the tasks of the other slots desired state
    /// `remove`. The slots kept go to the updater.
    mutating func reconcileReplicated(_ service: ServiceRecord, _ work: inout Work, ids: inout IDGenerator) {
        guard let replicas = service.spec.replicas else { return }
        var runnable: [(key: SlotKey, tasks: [TaskRecord])] = []
        var dead: [SlotKey] = []
        for key in work.view.taskTable.slots(ofService: service.id) {
            let updatable = work.view.tasks(in: key).filter { isUpdatable($0, service) }
            if updatable.isEmpty { dead.append(key) } else { runnable.append((key, updatable)) }
        }

        if replicas > runnable.count {
            update(service, slots: runnable.map(\.tasks), &work)
            let taken = Set(runnable.map(\.key.slot))
            var slot = 0
            for _ in 0..<(replicas - runnable.count) {
                repeat { slot += 1 } while taken.contains(slot)
                dead.removeAll { $0.slot == slot }
                work.emit(.putTask(Self.newTask(service, slot: slot, nodeID: nil, desired: .running, ids: &ids, now: work.now)))
            }
            deleteTasks(in: dead, &work)
        } else if replicas < runnable.count {
            let ordered = Self.scaleDownOrder(runnable)
            update(service, slots: ordered.prefix(replicas).map(\.tasks), &work)
            deleteTasks(in: dead, &work)
            for slot in ordered.dropFirst(replicas) {
                for task in slot.tasks { work.setDesired(task.id, .remove) }
            }
        } else {
            deleteTasks(in: dead, &work)
            update(service, slots: runnable.map(\.tasks), &work)
        }
    }

    /// Slots in the order scale-down keeps them: running first, then fewest copies of the
    /// service on the same node (a slot with several tasks, or no node, last).
    static func scaleDownOrder(_ slots: [(key: SlotKey, tasks: [TaskRecord])]) -> [(key: SlotKey, tasks: [TaskRecord])] {
        let running = slots.filter { $0.tasks.contains { $0.status.state == .running } }
        let others = slots.filter { !$0.tasks.contains { $0.status.state == .running } }
        var perNode: [String: Int] = [:]
        var indexed: [(index: Int, position: Int, slot: (key: SlotKey, tasks: [TaskRecord]))] = []
        for (position, slot) in (running + others).enumerated() {
            if slot.tasks.count == 1, let node = slot.tasks[0].nodeID {
                perNode[node, default: 0] += 1
                indexed.append((perNode[node] ?? 1, position, slot))
            } else {
                indexed.append((Int.max, position, slot))
            }
        }
        indexed.sort { $0.index != $1.index ? $0.index < $1.index : $0.position < $1.position }
        return indexed.map(\.slot)
    }

    func deleteTasks(in slots: [SlotKey], _ work: inout Work) {
        for key in slots {
            for task in work.view.tasks(in: key) { work.emit(.removeTask(id: task.id)) }
        }
    }
}
