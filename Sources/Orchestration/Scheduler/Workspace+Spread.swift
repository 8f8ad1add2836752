// Placement preferences: swarmkit's decision tree (nodeset.go `tree`, scheduler.go
// `scheduleNTasksOnSubtree`).

extension Scheduler {
    /// Where a spread descriptor reads its value.
    enum SpreadLevel: Hashable, Sendable {
        case nodeLabel(String)
        case engineLabel(String)
    }

    /// One branch of the decision tree: the nodes sharing a label value at each level above.
    final class SpreadBranch {
        let value: String
        var children: [SpreadBranch] = []
        /// At a leaf: the branch's nodes.
        var leaf: NodeBitset?
        /// The service's tasks on the branch's nodes, all of them (eligible or not), kept up to
        /// date as tasks land.
        var tasks = 0

        init(value: String) { self.value = value }
    }
}

extension Scheduler.Workspace {
    /// The levels that shape placement, outermost first. As swarmkit: only `node.labels.` and
    /// `engine.labels.` descriptors (prefix case-insensitive) count; others are skipped.
    static func spreadLevels(_ preferences: [Scheduler.SpreadPreference]) -> [Scheduler.SpreadLevel] {
        var levels: [Scheduler.SpreadLevel] = []
        for p in preferences {
            if let label = Scheduler.Constraint.labelName(p.descriptor, prefix: Scheduler.Constraint.nodeLabelPrefix) {
                levels.append(.nodeLabel(label))
            } else if let label = Scheduler.Constraint.labelName(p.descriptor, prefix: Scheduler.Constraint.engineLabelPrefix) {
                levels.append(.engineLabel(label))
            }
        }
        return levels
    }

    /// The decision tree over every node: at each level, one branch per label value (sorted;
    /// a node without the label goes under the empty value).
    func buildSpreadTree(_ levels: [Scheduler.SpreadLevel]) -> Scheduler.SpreadBranch {
        let root = Scheduler.SpreadBranch(value: "")
        grow(root, nodes: Array(0..<count), levels: levels[...])
        return root
    }

    private func grow(_ branch: Scheduler.SpreadBranch, nodes members: [Int], levels: ArraySlice<Scheduler.SpreadLevel>) {
        for i in members { branch.tasks += serviceTasks[i] }
        guard let level = levels.first else {
            branch.leaf = Scheduler.NodeBitset(capacity: count, members: members)
            return
        }
        var byValue: [String: [Int]] = [:]
        for i in members {
            let node = nodes[position[i]]
            let value: String
            switch level {
            case .nodeLabel(let key): value = node.label(key) ?? ""
            case .engineLabel(let key): value = node.engineLabel(key) ?? ""
            }
            byValue[value, default: []].append(i)
        }
        for value in byValue.keys.sorted() {
            let child = Scheduler.SpreadBranch(value: value)
            grow(child, nodes: byValue[value] ?? [], levels: levels.dropFirst())
            branch.children.append(child)
        }
    }

    /// Places up to `count` tasks under `branch`, keeping its children's task counts as even as
    /// room allows, and returns how many it placed.
    ///
    /// Each round water-fills the children that still have room: the emptiest are raised to a
    /// common level, and the remainder goes one task each to the first children at that level in
    /// value order. A child that takes fewer than it was given is full and leaves the round-up;
    /// the rounds end when all tasks are placed or every child is full (swarmkit's loop, with
    /// counts kept current and map order replaced by value order).
    mutating func place(
        count wanted: Int, on branch: Scheduler.SpreadBranch, plan: Scheduler.GroupPlan,
        order: [Int32], cursor: inout Int, assignment: inout [Int32]
    ) -> Int {
        if branch.children.isEmpty {
            let placed = place(count: wanted, within: branch.leaf, plan: plan, order: order, cursor: &cursor, assignment: &assignment)
            branch.tasks += placed
            return placed
        }
        var open = branch.children
        var remaining = wanted
        while remaining > 0 && !open.isEmpty {
            let shares = Self.waterFill(open.map(\.tasks), adding: remaining)
            var stillOpen: [Scheduler.SpreadBranch] = []
            for (child, share) in zip(open, shares) {
                var full = false
                if share > 0 {
                    let placed = place(count: share, on: child, plan: plan, order: order, cursor: &cursor, assignment: &assignment)
                    remaining -= placed
                    full = placed < share
                }
                if !full { stillOpen.append(child) }
            }
            open = stillOpen
        }
        branch.tasks += wanted - remaining
        return wanted - remaining
    }

    /// How many of `m` new tasks each branch should get so that the counts end as level as
    /// possible: the lowest counts rise to a common level; the remainder goes to the first
    /// branches (in the given order) at that level. The shares sum to `m`.
    static func waterFill(_ counts: [Int], adding m: Int) -> [Int] {
        var shares = [Int](repeating: 0, count: counts.count)
        if counts.isEmpty || m <= 0 { return shares }
        let sorted = counts.indices.sorted { counts[$0] != counts[$1] ? counts[$0] < counts[$1] : $0 < $1 }
        var raised = 1
        var sum = counts[sorted[0]]
        while raised < sorted.count && raised * counts[sorted[raised]] - sum <= m {
            sum += counts[sorted[raised]]
            raised += 1
        }
        let level = (m + sum) / raised
        var extra = (m + sum) % raised
        let lifted = sorted[..<raised].sorted()
        for b in lifted {
            shares[b] = level - counts[b]
            if extra > 0 {
                shares[b] += 1
                extra -= 1
            }
        }
        return shares
    }
}
