import SimCore

/// The leader's allocator and scheduler, as one pure pass over the store: new tasks become
/// pending, pending tasks get a node (swarmkit manager/allocator, manager/scheduler).
public enum Placement {
    /// The status message of a task waiting for a node (swarmkit allocator).
    public static let pendingMessage = "pending task scheduling"
    /// The status message of a task the scheduler placed.
    public static let assignedMessage = "scheduler assigned task to node"
    /// The status message of a global task the scheduler let stay on its node.
    public static let preassignedMessage = "scheduler confirmed task can run on preassigned node"

    /// What the allocator and the scheduler would do now:
    /// 1. every task in state `new` becomes `pending` ("pending task scheduling");
    /// 2. a pending task the orchestrator no longer wants (desired past `running`) is not
    ///    placed: it is marked `shutdown` (swarmkit's scheduler does this for outdated tasks);
    /// 3. pending tasks with a node already (global services) are checked against that node
    ///    alone: assigned if it passes the filters, else the error says why (e.g.
    ///    "insufficient resources on 1 node");
    /// 4. the other pending tasks go through `Scheduler.schedule` over every node, each node
    ///    loaded with the tasks already on it (pending … running) and its recent failures:
    ///    placed tasks get their node and state `assigned`; the others keep waiting with the
    ///    scheduler's explanation as their error ("no suitable node (…)"), written only when
    ///    it changes, so an idle cluster reaches a fixed point.
    ///
    /// Pending tasks are taken oldest first, which keeps each service's tasks together.
    ///
    /// - Complexity: O(t log t + n log n) for t tasks and n nodes, plus the scheduler's work.
    public static func plan(_ store: ClusterStore, now: SimTime) -> [StoreCommand] {
        let unplaced = store.taskTable.unplaced
        if unplaced.isEmpty { return [] }
        var commands: [StoreCommand] = []
        var pending: [TaskRecord] = []
        var preassigned: [TaskRecord] = []
        allocate(unplaced, now: now, commands: &commands, pending: &pending, preassigned: &preassigned)
        if pending.isEmpty && preassigned.isEmpty { return commands }

        // Parsed once per service version (lookups only).
        var constraints: [Scheduler.VersionedService: [Scheduler.Constraint]] = [:]
        var nodes = store.nodes.map { Scheduler.NodeInfo(record: $0) }
        var position: [String: Int] = [:]
        for (i, n) in nodes.enumerated() { position[n.id] = i }
        loadNodes(&nodes, from: store, now: now, constraints: &constraints)

        preassigned.sort(by: TaskTable.olderFirst)
        placePreassigned(preassigned, position: position, nodes: &nodes, now: now,
                         constraints: &constraints, commands: &commands)

        pending.sort(by: TaskTable.olderFirst)
        var specs: [Scheduler.TaskSpec] = []
        specs.reserveCapacity(pending.count)
        for t in pending { specs.append(spec(t, constraints: &constraints)) }
        let decisions = Scheduler.schedule(tasks: specs, nodes: &nodes, now: now)
        for (t, decision) in zip(pending, decisions) {
            if let node = decision.node {
                commands.append(.assignTask(id: t.id, nodeID: node, TaskStatus(state: .assigned, timestamp: now, message: assignedMessage)))
            } else if let error = decision.explanation, t.status.error != error {
                commands.append(.setTaskStatus(id: t.id, TaskStatus(state: .pending, timestamp: now, message: t.status.message, error: error)))
            }
        }
        return commands
    }

    /// Steps 1 and 2: new tasks become pending; pending tasks no longer wanted are shut down;
    /// the rest are sorted into those with a node already and those without.
    private static func allocate(_ unplaced: [TaskRecord], now: SimTime, commands: inout [StoreCommand],
                                 pending: inout [TaskRecord], preassigned: inout [TaskRecord]) {
        for task in unplaced {
            var t = task
            if t.status.state == .new {
                t.status = TaskStatus(state: .pending, timestamp: now, message: pendingMessage)
                commands.append(.setTaskStatus(id: t.id, t.status))
            }
            if t.status.state == .pending {
                if !t.isDesiredRunning {
                    var status = t.status
                    status.state = .shutdown
                    status.timestamp = now
                    status.error = nil
                    commands.append(.setTaskStatus(id: t.id, status))
                } else if t.nodeID != nil {
                    preassigned.append(t)
                } else {
                    pending.append(t)
                }
            }
        }
    }

    /// The scheduler's view of a task, its constraints parsed once per service version.
    private static func spec(_ t: TaskRecord,
                             constraints: inout [Scheduler.VersionedService: [Scheduler.Constraint]]) -> Scheduler.TaskSpec {
        let key = Scheduler.VersionedService(serviceID: t.serviceID, specVersion: Int(truncatingIfNeeded: t.specVersion))
        let parsed: [Scheduler.Constraint]
        if let known = constraints[key] {
            parsed = known
        } else {
            parsed = Orchestrator.constraints(of: t.spec)
            constraints[key] = parsed
        }
        return Scheduler.TaskSpec(record: t, constraints: parsed)
    }

    /// Loads each node with the tasks already on it (pending … running) and its recent failures.
    private static func loadNodes(_ nodes: inout [Scheduler.NodeInfo], from store: ClusterStore, now: SimTime,
                                  constraints: inout [Scheduler.VersionedService: [Scheduler.Constraint]]) {
        for i in nodes.indices {
            for t in store.tasks(onNode: nodes[i].id) {
                if t.status.state > .pending && t.status.state <= .running {
                    nodes[i].addTask(spec(t, constraints: &constraints))
                } else if (t.status.state == .failed || t.status.state == .rejected)
                            && now - t.status.timestamp <= Scheduler.monitorFailures {
                    let service = Scheduler.VersionedService(serviceID: t.serviceID, specVersion: Int(truncatingIfNeeded: t.specVersion))
                    nodes[i].recordFailure(of: service, at: t.status.timestamp)
                }
            }
        }
    }

    /// Step 3: each pending task with a node already is checked against that node alone.
    private static func placePreassigned(_ preassigned: [TaskRecord], position: [String: Int],
                                         nodes: inout [Scheduler.NodeInfo], now: SimTime,
                                         constraints: inout [Scheduler.VersionedService: [Scheduler.Constraint]],
                                         commands: inout [StoreCommand]) {
        for t in preassigned {
            guard let nodeID = t.nodeID, let i = position[nodeID] else { continue }
            let s = spec(t, constraints: &constraints)
            if let failure = Scheduler.Pipeline(task: s).firstFailure(on: nodes[i]) {
                let error = failure.explain(nodes: 1)
                if t.status.error != error {
                    commands.append(.setTaskStatus(id: t.id, TaskStatus(state: .pending, timestamp: now,
                                                                        message: t.status.message, error: error)))
                }
            } else {
                nodes[i].addTask(s)
                commands.append(.setTaskStatus(id: t.id, TaskStatus(state: .assigned, timestamp: now, message: preassignedMessage)))
            }
        }
    }
}
