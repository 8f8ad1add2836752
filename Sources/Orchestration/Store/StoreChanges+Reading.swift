import SimCore

// Reading a `StoreChanges`: task changes are recorded by row, so they are read against the
// store the command was applied to.

extension StoreChanges {
    /// Calls `body` with every change, in the order the store made them. `store` must be the
    /// store right after the command was applied (later commands may have moved its rows).
    ///
    /// - Complexity: O(n) for n changes; a task is looked up by row, not by ID.
    public func forEach(in store: ClusterStore, _ body: (Change) -> Void) {
        var reader = RetiredRows(retired)
        for (position, entry) in entries.enumerated() {
            switch entry {
            case .cluster: body(.cluster)
            case .node(let n): body(.node(n))
            case .service(let s): body(.service(s))
            case .network(let n): body(.network(n))
            case .task(let ref): body(.task(reader.task(ref, at: position, in: store.taskTable)))
            }
        }
    }

    /// Every change, in order (see `forEach(in:_:)`).
    public func changes(in store: ClusterStore) -> [Change] {
        var all: [Change] = []
        all.reserveCapacity(count)
        forEach(in: store) { all.append($0) }
        return all
    }

    /// The tasks that changed, in order (see `forEach(in:_:)`).
    public func tasks(in store: ClusterStore) -> [Task] {
        var tasks: [Task] = []
        forEach(in: store) { if case .task(let t) = $0 { tasks.append(t) } }
        return tasks
    }
}

/// Finds, for a task entry, the task its row held at the change: the one the command later
/// emptied the row of, if it did, else the one in the row now.
private struct RetiredRows {
    let retired: [StoreChanges.Retired]
    /// Positions in `retired` by row, built at the first look-up when there are many (only ever
    /// looked up, never iterated).
    var byRow: [TaskTable.Row: [Int]]?

    init(_ retired: [StoreChanges.Retired]) { self.retired = retired }

    mutating func task(_ ref: StoreChanges.TaskRef, at position: Int, in table: TaskTable) -> StoreChanges.Task {
        if !retired.isEmpty, let r = retirement(of: ref.row, after: position) {
            return .init(id: r.id, serviceID: r.serviceID, nodeID: ref.hadNode ? r.nodeID : nil, kind: ref.kind)
        }
        return .init(id: table.taskID(row: ref.row), serviceID: table.serviceID(row: ref.row),
                     nodeID: ref.hadNode ? table.nodeID(row: ref.row) : nil, kind: ref.kind)
    }

    /// The first task to leave `row` that entries at `position` still name.
    private mutating func retirement(of row: TaskTable.Row, after position: Int) -> StoreChanges.Retired? {
        if retired.count <= 8 {
            return retired.first { $0.row == row && $0.before > position }
        }
        if byRow == nil {
            var index: [TaskTable.Row: [Int]] = [:]
            for (i, r) in retired.enumerated() { index[r.row, default: []].append(i) }
            byRow = index
        }
        guard let positions = byRow?[row], let i = positions.first(where: { retired[$0].before > position }) else { return nil }
        return retired[i]
    }
}
