// Placing a group of tasks (swarmkit scheduleTaskGroup / scheduleNTasksOnNodes), and the
// explanation when some do not fit (noSuitableNode).

extension Scheduler.Workspace {
    // MARK: - Group

    /// Places the tasks of group `g`, recording each task's node in `assignment`, and returns
    /// the explanation shared by its tasks that found no node (nil when all were placed).
    mutating func schedule(
        group g: Int, of batch: Scheduler.TaskBatch, tasks: [Scheduler.TaskSpec], assignment: inout [Int32]
    ) -> String? {
        let group = batch.groups[g]
        let task = tasks[group.representative]
        let plan = Scheduler.GroupPlan(
            serviceSlot: group.serviceSlot,
            maskIndex: nodeFilterMask(for: task),
            checksResources: !task.reservations.isZero,
            nanoCPUs: task.reservations.nanoCPUs,
            memoryBytes: task.reservations.memoryBytes,
            hostPorts: task.hostPorts,
            maxReplicas: task.maxReplicasPerNode
        )
        beginGroup(plan, penalties: penalties[g] ?? [])
        var cursor = group.start
        let spread = Self.spreadLevels(task.preferences)
        if spread.isEmpty {
            _ = place(count: group.count, within: nil, plan: plan, order: batch.order, cursor: &cursor, assignment: &assignment)
        } else {
            let tree = buildSpreadTree(spread)
            _ = place(count: group.count, on: tree, plan: plan, order: batch.order, cursor: &cursor, assignment: &assignment)
        }
        let explanation = cursor < group.end ? explanation(for: task) : nil
        endGroup(plan)
        return explanation
    }

    /// Loads the group's service counts and failure penalties into the scratch arrays.
    private mutating func beginGroup(_ plan: Scheduler.GroupPlan, penalties: [(node: Int, count: Int)]) {
        if plan.serviceSlot >= 0 {
            for (i, c) in serviceLoads[plan.serviceSlot] {
                serviceTasks[i] = c
                rankInHeap(i)
            }
        }
        for (i, c) in penalties {
            penalty[i] = c
            rankInHeap(i)
        }
    }

    @inline(__always) private mutating func rankInHeap(_ i: Int) {
        if !heapRanked.contains(i) {
            heapRanked.insert(i)
            touched.append(i)
        }
    }

    /// Files the group's placements: load levels, the service's counts, the nodes' records;
    /// then clears the scratch arrays.
    private mutating func endGroup(_ plan: Scheduler.GroupPlan) {
        var loads: [(node: Int, count: Int)] = []
        let service = plan.serviceSlot >= 0 ? serviceIDs[plan.serviceSlot] : nil
        for i in touched {
            let placed = placedHere[i]
            if placed > 0 {
                levels.move(i, from: total[i] - placed, to: total[i])
                if let service { nodes[position[i]].tasksByService[service, default: 0] += placed }
            }
            if serviceTasks[i] > 0 { loads.append((i, serviceTasks[i])) }
            serviceTasks[i] = 0
            penalty[i] = 0
            placedHere[i] = 0
            heapRanked.remove(i)
        }
        if plan.serviceSlot >= 0 { serviceLoads[plan.serviceSlot] = loads }
        touched.removeAll(keepingCapacity: true)
    }

    // MARK: - Placement

    /// Places up to `count` tasks of the group, each on the best node at that moment among the
    /// nodes passing every filter (and inside `branch`, when given). Returns how many it placed;
    /// fewer than `count` means no node passes any more.
    ///
    /// Nodes holding none of the service's tasks and no failure penalty rank by (total, index)
    /// alone and always ahead of the others, so they come from a scan of the load levels; the
    /// others sit in a heap. Only the chosen node's key changes with each placement.
    /// - Complexity: O(W + c) to start for W mask words and c nodes holding the service, then
    ///   O(log c) per task from the heap or a short level scan.
    mutating func place(
        count wanted: Int, within branch: Scheduler.NodeBitset?, plan: Scheduler.GroupPlan,
        order: [Int32], cursor: inout Int, assignment: inout [Int32]
    ) -> Int {
        let mask = shapeMasks[plan.maskIndex]
        eligibleCount = 0
        for w in 0..<wordCount {
            let x = mask.words[w] & (branch?.words[w] ?? ~0) & ~heapRanked.words[w]
            eligible.words[w] = x
            eligibleCount += x.nonzeroBitCount
        }
        heap.removeAll()
        for i in touched where mask.contains(i) && (branch?.contains(i) ?? true) && passesLoadFilters(i, plan) {
            heap.appendUnordered(entry(i))
        }
        heap.heapify()

        var placed = 0
        while placed < wanted {
            if eligibleCount > 0, let i = leastLoadedNewcomer(plan) {
                eligible.remove(i)
                eligibleCount -= 1
                commit(i, plan, order: order, cursor: &cursor, assignment: &assignment)
                rankInHeap(i)
                if passesLoadFilters(i, plan) { heap.push(entry(i)) }
            } else if let top = heap.top {
                let i = top.node
                commit(i, plan, order: order, cursor: &cursor, assignment: &assignment)
                if passesLoadFilters(i, plan) { heap.replaceTop(entry(i)) } else { heap.popTop() }
            } else {
                break
            }
            placed += 1
        }
        return placed
    }

