import SimCore

// The scheduler's working state for one pass: the nodes re-indexed by ID, their running load in
// flat arrays, and the caches that keep the per-task work small.

extension Scheduler {
    /// How a group's placement fields reach the hot loop: plain numbers, no strings.
    struct GroupPlan: Sendable {
        var serviceSlot: Int
        var maskIndex: Int
        var checksResources: Bool
        var nanoCPUs: Int64
        var memoryBytes: Int64
        var hostPorts: [PortKey]
        var maxReplicas: Int
    }

    /// The node-only half of a task's placement fields: tasks that agree on it share one mask of
    /// nodes passing Ready, Plugin, Constraint and Platform.
    struct NodeFilterShape: Hashable, Sendable {
        var constraints: [Constraint]
        var plugins: [Plugin]
        var platforms: [Platform]
    }

    /// Everything the pipeline reads from a task: two tasks that agree on it, facing the same
    /// node load, get the same explanation.
    struct ExplanationKey: Hashable, Sendable {
        var shape: NodeFilterShape
        var reservations: Resources
        var hostPorts: [PortKey]
        var maxReplicas: Int
        /// The service, when `maxReplicas` makes its counts matter.
        var service: String?

        init(_ task: TaskSpec) {
            shape = NodeFilterShape(constraints: task.constraints, plugins: task.plugins, platforms: task.platforms)
            reservations = task.reservations
            hostPorts = task.hostPorts
            maxReplicas = task.maxReplicasPerNode
            service = task.maxReplicasPerNode > 0 ? task.serviceID : nil
        }
    }

    /// The state of one scheduling pass.
    ///
    /// Nodes get dense indices in node-ID order, so index order is the final tie-break of the
    /// ranking. Per-group scratch (`serviceTasks`, `penalty`, `placedHere`, `heapRanked`) is zero
    /// outside a group; `touched` lists the nodes a group has set in it. A node is `heapRanked`
    /// once it holds a task of the group's service, carries its failure penalty, or was chosen
    /// in this group; every other node ranks by (total, index) alone, through `levels`.
    struct Workspace {
        // MARK: Nodes

        /// The caller's nodes (moved in for the pass, moved back by `finish`).
        var nodes: [NodeInfo]
        let count: Int
        let wordCount: Int
        /// Index → position in `nodes`.
        let position: [Int]
        /// Index → node ID; indices follow ID order.
        let ids: [String]
        var cpu: [Int64]
        var memory: [Int64]
        var total: [Int]
        var ports: [[PortKey]]
        var levels: LoadLevels

        // MARK: Services

        /// Per service slot of the batch: the nodes running its tasks, with counts.
        var serviceLoads: [[(node: Int, count: Int)]]
        /// Per group: nodes with at least `maxFailures` recent failures of its service version.
        var penalties: [Int: [(node: Int, count: Int)]] = [:]
        let serviceIDs: [String]

        // MARK: Node-filter masks

        var shapeIndex: [NodeFilterShape: Int] = [:]
        var shapeMasks: [NodeBitset] = []
        var lastShape: (shape: NodeFilterShape, index: Int)?

        // MARK: Group scratch

        var serviceTasks: [Int]
        var penalty: [Int]
        var placedHere: [Int]
        var heapRanked: NodeBitset
        var touched: [Int] = []
        var eligible: NodeBitset
        var eligibleCount = 0
        var heap = CandidateHeap()

        // MARK: Explanations

        /// Placements so far in this pass; an explanation stays valid while it does not move.
        var placements = 0
        var lastExplanation: (key: ExplanationKey, placements: Int, text: String)?

        // MARK: Building

