import SimCore

/// The tasks of a store, with the lookups the orchestrators, the scheduler and the CLI need.
///
/// Records live in one dense array, a task to a row; a dictionary finds a task's row by ID, and
/// the row of a removed task is reused by the next one put. Every index — by slot, by service,
/// by node, and the three work lists — holds row numbers, so keeping it right after a change
/// costs no string hashing beyond the key that moved. A change is made in place in the array:
/// no copy of the record. Row numbers depend only on the commands applied, never on hashing,
/// but they mean nothing outside the table: every read that returns several tasks sorts them
/// (by ID, or oldest first), so no decision depends on row or hash order (DESIGN.md §2), and two
/// tables are equal when they hold the same tasks, whatever rows they sit in.
///
/// - Complexity: lookup by ID, insert, remove and update are O(1) amortized (one hash of the
///   ID, plus one of the node or the slot when that changes); reads cost O(k log k) for the k
///   tasks they return.
public struct TaskTable: Equatable, Sendable {
    /// A task's place in `records`: fixed while the task is in the table.
    typealias Row = Int32

    /// The records by row; a free row holds `vacant`.
    private var records: [TaskRecord] = []
    /// The row of each task, by task ID.
    private var rowOf: [String: Row] = [:]
    /// Rows whose task was removed, reused last-freed first.
    private var freeRows: [Row] = []
    /// The rows of each slot.
    private var slotRows = RowGroups<SlotKey>()
    /// The slots of each service that hold at least one task.
    private var serviceSlots: [String: Set<SlotKey>] = [:]
    /// The rows of each node's tasks, and of those its agent has still to act on.
    private var nodeRows = NodeRows()
    /// Tasks not yet on a node's way: state `new` or `pending` (the allocator's and the
    /// scheduler's work).
    private var unplacedRows = RowSet()
    /// Tasks still wanted (desired at most `running`) that have stopped: the restart
    /// supervisor's work.
    private var stoppedRows = RowSet()
    /// Tasks with desired state `remove`: the reaper's work.
    private var removingRows = RowSet()
    /// Slots holding more than one task: where task history may need trimming.
    private var crowdedSlots: Set<SlotKey> = []

    /// What a free row holds: nothing that keeps memory alive.
    private static let vacant = TaskRecord(
        id: "", serviceID: "", serviceName: "", slot: 0, specVersion: 0, spec: TaskTemplate(image: ""),
        status: TaskStatus(state: .new, timestamp: .zero, message: ""), createdAt: .zero)

    public init() {}

    public var count: Int { rowOf.count }

    public subscript(id: String) -> TaskRecord? {
        rowOf[id].map { records[Int($0)] }
    }

    /// Two tables are equal when they hold the same tasks (the indexes follow from them), in
    /// whatever rows. - Complexity: O(n).
    public static func == (a: TaskTable, b: TaskTable) -> Bool {
        guard a.rowOf.count == b.rowOf.count else { return false }
        // Iterates a dictionary, but only to check every task: the answer has no order in it.
        for (id, row) in a.rowOf {
            guard let other = b.rowOf[id], a.records[Int(row)] == b.records[Int(other)] else { return false }
        }
        return true
    }

    // MARK: Rows

    /// The row of task `id`, for the store's in-place updates. - Complexity: O(1).
    func row(of id: String) -> Row? { rowOf[id] }

    /// The task in `row`, which must hold one.
    subscript(row row: Row) -> TaskRecord { records[Int(row)] }

    /// The ID, service and node of the task in `row`, each read alone: no record copy.
    func taskID(row: Row) -> String { records[Int(row)].id }
    func serviceID(row: Row) -> String { records[Int(row)].serviceID }
    func nodeID(row: Row) -> String? { records[Int(row)].nodeID }
    func hasNode(row: Row) -> Bool { records[Int(row)].nodeID != nil }

    /// Whether the task in `row` has any network attachments. Reads one field: no record copy.
    func hasNetworks(row: Row) -> Bool { !records[Int(row)].networks.isEmpty }

