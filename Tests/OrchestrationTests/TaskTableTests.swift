import Testing
import SimCore
@testable import Orchestration

/// The task table's rows are reused and its indexes hold row numbers: whatever the history of
/// puts, updates and removes, every read must say what a plain list of the tasks would say.
@Suite struct TaskTableTests {
    static func task(_ id: String, service: String = "s1", slot: Int, node: String? = nil,
                     state: TaskState = .new, desired: TaskState = .running, at time: Int64 = 0) -> TaskRecord {
        TaskRecord(id: id, serviceID: service, serviceName: "web", slot: slot, nodeID: node, specVersion: 0,
                   spec: TaskTemplate(image: "nginx"), desiredState: desired,
                   status: TaskStatus(state: state, timestamp: .zero, message: "m"),
                   createdAt: SimTime(nanoseconds: time))
    }

    static func table(_ tasks: [TaskRecord]) -> TaskTable {
        var t = TaskTable()
        for task in tasks { t.put(task) }
        return t
    }

    // MARK: Rows

    @Test func aRemovedTasksRowIsReusedAndItsIndexesForgetIt() {
        var t = Self.table([Self.task("a", slot: 1, node: "n1"), Self.task("b", slot: 2, node: "n1")])
        let rowOfA = t.row(of: "a")
        t.remove(id: "a")
        #expect(t.row(of: "a") == nil && t["a"] == nil)
        t.put(Self.task("c", slot: 3, node: "n2"))
        #expect(t.row(of: "c") == rowOfA)
        #expect(t.all.map(\.id) == ["b", "c"])
        #expect(t.tasks(onNode: "n1").map(\.id) == ["b"])
        #expect(t.tasks(onNode: "n2").map(\.id) == ["c"])
        #expect(t.slots(ofService: "s1").map(\.slot) == [2, 3])
        #expect(t.unplaced.map(\.id) == ["b", "c"])
        #expect(t.count == 2)
    }

    @Test func tablesWithTheSameTasksInOtherRowsAreEqual() {
        let a = Self.table([Self.task("x", slot: 1), Self.task("y", slot: 2), Self.task("z", slot: 3)])
        var b = Self.table([Self.task("z", slot: 3), Self.task("gone", slot: 9), Self.task("y", slot: 2)])
        b.remove(id: "gone")
        b.put(Self.task("x", slot: 1))
        #expect(a.row(of: "x") != b.row(of: "x"))
        #expect(a == b)
        b.update(id: "y") { $0.updatedAt = SimTime(nanoseconds: 1) }
        #expect(a != b)
        b.update(id: "y") { $0.updatedAt = .zero }
        #expect(a == b)
        b.remove(id: "z")
        #expect(a != b)
    }

    // MARK: Indexes

    @Test func theWorkListsFollowStateAndDesiredState() {
        var t = Self.table([Self.task("a", slot: 1), Self.task("b", slot: 2, state: .pending),
                            Self.task("c", slot: 3, state: .running)])
        #expect(t.unplaced.map(\.id) == ["a", "b"])
        t.update(id: "b") { $0.nodeID = "n1"; $0.status.state = .assigned }
        #expect(t.unplaced.map(\.id) == ["a"])
        t.update(id: "c") { $0.status.state = .failed }
        #expect(t.stoppedButWanted.map(\.id) == ["c"])
        t.update(id: "c") { $0.desiredState = .shutdown }
        #expect(t.stoppedButWanted.isEmpty)
        t.update(id: "c") { $0.desiredState = .remove }
        t.update(id: "a") { $0.desiredState = .remove }
        #expect(t.removing.map(\.id) == ["a", "c"])
        #expect(t.unplaced.map(\.id) == ["a"])
        t.remove(id: "a")
        #expect(t.removing.map(\.id) == ["c"] && t.unplaced.isEmpty)
    }

    @Test func aGlobalTaskThatChangesNodeChangesSlot() {
        var t = Self.table([Self.task("g1", slot: 0, node: "n1"), Self.task("g2", slot: 0, node: "n1", at: 1)])
        let onN1 = SlotKey(serviceID: "s1", slot: 0, nodeID: "n1"), onN2 = SlotKey(serviceID: "s1", slot: 0, nodeID: "n2")
        #expect(t.slotsWithHistory == [onN1])
        t.update(id: "g2") { $0.nodeID = "n2" }
        #expect(t.slots(ofService: "s1") == [onN1, onN2])
        #expect(t.tasks(in: onN2).map(\.id) == ["g2"] && t.count(in: onN1) == 1)
        #expect(t.slotsWithHistory.isEmpty)
        #expect(t.tasks(onNode: "n2").map(\.id) == ["g2"])
        t.update(id: "g1") { $0.serviceID = "s2" }
        #expect(t.serviceIDs == ["s1", "s2"])
        #expect(t.slots(ofService: "s1") == [onN2])
        #expect(t.tasks(in: SlotKey(serviceID: "s2", slot: 0, nodeID: "n1")).map(\.id) == ["g1"])
    }

