import SimCore

/// The Swarm scheduler: it decides which node runs each pending task, and says why when none can.
///
/// Modelled on swarmkit's `manager/scheduler` (scheduler.go, pipeline.go, filter.go, nodeinfo.go,
/// nodeset.go, decision_tree.go, constraint/constraint.go). A scheduling pass takes the pending
/// tasks and a snapshot of the candidate nodes, and returns one `Decision` per task:
///
/// 1. **Groups.** Tasks of one (service, spec version) form a group and are placed together
///    (swarmkit `tick` → `scheduleTaskGroup`); tasks without a service are placed one by one,
///    after the groups. Groups run in order of their first task in the input.
/// 2. **Filters.** A node is a candidate when it passes every enabled filter of the `Pipeline`,
///    in swarmkit's order: Ready, Resources, Plugin, Constraint, Platform, HostPort, MaxReplicas.
/// 3. **Ranking.** Among candidates the scheduler prefers (swarmkit `nodeLess`): nodes with
///    fewer than 5 failures of this service version in the last 5 minutes (when either node has 5
///    or more, the one with fewer wins); then fewer tasks of this service; then fewer tasks in
///    total; then the smaller node ID (swarmkit leaves this tie to map order; we do not).
/// 4. **Spread.** Placement preferences (`spread=node.labels.zone`) build swarmkit's decision tree:
///    a group's tasks are split evenly over the label values, counting the service's tasks already
///    there, and ranked by the rules above inside each branch. Nodes without the label form the
///    branch of the empty value.
/// 5. **Bookkeeping.** Each placement updates the node as swarmkit's `NodeInfo.addTask` does:
///    reservations leave the available resources, host-mode ports become used, counts go up.
/// 6. **Explanations.** A task that fits nowhere gets swarmkit's text, e.g.
///    `no suitable node (scheduling constraints not satisfied on 3 nodes; 1 node not available
///    for new tasks)`: each node is charged to the first filter that rejects it, and the filters
///    are listed from most to fewest rejections (ties in pipeline order).
///
/// Where we differ from swarmkit, on purpose:
/// - Every tie swarmkit leaves to Go's map order is broken by node ID or label value.
/// - Within a group every task goes to the best node at that moment. swarmkit approximates this
///   by filling its sorted node list in one pass and then going round robin; the two agree when
///   the nodes start level, and ours stays level when they do not.
/// - Spread splits by water-filling with up-to-date branch counts; swarmkit's loop reads counts it
///   does not update, which only matters once a branch runs out of room.
/// - An explanation charges every node at the moment the task was found unplaceable; swarmkit's
///   pipeline resets its counters whenever some node passes, so its counts depend on map order.
/// - Tasks without a service are not counted per service (they only count toward totals).
///
/// Pure and deterministic: no clock (time is the `now` argument), no randomness, and no decision
/// taken by iterating a dictionary or set.
public enum Scheduler {
    /// Failures of one service version on one node that push the node to the back of the ranking
    /// (swarmkit `maxFailures`).
    public static let maxFailures = 5
    /// How far back failures count (swarmkit `monitorFailures`, 5 minutes).
    public static let monitorFailures = SimDuration.minutes(5)

    // MARK: - Scheduling pass

    /// Places `tasks` on `nodes` and returns one decision per task, in the order of `tasks`.
    ///
    /// `nodes` is updated for every placement (available resources, used host ports, task counts),
    /// so the next pass sees this one's work. Node IDs should be unique; tasks of one group must
    /// agree on their placement fields (the group's first task speaks for all, as in swarmkit).
    ///
    /// - Complexity: O(n log n) to index `n` nodes, then per group O(words + k log c) for `k`
    ///   tasks over `c` nodes already holding the service; an unplaceable group costs O(n) more
    ///   for its explanation.
    public static func schedule(tasks: [TaskSpec], nodes: inout [NodeInfo], now: SimTime) -> [Decision] {
        if tasks.isEmpty { return [] }
        let batch = TaskBatch(tasks)
        var workspace = Workspace(nodes: &nodes, batch: batch, now: now)
        var assignment = [Int32](repeating: -1, count: tasks.count)
        var explanations: [String?] = Array(repeating: nil, count: batch.groups.count)
        for g in batch.groups.indices {
            explanations[g] = workspace.schedule(group: g, of: batch, tasks: tasks, assignment: &assignment)
        }
        workspace.finish(into: &nodes)

        var decisions: [Decision] = []
        decisions.reserveCapacity(tasks.count)
        for (i, task) in tasks.enumerated() {
            let node = assignment[i]
            if node >= 0 {
                decisions.append(Decision(taskID: task.id, node: workspace.ids[Int(node)], explanation: nil))
            } else {
                decisions.append(Decision(taskID: task.id, node: nil, explanation: explanations[Int(batch.groupOfTask[i])]))
            }
        }
        return decisions
    }
}
