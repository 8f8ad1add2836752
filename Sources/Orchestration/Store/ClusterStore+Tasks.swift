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
            let old = taskTable[id]
            taskTable.update(id: id) { t in
                guard status.state == t.status.state || t.status.state.canMove(to: status.state) else { return }
                t.status = status
                t.updatedAt = Swift.max(t.updatedAt, status.timestamp)
            }
            followNetworks(of: id, from: old)
        case .setTaskDesiredState(let id, let state, let time):
            taskTable.update(id: id) { t in
                guard state > t.desiredState else { return }
                t.desiredState = state
                t.updatedAt = time
            }
        case .assignTask(let id, let nodeID, let status):
            let old = taskTable[id]
            taskTable.update(id: id) { t in
                guard t.status.state <= .pending, t.nodeID == nil || t.nodeID == nodeID else { return }
                t.nodeID = nodeID
                t.status = status
                t.updatedAt = status.timestamp
            }
            followNetworks(of: id, from: old)
        default:
            preconditionFailure("applyTaskCommand called with a command that is not about tasks: \(command)")
        }
    }

    /// After task `id` changed from `old`: the network books follow (see `trackTask`) when
    /// the task moved to a node or stopped. O(1) for any other change.
    private mutating func followNetworks(of id: String, from old: TaskRecord?) {
        guard let old, !old.networks.isEmpty, let new = taskTable[id],
              old.nodeID != new.nodeID || Self.holdsAddresses(old) != Self.holdsAddresses(new) else { return }
        if let cleared = trackTask(from: old, to: new) {
            taskTable.update(id: id) { $0.networks = cleared }
        }
    }
}
