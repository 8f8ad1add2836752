import SimCore

// Tasks in the store: lookups and the commands that change them.

extension ClusterStore {
    // MARK: Reads

    /// Every task, by ID. O(n log n): prefer the lookups below.
    public var tasks: [TaskRecord] { taskTable.all }

    public func task(id: String) -> TaskRecord? { taskTable[id] }

    /// The tasks of a service, slot by slot (global: node by node), each slot oldest first.
    public func tasks(ofService serviceID: String) -> [TaskRecord] { taskTable.tasks(ofService: serviceID) }

    /// The tasks assigned to a node, by ID.
    public func tasks(onNode nodeID: String) -> [TaskRecord] { taskTable.tasks(onNode: nodeID) }

    /// Whether any task assigned to a node satisfies `predicate`, without listing them.
    public func containsTask(onNode nodeID: String, where predicate: (TaskRecord) -> Bool) -> Bool {
        taskTable.containsTask(onNode: nodeID, where: predicate)
    }

    /// The tasks of one slot, oldest first.
    public func tasks(in slot: SlotKey) -> [TaskRecord] { taskTable.tasks(in: slot) }

    /// The task that stands for its slot in `service ps`: the newest task the orchestrator
    /// still wants running, else the newest of all. The others of the slot are its history.
    public func currentTask(in slot: SlotKey) -> TaskRecord? {
        let all = taskTable.tasks(in: slot)
        return all.last(where: \.isDesiredRunning) ?? all.last
    }

    /// What a docker command names a task by: a full ID or a unique ID prefix.
    public func resolveTask(_ reference: String) -> TaskRecord? {
        if let t = taskTable[reference] { return t }
        guard !reference.isEmpty else { return nil }
        let matches = taskTable.ids.filter { $0.hasPrefix(reference) }
        return matches.count == 1 ? taskTable[matches[0]] : nil
    }

    // MARK: Apply

    mutating func applyTaskCommand(_ command: StoreCommand, into changes: inout StoreChanges) {
        switch command {
        case .putTask(var task):
            // A replaced task gives back what it held; the new one gets its own addresses.
            if let oldRow = taskTable.row(of: task.id) {
                let old = taskTable[row: oldRow]
                _ = trackTask(from: old, to: nil)
                changes.retire(old, row: oldRow, coveringNext: false)
            }
            task.networks = allocateAttachments(for: task)
            let row = taskTable.put(task)
            _ = trackTask(from: nil, to: task)
            changes.append(StoreChanges.TaskRef(row: row, kind: .put, hadNode: task.nodeID != nil))
        case .removeTask(let id):
            guard let row = taskTable.row(of: id) else { return }
            let old = taskTable[row: row]
            changes.retire(old, row: row, coveringNext: true)
            taskTable.remove(id: id)
            _ = trackTask(from: old, to: nil)
            changes.append(StoreChanges.TaskRef(row: row, kind: .removed, hadNode: old.nodeID != nil))
        case .setTaskStatus(let id, let status):
            guard let row = taskTable.row(of: id) else { return }
            changeTask(in: row, .status, into: &changes) { t in
                guard status.state == t.status.state || t.status.state.canMove(to: status.state) else { return false }
                t.status = status
                t.updatedAt = Swift.max(t.updatedAt, status.timestamp)
                return true
            }
        case .setTaskDesiredState(let id, let state, let time):
            guard let row = taskTable.row(of: id) else { return }
            var changed = false
            taskTable.update(row: row) { t in
                guard state > t.desiredState else { return }
                t.desiredState = state
                t.updatedAt = time
                changed = true
            }
            if changed { changes.append(StoreChanges.TaskRef(row: row, kind: .desiredState, hadNode: taskTable.hasNode(row: row))) }
        case .assignTask(let id, let nodeID, let status):
            guard let row = taskTable.row(of: id) else { return }
            changeTask(in: row, .assigned, into: &changes) { t in
                guard t.status.state <= .pending, t.nodeID == nil || t.nodeID == nodeID else { return false }
                t.nodeID = nodeID
                t.status = status
                t.updatedAt = status.timestamp
                return true
            }
        default:
            preconditionFailure("applyTaskCommand called with a command that is not about tasks: \(command)")
        }
    }

    /// Changes the task in `row` in place and lists it in `changes` when `change` says it
    /// changed it; the network books follow (see `trackTask`) when a task with attachments
    /// moved to a node or stopped. A task on no network is never copied.
    private mutating func changeTask(in row: TaskTable.Row, _ kind: StoreChanges.Task.Kind, into changes: inout StoreChanges,
                                     _ change: (inout TaskRecord) -> Bool) {
        var changed = false
        guard taskTable.hasNetworks(row: row) else {
            taskTable.update(row: row) { changed = change(&$0) }
            if changed {
                changes.append(StoreChanges.TaskRef(row: row, kind: kind, hadNode: taskTable.hasNode(row: row)))
            }
            return
        }
        let old = taskTable[row: row]
        taskTable.update(row: row) { changed = change(&$0) }
        guard changed else { return }
        changes.append(StoreChanges.TaskRef(row: row, kind: kind, hadNode: taskTable.hasNode(row: row)))
        let new = taskTable[row: row]
        guard old.nodeID != new.nodeID || Self.holdsAddresses(old) != Self.holdsAddresses(new) else { return }
        if let cleared = trackTask(from: old, to: new) {
            taskTable.update(row: row) { $0.networks = cleared }
        }
    }
}