    /// The IDs of every task, in no meaningful order (for lookups that do not depend on order,
    /// like "is this prefix unique").
    var ids: Dictionary<String, Row>.Keys { rowOf.keys }

    // MARK: Reads

    /// Every task, by ID. O(n log n).
    public var all: [TaskRecord] { sortedByID(Array(rowOf.values)) }

    /// The IDs of services that have tasks in the table, sorted.
    public var serviceIDs: [String] { serviceSlots.keys.sorted() }

    /// The occupied slots of `serviceID`, in slot order (global: node ID order).
    public func slots(ofService serviceID: String) -> [SlotKey] {
        (serviceSlots[serviceID] ?? []).sorted()
    }

    /// The tasks of one slot, oldest first (creation time, then ID).
    public func tasks(in slot: SlotKey) -> [TaskRecord] {
        slotRows.rows(under: slot).map { records[Int($0)] }.sorted(by: Self.olderFirst)
    }

    /// The number of tasks in one slot. O(1).
    public func count(in slot: SlotKey) -> Int { slotRows.count(under: slot) }

    /// The tasks of `serviceID`, slot by slot, each slot oldest first.
    public func tasks(ofService serviceID: String) -> [TaskRecord] {
        slots(ofService: serviceID).flatMap { tasks(in: $0) }
    }

    /// The tasks assigned to `nodeID`, by ID.
    public func tasks(onNode nodeID: String) -> [TaskRecord] { sortedByID(nodeRows.rows(under: nodeID)) }

    /// Whether any task assigned to `nodeID` satisfies `predicate`. The answer has no order in
    /// it, so the rows are read as they lie: no copy, no sort. O(k) for the node's k tasks.
    public func containsTask(onNode nodeID: String, where predicate: (TaskRecord) -> Bool) -> Bool {
        nodeRows.rows(under: nodeID).contains { predicate(records[Int($0)]) }
    }

    /// Whether a task assigned to `nodeID` awaits its agent (`TaskRecord.isAwaitingAgent`) and
    /// has not changed for `age` at `now`. O(k) for the node's k awaiting tasks, none in a
    /// steady swarm.
    public func containsTaskAwaitingAgent(onNode nodeID: String, unchangedFor age: SimDuration, at now: SimTime) -> Bool {
        nodeRows.containsAwaitingRow(under: nodeID) { now - records[Int($0)].updatedAt >= age }
    }

    /// How many tasks satisfy `predicate`. A count has no order in it, so the rows are read as
    /// they lie. O(n).
    public func count(where predicate: (TaskRecord) -> Bool) -> Int {
        var n = 0
        for row in rowOf.values where predicate(records[Int(row)]) { n += 1 }
        return n
    }

    /// The IDs of nodes that have tasks in the table, sorted.
    public var nodeIDs: [String] { nodeRows.sortedKeys() }

    /// Tasks in state `new` or `pending`, by ID. O(k log k) for the k returned.
    public var unplaced: [TaskRecord] { sortedByID(unplacedRows.members) }
    /// Tasks the orchestrator still wants running that have stopped, by ID.
    public var stoppedButWanted: [TaskRecord] { sortedByID(stoppedRows.members) }
    /// Tasks with desired state `remove`, by ID.
    public var removing: [TaskRecord] { sortedByID(removingRows.members) }
    /// Slots with more than one task, in slot order.
    public var slotsWithHistory: [SlotKey] { crowdedSlots.sorted() }

    /// The tasks in `rows`, by ID (rows are sorted, records copied once).
    private func sortedByID(_ rows: [Row]) -> [TaskRecord] {
        rows.sorted { records[Int($0)].id < records[Int($1)].id }.map { records[Int($0)] }
    }

    static func olderFirst(_ a: TaskRecord, _ b: TaskRecord) -> Bool {
        a.createdAt != b.createdAt ? a.createdAt < b.createdAt : a.id < b.id
    }

