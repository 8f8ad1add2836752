import SimCore

// The global orchestrator (swarmkit manager/orchestrator/global/global.go), the constraint
// enforcer (constraintenforcer/constraint_enforcer.go) and orphaned tasks (dispatcher
// `moveTasksToOrphaned`): everything that reacts to nodes changing.

/// What the orchestrator last saw of a node, to notice changes (swarmkit's node events).
struct NodeStamp: Equatable, Sendable {
    var updatedAt: SimTime
    var state: NodeState
    var availability: NodeAvailability
    var labels: Labels

    init(_ node: NodeRecord) {
        updatedAt = node.updatedAt
        state = node.state
        availability = node.availability
        labels = node.labels
    }
}

extension Orchestrator {
    /// Nodes that global services run on: not drained and not down (Ready or Unknown), in ID
    /// order (swarmkit global `updateNode`).
    static func globalNodes(_ store: ClusterStore) -> [NodeRecord] {
        store.nodes.filter { $0.availability != .drain && $0.state != .down }
    }

    // MARK: Node events

    /// Reacts to nodes that appeared, changed or went away since the last pass: the
    /// constraint enforcer checks the tasks on changed active nodes, global services gain a
    /// task on new eligible nodes and lose their tasks on drained or down ones, and the tasks
    /// of removed nodes are deleted (global) — replicated tasks on them are replaced by the
    /// task-level pass. Tasks on nodes down for `orphanTimeout` become orphaned.
    mutating func handleNodeChanges(_ work: inout Work, ids: inout IDGenerator) {
        let removed = seenNodes.keys.filter { work.view.node(id: $0) == nil }.sorted()
        for nodeID in removed {
            seenNodes[nodeID] = nil
            for task in work.view.tasks(onNode: nodeID) where work.view.service(id: task.serviceID)?.spec.isGlobal == true {
                work.emit(.removeTask(id: task.id))
            }
        }
        for node in work.view.nodes {
            let stamp = NodeStamp(node)
            if seenNodes[node.id] != stamp {
                seenNodes[node.id] = stamp
                enforceConstraints(on: node, &work)
                reconcileGlobalServices(on: node, &work, ids: &ids)
            }
            markOrphans(on: node, &work)
        }
    }

    /// swarmkit global `reconcileOneNode`: a drained or down node's global tasks are shut
    /// down; a paused node is left alone; otherwise every global service whose constraints the
    /// node meets gets its one task there, an out-of-date one replaced at once (no rolling
    /// update: this is not a service update).
    mutating func reconcileGlobalServices(on node: NodeRecord, _ work: inout Work, ids: inout IDGenerator) {
        let globals = work.view.services.filter { $0.spec.isGlobal && !$0.spec.isJob }
        if node.availability == .drain || node.state == .down {
            for task in work.view.tasks(onNode: node.id) where task.desiredState < .shutdown {
                if globals.contains(where: { $0.id == task.serviceID }) { work.setDesired(task.id, .shutdown) }
            }
            return
        }
        if node.availability == .pause { return }
        for service in globals where Self.meets(Self.constraints(of: service.spec.task), node) {
            let slot = SlotKey(serviceID: service.id, slot: 0, nodeID: node.id)
            let tasks = work.view.tasks(in: slot).filter { isUpdatable($0, service) }
            let clean = tasks.filter { !Self.isDirty($0, for: service) }
            if clean.isEmpty {
                work.emit(.putTask(Self.newTask(service, slot: 0, nodeID: node.id, desired: .running, ids: &ids, now: work.now)))
            }
            for task in tasks where Self.isDirty(task, for: service) || task.id != clean.first?.id {
                work.setDesired(task.id, .shutdown)
            }
        }
    }

    /// swarmkit global `reconcileServices` for one service: one task per eligible node that
    /// meets the constraints (none added on paused nodes), tasks elsewhere shut down, and the
    /// existing ones handed to the updater.
    mutating func reconcileGlobal(_ service: ServiceRecord, _ work: inout Work, ids: inout IDGenerator) {
        var byNode: [String: [TaskRecord]] = [:]
        for task in work.view.tasks(ofService: service.id) where isUpdatable(task, service) {
            byNode[task.nodeID ?? "", default: []].append(task)
        }
        let constraints = Self.constraints(of: service.spec.task)
        var slots: [[TaskRecord]] = []
        for node in Self.globalNodes(work.view) {
            let tasks = byNode.removeValue(forKey: node.id) ?? []
            if !Self.meets(constraints, node) {
                for task in tasks { work.setDesired(task.id, .shutdown) }
                continue
            }
            if node.availability == .pause { continue }
            if tasks.isEmpty {
                work.emit(.putTask(Self.newTask(service, slot: 0, nodeID: node.id, desired: .running, ids: &ids, now: work.now)))
            } else {
                slots.append(tasks)
            }
        }
        for nodeID in byNode.keys.sorted() {
            for task in byNode[nodeID] ?? [] { work.setDesired(task.id, .shutdown) }
        }
        if !slots.isEmpty { update(service, slots: slots, &work) }
    }

    // MARK: Constraint enforcer

    /// On an active node, rejects the tasks that no longer meet their constraints or no longer
    /// fit its resources, so their orchestrator replaces them elsewhere (swarmkit
    /// `rejectNoncompliantTasks`; tasks are checked oldest first).
    func enforceConstraints(on node: NodeRecord, _ work: inout Work) {
        guard node.availability == .active else { return }
        var available = Scheduler.Resources(nanoCPUs: node.nanoCPUs, memoryBytes: node.memoryBytes)
        let info = Scheduler.NodeInfo(record: node)
        let tasks = work.view.tasks(onNode: node.id).sorted(by: TaskTable.olderFirst)
        for task in tasks where task.desiredState >= .assigned && task.desiredState <= .running {
            let constraints = Self.constraints(of: task.spec)
            var reject = !constraints.allSatisfy { $0.isSatisfied(by: info) }
            if !reject {
                let need = task.spec.reservations
                if need.memoryBytes > available.memoryBytes || need.nanoCPUs > available.nanoCPUs {
                    reject = true
                } else {
                    available.memoryBytes -= need.memoryBytes
                    available.nanoCPUs -= need.nanoCPUs
                }
            }
            guard reject, task.status.state.canMove(to: .rejected) else { continue }
            work.emit(.setTaskStatus(id: task.id, TaskStatus(
                state: .rejected, timestamp: work.now, message: "task rejected by constraint enforcer",
                error: "assigned node no longer meets constraints", containerID: task.status.containerID)))
        }
    }

    // MARK: Orphans

    /// Tasks that may have made progress on a node that has now been down for
    /// `orphanTimeout` (assigned … running) are marked orphaned: nobody knows their fate.
    /// The node's last update time stands for the time it went down.
    func markOrphans(on node: NodeRecord, _ work: inout Work) {
        guard node.state == .down else { return }
        let due = node.updatedAt + orphanTimeout
        for task in work.view.tasks(onNode: node.id) where task.status.state >= .assigned && task.status.state <= .running {
            if work.now < due {
                work.wake(at: due)
                return
            }
            // swarmkit's dispatcher (moveTasksToOrphaned) changes the state alone: message, error
            // and timestamp stay the last the agent reported.
            var status = task.status
            status.state = .orphaned
            work.emit(.setTaskStatus(id: task.id, status))
        }
    }
}
