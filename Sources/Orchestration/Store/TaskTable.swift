import SimCore

/// The tasks of a store, with the lookups the orchestrators, the scheduler and the CLI need.
///
/// Tasks live in a dictionary keyed by ID, used only for lookups; three incremental indexes
/// find them by slot, by service and by node. Every read that returns several tasks sorts them,
/// so no decision ever depends on hash order (DESIGN.md §2).
///
/// - Complexity: insert, remove and update are O(1) amortized plus O(h) in the task's slot
///   (h: tasks kept in one slot, at most the task history limit plus a few); reads cost
///   O(k log k) for the k tasks they return.
public struct TaskTable: Equatable, Sendable {
    private(set) var byID: [String: TaskRecord] = [:]
    /// Task IDs of each slot, oldest insertion first.
    private var slotTasks: [SlotKey: [String]] = [:]
    /// The slots of each service that hold at least one task.
    private var serviceSlots: [String: Set<SlotKey>] = [:]
    /// Task IDs of each node.
    private var nodeTasks: [String: Set<String>] = [:]
    /// Tasks not yet on a node's way: state `new` or `pending` (the allocator's and the
    /// scheduler's work).
    private var unplacedIDs: Set<String> = []
    /// Tasks still wanted (desired at most `running`) that have stopped: the restart
    /// supervisor's work.
    private var stoppedIDs: Set<String> = []
    /// Tasks with desired state `remove`: the reaper's work.
    private var removingIDs: Set<String> = []
    /// Slots holding more than one task: where task history may need trimming.
    private var crowdedSlots: Set<SlotKey> = []

    public init() {}

    public var count: Int { byID.count }

    public subscript(id: String) -> TaskRecord? { byID[id] }

    /// Two tables are equal when they hold the same tasks (the indexes follow from them).
    public static func == (a: TaskTable, b: TaskTable) -> Bool { a.byID == b.byID }

    // MARK: Reads

    /// Every task, by ID. O(n log n).
    public var all: [TaskRecord] { byID.values.sorted { $0.id < $1.id } }

    /// The IDs of services that have tasks in the table, sorted.
    public var serviceIDs: [String] { serviceSlots.keys.sorted() }

    /// The occupied slots of `serviceID`, in slot order (global: node ID order).
    public func slots(ofService serviceID: String) -> [SlotKey] {
        (serviceSlots[serviceID] ?? []).sorted()
    }

    /// The tasks of one slot, oldest first (creation time, then ID).
    public func tasks(in slot: SlotKey) -> [TaskRecord] {
        (slotTasks[slot] ?? []).compactMap { byID[$0] }.sorted(by: Self.olderFirst)
    }

    /// The number of tasks in one slot. O(1).
    public func count(in slot: SlotKey) -> Int { slotTasks[slot]?.count ?? 0 }

    /// The tasks of `serviceID`, slot by slot, each slot oldest first.
    public func tasks(ofService serviceID: String) -> [TaskRecord] {
        slots(ofService: serviceID).flatMap { tasks(in: $0) }
    }

    /// The tasks assigned to `nodeID`, by ID.
    public func tasks(onNode nodeID: String) -> [TaskRecord] {
        (nodeTasks[nodeID] ?? []).compactMap { byID[$0] }.sorted { $0.id < $1.id }
    }

    /// The IDs of nodes that have tasks in the table, sorted.
    public var nodeIDs: [String] { nodeTasks.keys.sorted() }

    /// Tasks in state `new` or `pending`, by ID. O(k log k) for the k returned.
    public var unplaced: [TaskRecord] { sortedTasks(unplacedIDs) }
    /// Tasks the orchestrator still wants running that have stopped, by ID.
    public var stoppedButWanted: [TaskRecord] { sortedTasks(stoppedIDs) }
    /// Tasks with desired state `remove`, by ID.
    public var removing: [TaskRecord] { sortedTasks(removingIDs) }
    /// Slots with more than one task, in slot order.
    public var slotsWithHistory: [SlotKey] { crowdedSlots.sorted() }

    private func sortedTasks(_ ids: Set<String>) -> [TaskRecord] {
        ids.sorted().compactMap { byID[$0] }
    }

    static func olderFirst(_ a: TaskRecord, _ b: TaskRecord) -> Bool {
        a.createdAt != b.createdAt ? a.createdAt < b.createdAt : a.id < b.id
    }

    // MARK: Writes

    /// Adds `task`, or replaces the task with its ID.
    mutating func put(_ task: TaskRecord) {
        if byID[task.id] != nil { remove(id: task.id) }
        byID[task.id] = task
        index(task)
    }

    mutating func remove(id: String) {
        guard let task = byID.removeValue(forKey: id) else { return }
        unindex(task)
    }

    /// Changes the task `id` in place, keeping the indexes right if its slot or node changes.
    /// Does nothing when there is no such task.
    mutating func update(id: String, _ change: (inout TaskRecord) -> Void) {
        guard let old = byID[id] else { return }
        var task = old
        change(&task)
        if old.slotKey != task.slotKey {
            unindex(old)
            byID[id] = task
            index(task)
        } else {
            // Same slot (a replicated task being placed, say): only the node index moves.
            unflag(old)
            if old.nodeID != task.nodeID {
                if let node = old.nodeID {
                    nodeTasks[node]?.remove(id)
                    if nodeTasks[node]?.isEmpty == true { nodeTasks[node] = nil }
                }
                if let node = task.nodeID { nodeTasks[node, default: []].insert(id) }
            }
            byID[id] = task
            flag(task)
        }
    }

    private mutating func index(_ task: TaskRecord) {
        let key = task.slotKey
        slotTasks[key, default: []].append(task.id)
        if (slotTasks[key]?.count ?? 0) > 1 { crowdedSlots.insert(key) }
        serviceSlots[task.serviceID, default: []].insert(key)
        if let node = task.nodeID { nodeTasks[node, default: []].insert(task.id) }
        flag(task)
    }

    /// Files the task under the work lists its state puts it on.
    private mutating func flag(_ task: TaskRecord) {
        if task.status.state <= .pending { unplacedIDs.insert(task.id) }
        if task.isDesiredRunning && task.status.state > .running { stoppedIDs.insert(task.id) }
        if task.desiredState == .remove { removingIDs.insert(task.id) }
    }

    private mutating func unflag(_ task: TaskRecord) {
        unplacedIDs.remove(task.id)
        stoppedIDs.remove(task.id)
        removingIDs.remove(task.id)
    }

    private mutating func unindex(_ task: TaskRecord) {
        unflag(task)
        let key = task.slotKey
        if var ids = slotTasks[key] {
            ids.removeAll { $0 == task.id }
            if ids.isEmpty {
                slotTasks[key] = nil
                serviceSlots[task.serviceID]?.remove(key)
                if serviceSlots[task.serviceID]?.isEmpty == true { serviceSlots[task.serviceID] = nil }
            } else {
                slotTasks[key] = ids
            }
            if ids.count <= 1 { crowdedSlots.remove(key) }
        }
        if let node = task.nodeID {
            nodeTasks[node]?.remove(task.id)
            if nodeTasks[node]?.isEmpty == true { nodeTasks[node] = nil }
        }
    }
}