        /// Takes `nodes` (leaving the caller's array empty until `finish`) and indexes them.
        init(nodes source: inout [NodeInfo], batch: TaskBatch, now: SimTime) {
            var taken: [NodeInfo] = []
            swap(&taken, &source)
            nodes = taken
            let n = taken.count
            count = n
            wordCount = (n + 63) >> 6
            position = Array(0..<n).sorted { a, b in
                taken[a].id != taken[b].id ? taken[a].id < taken[b].id : a < b
            }
            ids = position.map { taken[$0].id }
            cpu = position.map { taken[$0].available.nanoCPUs }
            memory = position.map { taken[$0].available.memoryBytes }
            total = position.map { max(0, taken[$0].totalTasks) }
            ports = position.map { taken[$0].usedHostPorts }
            levels = LoadLevels(nodeTotals: total, wordCount: wordCount)
            serviceIDs = batch.serviceIDs
            serviceLoads = Array(repeating: [], count: batch.serviceIDs.count)
            serviceTasks = [Int](repeating: 0, count: n)
            penalty = [Int](repeating: 0, count: n)
            placedHere = [Int](repeating: 0, count: n)
            heapRanked = NodeBitset(capacity: n)
            eligible = NodeBitset(capacity: n)
            loadServices(batch: batch)
            loadPenalties(batch: batch, now: now)
        }

        /// Fills `serviceLoads` for the batch's services, by whichever is cheaper: looking each
        /// service up on each node, or walking each node's counts once. The result does not
        /// depend on dictionary order: entries are appended node by node, in index order.
        private mutating func loadServices(batch: TaskBatch) {
            if batch.serviceIDs.isEmpty { return }
            var entries = 0
            for i in 0..<count { entries += nodes[position[i]].tasksByService.count }
            if batch.serviceIDs.count * count <= entries {
                for (slot, service) in batch.serviceIDs.enumerated() {
                    for i in 0..<count {
                        if let c = nodes[position[i]].tasksByService[service], c > 0 { serviceLoads[slot].append((i, c)) }
                    }
                }
            } else {
                for i in 0..<count {
                    for (service, c) in nodes[position[i]].tasksByService where c > 0 {
                        if let slot = batch.serviceSlots[service] { serviceLoads[slot].append((i, c)) }
                    }
                }
            }
        }

        /// Fills `penalties`: per group, the nodes where its service version failed at least
        /// `maxFailures` times in the window ending `now`.
        private mutating func loadPenalties(batch: TaskBatch, now: SimTime) {
            for i in 0..<count {
                let node = nodes[position[i]]
                if node.recentFailures.isEmpty { continue }
                for (service, _) in node.recentFailures {
                    guard let g = batch.groupOfVersion[service] else { continue }
                    let failures = node.recentFailureCount(of: service, now: now)
                    if failures >= Scheduler.maxFailures { penalties[g, default: []].append((i, failures)) }
                }
            }
        }

        // MARK: Node-filter masks

        /// The index of the mask of nodes passing `task`'s node-only filters, computed once per
        /// distinct shape. - Complexity: O(1) for the previous shape, else a hash lookup, plus
        /// O(n · constraints) on a miss.
        mutating func nodeFilterMask(for task: TaskSpec) -> Int {
            let shape = NodeFilterShape(constraints: task.constraints, plugins: task.plugins, platforms: task.platforms)
            if let last = lastShape, last.shape == shape { return last.index }
            let index: Int
            if let known = shapeIndex[shape] {
                index = known
            } else {
                let pipeline = Pipeline(task: task)
                var mask = NodeBitset(capacity: count)
                for i in 0..<count where pipeline.passesNodeFilters(nodes[position[i]]) { mask.insert(i) }
                index = shapeMasks.count
                shapeMasks.append(mask)
                shapeIndex[shape] = index
            }
            lastShape = (shape, index)
            return index
        }

        // MARK: Finishing

        /// Writes the pass's load back into the nodes and returns them to the caller.
        mutating func finish(into destination: inout [NodeInfo]) {
            for i in 0..<count {
                let p = position[i]
                nodes[p].available = Resources(nanoCPUs: cpu[i], memoryBytes: memory[i])
                nodes[p].totalTasks = total[i]
                if nodes[p].usedHostPorts.count != ports[i].count { nodes[p].usedHostPorts = ports[i] }
            }
            swap(&nodes, &destination)
        }
    }
}