    /// The heap key of node `i`: swarmkit's nodeLess order.
    @inline(__always) private func entry(_ i: Int) -> Scheduler.CandidateHeap.Entry {
        Scheduler.CandidateHeap.Entry(penalty: penalty[i], serviceTasks: serviceTasks[i], totalTasks: total[i], node: i)
    }

    /// The eligible node with the fewest tasks (then the smallest index) that passes the
    /// load-dependent filters; nodes that fail them leave `eligible` for this placement run.
    private mutating func leastLoadedNewcomer(_ plan: Scheduler.GroupPlan) -> Int? {
        let words = wordCount
        for level in 0..<levels.totals.count {
            let base = levels.slots[level] * words
            for w in 0..<words {
                var x = levels.storage[base + w] & eligible.words[w]
                while x != 0 {
                    let i = w << 6 | x.trailingZeroBitCount
                    if passesLoadFilters(i, plan) { return i }
                    x &= x &- 1
                    eligible.remove(i)
                    eligibleCount -= 1
                    if eligibleCount == 0 { return nil }
                }
            }
        }
        return nil
    }

    /// Resources, HostPort and MaxReplicas against the running load of node `i`.
    @inline(__always) private func passesLoadFilters(_ i: Int, _ plan: Scheduler.GroupPlan) -> Bool {
        if plan.checksResources && (plan.nanoCPUs > cpu[i] || plan.memoryBytes > memory[i]) { return false }
        if !plan.hostPorts.isEmpty {
            for port in plan.hostPorts where ports[i].contains(port) { return false }
        }
        if plan.maxReplicas > 0 && serviceTasks[i] >= plan.maxReplicas { return false }
        return true
    }

    /// Assigns the next task of the group to node `i` and charges the node for it (swarmkit
    /// `NodeInfo.addTask`). Load levels catch up in `endGroup`: within a group the level scan
    /// only visits nodes that have not been chosen yet.
    @inline(__always) private mutating func commit(
        _ i: Int, _ plan: Scheduler.GroupPlan, order: [Int32], cursor: inout Int, assignment: inout [Int32]
    ) {
        cpu[i] -= plan.nanoCPUs
        memory[i] -= plan.memoryBytes
        total[i] += 1
        placedHere[i] += 1
        if plan.serviceSlot >= 0 { serviceTasks[i] += 1 }
        if !plan.hostPorts.isEmpty { ports[i].append(contentsOf: plan.hostPorts) }
        assignment[Int(order[cursor])] = Int32(i)
        cursor += 1
        placements += 1
    }

    // MARK: - Explanation

    /// The explanation for `task`, reusing the previous one when the task reads the same fields
    /// and nothing was placed since (many unplaceable tasks of no service cost one count).
    private mutating func explanation(for task: Scheduler.TaskSpec) -> String {
        let key = Scheduler.ExplanationKey(task)
        if let last = lastExplanation, last.placements == placements, last.key == key { return last.text }
        let text = explain(task)
        lastExplanation = (key, placements, text)
        return text
    }

    /// Why the group's remaining tasks fit nowhere: every node charged to the first filter that
    /// rejects it now (swarmkit `Pipeline.Explain`, reached through `noSuitableNode`).
    private func explain(_ task: Scheduler.TaskSpec) -> String {
        let pipeline = Scheduler.Pipeline(task: task)
        var rejections = [Int](repeating: 0, count: Scheduler.Filter.allCases.count)
        for i in 0..<count {
            let available = Scheduler.Resources(nanoCPUs: cpu[i], memoryBytes: memory[i])
            if let f = pipeline.firstFailure(on: nodes[position[i]], available: available, usedHostPorts: ports[i], serviceTasks: serviceTasks[i]) {
                rejections[f.rawValue] += 1
            }
        }
        return Scheduler.Pipeline.explanation(rejections: rejections)
    }
}