    // MARK: Writes

    /// Adds `task`, or replaces the task with its ID (in the same row); returns its row.
    @discardableResult
    mutating func put(_ task: TaskRecord) -> Row {
        if let row = rowOf[task.id] { remove(row: row) }
        let row: Row
        if let free = freeRows.popLast() {
            row = free
            records[Int(row)] = task
        } else {
            row = Row(records.count)
            records.append(task)
            reserveIndexRows(records.count)
        }
        rowOf[task.id] = row
        index(row)
        return row
    }

    mutating func remove(id: String) {
        guard let row = rowOf[id] else { return }
        remove(row: row)
    }

    private mutating func remove(row: Row) {
        let r = Int(row)
        unindex(row, slot: records[r].slotKey, node: records[r].nodeID, work: workLists(row))
        rowOf[records[r].id] = nil
        records[r] = Self.vacant
        freeRows.append(row)
    }

    /// Changes the task `id` in place, keeping the indexes right. Does nothing when there is no
    /// such task. `change` must not change the task's ID.
    mutating func update(id: String, _ change: (inout TaskRecord) -> Void) {
        guard let row = rowOf[id] else { return }
        update(row: row, change)
    }

    /// Changes the task in `row` in place, keeping the indexes right: only those whose key
    /// moved (slot, node, work lists) are touched. `change` must not change the task's ID.
    mutating func update(row: Row, _ change: (inout TaskRecord) -> Void) {
        let r = Int(row)
        // The indexed fields before, read one by one: the record itself is never copied.
        let serviceID = records[r].serviceID, slot = records[r].slot, nodeID = records[r].nodeID
        let work = workLists(row)
        change(&records[r])
        let slotMoved = records[r].slot != slot || records[r].serviceID != serviceID
            || (slot == 0 && records[r].nodeID != nodeID)
        if slotMoved {
            unfileSlot(row, SlotKey(serviceID: serviceID, slot: slot, nodeID: slot == 0 ? (nodeID ?? "") : ""))
            fileSlot(row)
        }
        let newWork = workLists(row)
        if records[r].nodeID != nodeID {
            // Leaving its node takes the row out of the node's awaiting group too.
            if nodeID != nil { nodeRows.remove(row) }
            if let node = records[r].nodeID { nodeRows.insert(row, under: node) }
            refile(row, from: work & ~8, to: newWork)
        } else if newWork != work {
            refile(row, from: work, to: newWork)
        }
    }

    // MARK: The hot writes

    // What managers apply most (an assignment, an agent's status report, a new desired state),
    // each written field by field into the record in its row: no closure, no copy of the record
    // or its status beyond the one the row keeps, and only the indexes whose key moved touched.

    /// `assignTask`: gives the task in `row` its node and status, unless it has moved past
    /// `pending` or has another node. Returns whether it changed.
    mutating func assign(row: Row, nodeID: String, status: TaskStatus) -> Bool {
        let r = Int(row)
        guard records[r].status.state <= .pending else { return false }
        let hadNode = records[r].nodeID != nil
        if hadNode, records[r].nodeID != nodeID { return false }
        let work = workLists(row)
        if !hadNode { records[r].nodeID = nodeID }
        records[r].status = status
        records[r].updatedAt = status.timestamp
        let newWork = workLists(row)
        guard !hadNode else {
            if newWork != work { refile(row, from: work, to: newWork) }
            return true
        }
        if records[r].slot == 0 {
            // A global task's slot is its node.
            unfileSlot(row, SlotKey(serviceID: records[r].serviceID, slot: 0, nodeID: ""))
            fileSlot(row)
        }
        nodeRows.insert(row, under: nodeID)
        refile(row, from: work & ~8, to: newWork)
        return true
    }