    @Test func removingFromTheMiddleOfANodeOrSlotKeepsTheRest() {
        var t = Self.table((1...9).map { Self.task("t\($0)", slot: 1, node: "n1", at: Int64(10 - $0)) })
        for id in ["t1", "t5", "t9", "t4"] { t.remove(id: id) }
        #expect(t.tasks(onNode: "n1").map(\.id) == ["t2", "t3", "t6", "t7", "t8"])
        #expect(t.tasks(in: SlotKey(serviceID: "s1", slot: 1)).map(\.id) == ["t8", "t7", "t6", "t3", "t2"])
        #expect(t.count(in: SlotKey(serviceID: "s1", slot: 1)) == 5)
        for id in ["t2", "t3", "t6", "t7"] { t.remove(id: id) }
        #expect(t.slotsWithHistory.isEmpty)
        t.remove(id: "t8")
        #expect(t.nodeIDs.isEmpty && t.serviceIDs.isEmpty && t.count == 0)
    }

    @Test func aTaskAwaitsItsAgentWhenAssignedPreparedToRunOrWantedStoppedWhileUp() {
        let cases: [(TaskState, TaskState, Bool)] = [
            (.assigned, .running, true), (.accepted, .running, false), (.ready, .running, true), (.ready, .ready, false),
            (.running, .running, false), (.running, .shutdown, true), (.complete, .shutdown, false), (.pending, .remove, true),
        ]
        for (state, desired, awaiting) in cases {
            #expect(Self.task("a", slot: 1, node: "n1", state: state, desired: desired).isAwaitingAgent == awaiting,
                    "\(state) desired \(desired)")
        }
    }

    @Test func onlyAwaitingTasksOldEnoughOnTheirOwnNodeCount() {
        var t = Self.table([Self.task("a", slot: 1, node: "n1", state: .running), Self.task("b", slot: 2, node: "n2", state: .running)])
        let now = SimTime(nanoseconds: 10)
        #expect(!t.containsTaskAwaitingAgent(onNode: "n1", unchangedFor: .zero, at: now))
        _ = t.setDesiredState(row: t.row(of: "a")!, .shutdown, at: SimTime(nanoseconds: 4))
        #expect(t.containsTaskAwaitingAgent(onNode: "n1", unchangedFor: .nanoseconds(6), at: now))
        #expect(!t.containsTaskAwaitingAgent(onNode: "n1", unchangedFor: .nanoseconds(7), at: now))
        #expect(!t.containsTaskAwaitingAgent(onNode: "n2", unchangedFor: .zero, at: now))
        _ = t.setStatus(row: t.row(of: "a")!, TaskStatus(state: .shutdown, timestamp: now, message: "shutdown"))
        #expect(!t.containsTaskAwaitingAgent(onNode: "n1", unchangedFor: .zero, at: now))
    }

    // MARK: Against a plain model

    /// Random puts, replacements, updates and removes, checked after every step against a plain
    /// dictionary of the tasks and reads computed from it by brute force.
    @Test(arguments: [UInt64(1), 2, 3, 4])
    func everyReadMatchesAPlainListOfTheTasks(seed: UInt64) {
        var random = SeededRandom(seed: seed)
        var table = TaskTable()
        var model: [String: TaskRecord] = [:]
        let ids = (0..<24).map { "t\($0)" }, nodes: [String?] = [nil, "n1", "n2", "n3"]
        let states: [TaskState] = [.new, .pending, .assigned, .ready, .running, .complete, .failed, .shutdown]
        let desired: [TaskState] = [.ready, .running, .shutdown, .remove]
        for step in 0..<400 {
            let id = ids[random.int(in: 0..<ids.count)]
            switch random.int(in: 0..<4) {
            case 0:
                let task = Self.task(id, service: "s\(random.int(in: 1...2))", slot: random.int(in: 0...3),
                                     node: nodes[random.int(in: 0..<nodes.count)],
                                     state: states[random.int(in: 0..<states.count)],
                                     desired: desired[random.int(in: 0..<desired.count)], at: Int64(random.int(in: 0...5)))
                table.put(task)
                model[id] = task
            case 1:
                table.remove(id: id)
                model[id] = nil
            default:
                let node = nodes[random.int(in: 0..<nodes.count)], slot = random.int(in: 0...3)
                let state = states[random.int(in: 0..<states.count)], want = desired[random.int(in: 0..<desired.count)]
                let which = random.int(in: 0..<7), time = SimTime(nanoseconds: Int64(random.int(in: 0...5)))
                if which >= 4 {
                    Self.hotWrite(which, &table, &model, id: id, node: node ?? "n1", state: state, want: want, at: time)
                    Self.expectSame(table, model, step: step)
                    continue
                }
                let change: (inout TaskRecord) -> Void = { t in
                    switch which {
                    case 0: t.nodeID = node
                    case 1: t.slot = slot
                    case 2: t.status.state = state
                    default: t.desiredState = want
                    }
                }
                table.update(id: id, change)
                if var t = model[id] { change(&t); model[id] = t }
            }
            Self.expectSame(table, model, step: step)
        }
    }

    /// One of the hot writes (`assign`, `setStatus`, `setDesiredState`) on the table, and what
    /// the store's rules for the same command do to the plain model.
    static func hotWrite(_ which: Int, _ table: inout TaskTable, _ model: inout [String: TaskRecord], id: String,
                         node: String, state: TaskState, want: TaskState, at time: SimTime) {
        let status = TaskStatus(state: state, timestamp: time, message: "hot")
        let row = table.row(of: id)
        var changed = false
        if var t = model[id] {
            switch which {
            case 4 where t.status.state <= .pending && (t.nodeID == nil || t.nodeID == node):
                t.nodeID = node; t.status = status; t.updatedAt = time; changed = true
            case 5 where state == t.status.state || t.status.state.canMove(to: state):
                t.status = status; t.updatedAt = max(t.updatedAt, time); changed = true
            case 6 where want > t.desiredState:
                t.desiredState = want; t.updatedAt = time; changed = true
            default: break
            }
            model[id] = t
        }
        guard let row else { return }
        let result = switch which {
        case 4: table.assign(row: row, nodeID: node, status: status)
        case 5: table.setStatus(row: row, status)
        default: table.setDesiredState(row: row, want, at: time)
        }
        #expect(result == changed)
    }

    static func expectSame(_ table: TaskTable, _ model: [String: TaskRecord], step: Int) {
        let all = model.values.sorted { $0.id < $1.id }
        let ids = { (tasks: [TaskRecord]) in tasks.map(\.id) }
        #expect(table.count == model.count, "step \(step)")
        #expect(table.all == all, "step \(step)")
        #expect(ids(table.unplaced) == ids(all.filter { $0.status.state <= .pending }), "step \(step)")
        #expect(ids(table.stoppedButWanted) == ids(all.filter { $0.isDesiredRunning && $0.status.state > .running }),
                "step \(step)")
        #expect(ids(table.removing) == ids(all.filter { $0.desiredState == .remove }), "step \(step)")
        let nodeIDs = Set(all.compactMap(\.nodeID)).sorted()
        #expect(table.nodeIDs == nodeIDs, "step \(step)")
        for node in nodeIDs {
            #expect(ids(table.tasks(onNode: node)) == ids(all.filter { $0.nodeID == node }), "step \(step)")
            for age in 0...6 {
                let now = SimTime(nanoseconds: 5), wait = SimDuration(nanoseconds: Int64(age))
                let expected = all.contains { $0.nodeID == node && $0.isAwaitingAgent && now - $0.updatedAt >= wait }
                #expect(table.containsTaskAwaitingAgent(onNode: node, unchangedFor: wait, at: now) == expected,
                        "step \(step), node \(node), age \(age)")
            }
        }
        let slots = Set(all.map(\.slotKey)).sorted()
        #expect(table.serviceIDs == Set(all.map(\.serviceID)).sorted(), "step \(step)")
        #expect(table.slotsWithHistory == slots.filter { key in all.count { $0.slotKey == key } > 1 }, "step \(step)")
        for service in table.serviceIDs {
            #expect(table.slots(ofService: service) == slots.filter { $0.serviceID == service }, "step \(step)")
        }
        for slot in slots {
            #expect(ids(table.tasks(in: slot)) == ids(all.filter { $0.slotKey == slot }.sorted(by: TaskTable.olderFirst)),
                    "step \(step)")
        }
    }
}
