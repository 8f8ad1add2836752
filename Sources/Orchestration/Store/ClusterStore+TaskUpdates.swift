import SimCore

// The task changes managers apply most: an assignment, an agent's status report, a new desired
// state. A task on no network is changed field by field in its row (`TaskTable.assign`,
// `setStatus`, `setDesiredState`): no closure, no copy of the record or its status beyond the
// one the row keeps. A task with network attachments takes the general path, which compares the
// record before and after so the address books follow.

extension ClusterStore {
    /// `.setTaskStatus`: ignored unless the state stays or moves forward.
    mutating func setTaskStatus(_ id: String, _ status: TaskStatus, into changes: inout StoreChanges) {
        guard let row = taskTable.row(of: id) else { return }
        guard taskTable.hasNetworks(row: row) else {
            guard taskTable.setStatus(row: row, status) else { return }
            changes.append(StoreChanges.TaskRef(row: row, kind: .status, hadNode: taskTable.hasNode(row: row)))
            return
        }
        changeTask(in: row, .status, into: &changes) { t in
            guard status.state == t.status.state || t.status.state.canMove(to: status.state) else { return false }
            t.status = status
            t.updatedAt = Swift.max(t.updatedAt, status.timestamp)
            return true
        }
    }

    /// `.setTaskDesiredState`: ignored unless `state` is later than the current one.
    mutating func setTaskDesiredState(_ id: String, _ state: TaskState, at time: SimTime, into changes: inout StoreChanges) {
        guard let row = taskTable.row(of: id), taskTable.setDesiredState(row: row, state, at: time) else { return }
        changes.append(StoreChanges.TaskRef(row: row, kind: .desiredState, hadNode: taskTable.hasNode(row: row)))
    }

    /// `.assignTask`: ignored once the task has another node or has moved past `pending`.
    mutating func assignTask(_ id: String, to nodeID: String, _ status: TaskStatus, into changes: inout StoreChanges) {
        guard let row = taskTable.row(of: id) else { return }
        guard taskTable.hasNetworks(row: row) else {
            guard taskTable.assign(row: row, nodeID: nodeID, status: status) else { return }
            changes.append(StoreChanges.TaskRef(row: row, kind: .assigned, hadNode: true))
            return
        }
        changeTask(in: row, .assigned, into: &changes) { t in
            guard t.status.state <= .pending, t.nodeID == nil || t.nodeID == nodeID else { return false }
            t.nodeID = nodeID
            t.status = status
            t.updatedAt = status.timestamp
            return true
        }
    }

    /// The general path, for a task with network attachments: changes the task in `row` in
    /// place and lists it in `changes` when `change` says it changed it; the network books
    /// follow (see `trackTask`) when the task moved to a node or stopped.
    private mutating func changeTask(in row: TaskTable.Row, _ kind: StoreChanges.Task.Kind, into changes: inout StoreChanges,
                                     _ change: (inout TaskRecord) -> Bool) {
        var changed = false
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