    /// `setTaskStatus`: a new observed status for the task in `row`, unless it would go back.
    /// Returns whether it changed.
    mutating func setStatus(row: Row, _ status: TaskStatus) -> Bool {
        let r = Int(row)
        let state = records[r].status.state
        guard status.state == state || state.canMove(to: status.state) else { return false }
        let work = workLists(row)
        records[r].status = status
        records[r].updatedAt = Swift.max(records[r].updatedAt, status.timestamp)
        let newWork = workLists(row)
        if newWork != work { refile(row, from: work, to: newWork) }
        return true
    }

    /// `setTaskDesiredState`: a later desired state for the task in `row`. Returns whether it
    /// changed.
    mutating func setDesiredState(row: Row, _ state: TaskState, at time: SimTime) -> Bool {
        let r = Int(row)
        guard state > records[r].desiredState else { return false }
        let work = workLists(row)
        records[r].desiredState = state
        records[r].updatedAt = time
        let newWork = workLists(row)
        if newWork != work { refile(row, from: work, to: newWork) }
        return true
    }

    // MARK: Indexes

    /// Gives every row index room for rows `0..<rowCount`.
    private mutating func reserveIndexRows(_ rowCount: Int) {
        slotRows.reserveRows(rowCount)
        nodeRows.reserveRows(rowCount)
        unplacedRows.reserveRows(rowCount)
        stoppedRows.reserveRows(rowCount)
        removingRows.reserveRows(rowCount)
    }

    /// The work lists a task belongs on, as bits: 1 unplaced, 2 stopped but wanted, 4 removing,
    /// 8 awaiting its agent (filed under its node, if it has one).
    private func workLists(_ row: Row) -> UInt8 {
        let state = records[Int(row)].status.state, desired = records[Int(row)].desiredState
        var bits: UInt8 = 0
        if state <= .pending { bits |= 1 }
        if desired <= .running && state > .running { bits |= 2 }
        if desired == .remove { bits |= 4 }
        if TaskRecord.isAwaitingAgent(state: state, desired: desired) { bits |= 8 }
        return bits
    }

    /// Moves `row` between work lists, from the `old` bits to the `new`.
    private mutating func refile(_ row: Row, from old: UInt8, to new: UInt8) {
        let gone = old & ~new, added = new & ~old
        if gone & 1 != 0 { unplacedRows.remove(row) }
        if gone & 2 != 0 { stoppedRows.remove(row) }
        if gone & 4 != 0 { removingRows.remove(row) }
        if added & 1 != 0 { unplacedRows.insert(row) }
        if added & 2 != 0 { stoppedRows.insert(row) }
        if added & 4 != 0 { removingRows.insert(row) }
        if (gone | added) & 8 != 0 { nodeRows.setAwaiting(row, added & 8 != 0) }
    }

    private mutating func index(_ row: Row) {
        fileSlot(row)
        if let node = records[Int(row)].nodeID { nodeRows.insert(row, under: node) }
        refile(row, from: 0, to: workLists(row))
    }

    private mutating func unindex(_ row: Row, slot: SlotKey, node: String?, work: UInt8) {
        refile(row, from: work, to: 0)
        unfileSlot(row, slot)
        if node != nil { nodeRows.remove(row) }
    }

    /// Files `row` under its task's slot and the slot under its service.
    private mutating func fileSlot(_ row: Row) {
        let key = records[Int(row)].slotKey
        let size = slotRows.insert(row, under: key)
        if size == 1 {
            serviceSlots[key.serviceID, default: []].insert(key)
        } else if size == 2 {
            crowdedSlots.insert(key)
        }
    }

    /// Takes `row` out of slot `key`, which it was filed under.
    private mutating func unfileSlot(_ row: Row, _ key: SlotKey) {
        let size = slotRows.remove(row, under: key)
        if size == 0 {
            serviceSlots[key.serviceID]?.remove(key)
            if serviceSlots[key.serviceID]?.isEmpty == true { serviceSlots[key.serviceID] = nil }
        } else if size == 1 {
            crowdedSlots.remove(key)
        }
    }
}
