import SimCore
import Orchestration

/// docker/cli's `replicatedProgressUpdater` and `globalProgressUpdater`: which task each row
/// follows, what counts as running, and when the rows stop being redrawn.
extension ServiceProgress {
    /// The updaters' memory between polls.
    struct RowState {
        var initialized = false
        /// Converged: rows are no longer redrawn until a task stops running.
        var done = false
        /// Task slot → row (1…), in the order slots were first seen.
        var slotMap: [(slot: Int, row: Int)] = []
    }

    static let maxProgress = 9
    static let maxProgressBars = 20
    /// The longest state name a row shows (`preparing`, `allocated`, `completed`).
    static let longestState = 9

    /// docker/cli's `numberedStates`; 0 for a state it does not number.
    static func number(_ state: TaskState) -> Int {
        switch state {
        case .new: 1
        case .pending: 3
        case .assigned: 4
        case .accepted: 5
        case .preparing: 6
        case .ready: 7
        case .starting: 8
        case .running: 9
        case .complete: 10
        case .shutdown: 11
        case .failed: 12
        case .rejected: 13
        case .remove, .orphaned: 0
        }
    }

    static func isTerminal(_ state: TaskState) -> Bool { number(state) > number(.running) }

    /// Of several tasks for one key, the one with the lowest desired state, then the lowest
    /// observed state; tasks in states docker does not number are left out, and so are those
    /// `admit` refuses (which then displace nothing).
    static func preferred(_ tasks: [TaskRecord], key: (TaskRecord) -> String?,
                          admit: (TaskRecord) -> Bool = { _ in true }) -> [(key: String, task: TaskRecord)] {
        var chosen: [(key: String, task: TaskRecord)] = []
        for task in tasks {
            guard let k = key(task), number(task.desiredState) != 0, number(task.status.state) != 0 else { continue }
            if let i = chosen.firstIndex(where: { $0.key == k }) {
                let existing = chosen[i].task
                if number(existing.desiredState) < number(task.desiredState) { continue }
                if number(existing.desiredState) == number(task.desiredState),
                   number(existing.status.state) <= number(task.status.state) { continue }
                if admit(task) { chosen[i].task = task }
            } else if admit(task) {
                chosen.append((k, task))
            }
        }
        return chosen
    }

    // MARK: Replicated

    mutating func replicatedUpdate(replicas: Int, _ tasks: [TaskRecord], nodeIsActive: (String) -> Bool) -> Bool {
        if !rows.initialized {
            writeOverall(0, replicas)
            if replicas <= Self.maxProgressBars {
                for i in stride(from: 1, through: replicas, by: 1) { write("\(i)/\(replicas)", " ") }
            }
            rows.initialized = true
        }
        let bySlot = Self.preferred(tasks, key: { String($0.slot) }, admit: { $0.nodeID.map(nodeIsActive) ?? true })
            .sorted { $0.task.slot < $1.task.slot }
        if rows.done, bySlot.contains(where: { $0.task.status.state != .running }) { rows.done = false }
        var running = 0
        for (_, task) in bySlot {
            let row: Int
            if let mapped = rows.slotMap.first(where: { $0.slot == task.slot }) { row = mapped.row } else {
                row = rows.slotMap.count + 1
                rows.slotMap.append((task.slot, row))
            }
            if !Self.isTerminal(task.desiredState) && task.status.state == .running { running += 1 }
            if !rows.done && replicas <= Self.maxProgressBars && row <= replicas { writeTask(task, id: "\(row)/\(replicas)") }
        }
        if !rows.done {
            writeOverall(running, replicas)
            if running == replicas { rows.done = true }
        }
        return running == replicas
    }

    // MARK: Global

    mutating func globalUpdate(_ tasks: [TaskRecord], nodeIsActive: (String) -> Bool) -> Bool {
        let byNode = Self.preferred(tasks, key: { $0.nodeID ?? "" }).sorted { $0.key < $1.key }
        let nodeCount = byNode.count
        if !rows.initialized {
            guard nodeCount > 0 else {
                write("overall progress", "waiting for new tasks")
                return false
            }
            writeOverall(0, nodeCount)
            rows.initialized = true
        }
        if rows.done, byNode.contains(where: { $0.task.status.state != .running }) { rows.done = false }
        var running = 0
        for (node, task) in byNode where nodeIsActive(node) {
            if !Self.isTerminal(task.desiredState) && task.status.state == .running { running += 1 }
            if !rows.done && nodeCount <= Self.maxProgressBars { writeTask(task, id: String(node.prefix(12))) }
        }
        if !rows.done {
            writeOverall(running, nodeCount)
            if running == nodeCount { rows.done = true }
        }
        return running == nodeCount
    }
}
