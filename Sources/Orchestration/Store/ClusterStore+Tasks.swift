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

    mutating func applyTaskCommand(_ command: StoreCommand) {
        switch command {
        case .putTask(var task):
            // A replaced task gives back what it held; the new one gets its own addresses.
            if let old = taskTable[task.id] { _ = trackTask(from: old, to: nil) }
            task.networks = allocateAttachments(for: task)
            taskTable.put(task)
            _ = trackTask(from: nil, to: task)
        case .removeTask(let id):
            let old = taskTable[id]
            taskTable.remove(id: id)
            _ = trackTask(from: old, to: nil)
        case .setTaskStatus(let id, let status):
            guard let row = taskTable.row(of: id) else { return }
            changeTask(in: row) { t in
                guard status.state == t.status.state || t.status.state.canMove(to: status.state) else { return }
                t.status = status
                t.updatedAt = Swift.max(t.updatedAt, status.timestamp)
            }
        case .setTaskDesiredState(let id, let state, let time):
            taskTable.update(id: id) { t in
                guard state > t.desiredState else { return }
                t.desiredState = state
                t.updatedAt = time
            }
        case .assignTask(let id, let nodeID, let status):
            guard let row = taskTable.row(of: id) else { return }
            changeTask(in: row) { t in
                guard t.status.state <= .pending, t.nodeID == nil || t.nodeID == nodeID else { return }
                t.nodeID = nodeID
                t.status = status
                t.updatedAt = status.timestamp
            }
        default:
            preconditionFailure("applyTaskCommand called with a command that is not about tasks: \(command)")
        }
    }

    /// Changes the task in `row` in place; the network books follow (see `trackTask`) when a
    /// task with attachments moved to a node or stopped. A task on no network is never copied.
    private mutating func changeTask(in row: TaskTable.Row, _ change: (inout TaskRecord) -> Void) {
        guard taskTable.hasNetworks(row: row) else { return taskTable.update(row: row, change) }
        let old = taskTable[row: row]
        taskTable.update(row: row, change)
        let new = taskTable[row: row]
        guard old.nodeID != new.nodeID || Self.holdsAddresses(old) != Self.holdsAddresses(new) else { return }
        if let cleared = trackTask(from: old, to: new) {
            taskTable.update(row: row) { $0.networks = cleared }
        }
    }
}
