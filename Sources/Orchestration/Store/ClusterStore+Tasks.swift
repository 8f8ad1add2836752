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

    /// Whether a task assigned to a node awaits its agent (`TaskRecord.isAwaitingAgent`) and
    /// has not changed for `age` at `now`: an index answers, without reading the node's other tasks.
    public func containsTaskAwaitingAgent(onNode nodeID: String, unchangedFor age: SimDuration, at now: SimTime) -> Bool {
        taskTable.containsTaskAwaitingAgent(onNode: nodeID, unchangedFor: age, at: now)
    }

    /// A dispatcher heartbeat's reads: what the dispatcher reads of node `nodeID`, where its
    /// record lies, and whether a task on it awaits its agent unchanged for `age` at `now`
    /// (`containsTaskAwaitingAgent`); nil for no such node. `hint`: where the record lay at the
    /// node's last heartbeat, tried first (records move when nodes join or leave, so the ID
    /// there is checked); a right hint spares the lookup by ID, a cache miss per heartbeat in a
    /// swarm of thousands of nodes.
    ///
    /// `mutating` only so that it is handed the store in place (`Manager.readInPlace`); it
    /// changes nothing. A non-mutating method of this module called on an `inout` store is
    /// handed a copy of the whole store (360 bytes, on every heartbeat).
    public mutating func heartbeatReads(ofNode nodeID: String, hint: Int? = nil, unchangedFor age: SimDuration,
                                        at now: SimTime) -> (node: HeartbeatNode, position: Int, lagging: Bool)? {
        let i: Int
        if let hint, nodes.indices.contains(hint), nodes[hint].id == nodeID {
            i = hint
        } else {
            guard let found = index(ofNode: nodeID) else { return nil }
            i = found
        }
        // The ID asked for is the record's, and already at hand: taking the record's would
        // touch its text, a cache line of its own (unless it is the same string).
        let node = HeartbeatNode(id: nodeID, role: nodes[i].role, state: nodes[i].state, raftID: nodes[i].raftID)
        return (node, i, containsTaskAwaitingAgent(onNode: nodeID, unchangedFor: age, at: now))
    }

    /// Starts loading the line of node record `position` that `heartbeatReads` reads (its ID,
    /// Raft ID, role and state lead the record). A hint: it changes nothing.
    public mutating func prefetchNode(at position: Int) { nodes.prefetch(position, bytes: 32) }

    /// How many tasks satisfy `predicate`, counted without listing or sorting them. O(n).
    public func countTasks(where predicate: (TaskRecord) -> Bool) -> Int { taskTable.count(where: predicate) }

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
            setTaskStatus(id, status, into: &changes)
        case .setTaskDesiredState(let id, let state, let time):
            setTaskDesiredState(id, state, at: time, into: &changes)
        case .assignTask(let id, let nodeID, let status):
            assignTask(id, to: nodeID, status, into: &changes)
        default:
            preconditionFailure("applyTaskCommand called with a command that is not about tasks: \(command)")
        }
    }
}
