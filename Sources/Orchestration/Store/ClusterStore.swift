import SimCore

/// The replicated state of one swarm, as applied on one manager.
///
/// Nodes are kept sorted by ID, so iteration order is the same on every manager and in every
/// process (DESIGN.md §2).
public struct ClusterStore: Equatable, Sendable {
    public private(set) var cluster: ClusterRecord?
    public private(set) var nodes: [NodeRecord] = []
    /// Services, sorted by ID.
    public internal(set) var services: [ServiceRecord] = []
    /// Tasks, with lookups by ID, slot, service and node.
    public internal(set) var taskTable = TaskTable()
    /// Swarm networks, sorted by ID.
    public internal(set) var networks: [NetworkRecord] = []
    /// Who holds which address on which network.
    public internal(set) var allocations = NetworkAllocations()
    /// Secrets and configs, sorted by ID.
    public internal(set) var payloads: [PayloadRecord] = []
    /// The Raft index of the last command applied (0: none).
    public private(set) var appliedIndex: UInt64 = 0
    /// The IDs of nodes the store records as workers while they still hold a Raft ID, sorted:
    /// the role manager's work, kept as the nodes change so that no tick scans every node.
    private var workersInRaft: [String] = []
    /// Raft IDs the cluster removed by a demotion, sorted (swarmkit's `removed` list, which its
    /// snapshots carry too): such a manager's Raft messages are refused, and it learns that it
    /// is out (`raft.ErrMemberRemoved`). A Raft ID is never given out twice.
    public private(set) var removedRaftIDs: [UInt64] = []
    /// Each node's position in `nodes`, by ID: a heartbeat finds its node with one hash, not a
    /// binary search of the IDs (twelve string comparisons at 4,700 nodes, each a cache miss).
    private var nodePositions: IDDictionary<Int> = [:]

    public init() {}

    // MARK: Reads

    public func node(id: String) -> NodeRecord? {
        index(ofNode: id).map { nodes[$0] }
    }

    /// Resolves what a docker command names a node by: a full ID, a hostname, or a unique ID
    /// prefix (docker's order).
    public func resolveNode(_ reference: String) -> NodeRecord? {
        if let n = node(id: reference) { return n }
        if let n = nodes.first(where: { $0.hostname == reference }) { return n }
        let matches = nodes.filter { $0.id.hasPrefix(reference) }
        return matches.count == 1 ? matches[0] : nil
    }

    /// The first node, in ID order, that the store records as a worker while it still holds
    /// a Raft ID (a demotion Raft has still to carry out). - Complexity: O(log n).
    public var firstWorkerInRaft: NodeRecord? {
        workersInRaft.first.flatMap { node(id: $0) }
    }

    public func node(raftID: UInt64) -> NodeRecord? {
        raftID == 0 ? nil : nodes.first(where: { $0.raftID == raftID })
    }

    func index(ofNode id: String) -> Int? { nodePositions[id] }

    /// Where a node `id` goes in `nodes`: the first position whose ID is not below it.
    private func insertionPoint(ofNode id: String) -> Int {
        var lo = 0, hi = nodes.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if nodes[mid].id < id { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// Files the positions of the nodes from `start` on, after an insertion or a removal there.
    private mutating func refilePositions(from start: Int) {
        for i in start..<nodes.count { nodePositions[nodes[i].id] = i }
    }

    // MARK: Apply

    /// Applies one committed command at Raft index `index`, and says what it changed. Commands
    /// that no longer make sense (a node already removed, say) change nothing: every manager
    /// reaches the same decision, and the result is empty.
    ///
    /// This is the one place a `StoreCommand` is read; whoever reacts to a change reads the
    /// result. - Complexity: that of the changes; O(1) extra for a command that changes one record.
    @discardableResult
    public mutating func apply(_ command: StoreCommand, at raftIndex: UInt64) -> StoreChanges {
        var changes = StoreChanges()
        apply(command, at: raftIndex, into: &changes)
        return changes
    }

    mutating func apply(_ command: StoreCommand, at raftIndex: UInt64, into changes: inout StoreChanges) {
        appliedIndex = Swift.max(appliedIndex, raftIndex)
        switch command {
        case .createCluster(let record):
            if cluster == nil { cluster = record; changes.append(.cluster) }
        case .addNode(let record):
            guard index(ofNode: record.id) == nil else { return }
            let at = insertionPoint(ofNode: record.id)
            nodes.insert(record, at: at)
            refilePositions(from: at)
            fileWorkerInRaft(nodes[at])
            allocateNode(record.id)
            changes.append(StoreChanges.Node(id: record.id, kind: .added))
        case .removeNode(let id):
            guard let i = index(ofNode: id) else { return }
            nodes.remove(at: i)
            nodePositions[id] = nil
            refilePositions(from: i)
            unfileWorkerInRaft(id)
            releaseNode(id)
            changes.append(StoreChanges.Node(id: id, kind: .removed))
        case .updateNode(let id, let update, let time):
            guard let i = index(ofNode: id) else { return }
            if let a = update.availability { nodes[i].availability = a }
            if let r = update.role { nodes[i].role = r }
            for key in update.labelsToRemove { nodes[i].labels[key] = nil }
            for (k, v) in update.labelsToAdd { nodes[i].labels[k] = v }
            nodes[i].updatedAt = time
            fileWorkerInRaft(nodes[i])
            changes.append(StoreChanges.Node(id: id, kind: .updated))
        case .setNodeState(let id, let state, let message, let time):
            guard let i = index(ofNode: id) else { return }
            nodes[i].state = state
            nodes[i].stateMessage = message
            nodes[i].updatedAt = time
            changes.append(StoreChanges.Node(id: id, kind: .state))
        case .setNodeRole(let id, let role, let raftID, let time):
            guard let i = index(ofNode: id) else { return }
            let old = nodes[i].raftID
            if old != 0, old != raftID, !removedRaftIDs.contains(old) {
                removedRaftIDs.append(old)
                removedRaftIDs.sort()
            }
            nodes[i].role = role
            nodes[i].raftID = raftID
            nodes[i].updatedAt = time
            fileWorkerInRaft(nodes[i])
            changes.append(StoreChanges.Node(id: id, kind: .role))
        case .rotateToken(let role, let token, let time):
            guard cluster != nil else { return }
            if role == .manager { cluster?.managerToken = token } else { cluster?.workerToken = token }
            cluster?.updatedAt = time
            changes.append(.cluster)
        case .updateCluster(let heartbeat, let limit, let time):
            guard cluster != nil else { return }
            if let heartbeat { cluster?.dispatcherHeartbeat = heartbeat }
            if let limit { cluster?.taskHistoryLimit = limit }
            cluster?.updatedAt = time
            changes.append(.cluster)
        case .setUnlockKey(let key, let time):
            setUnlockKey(key, at: time, into: &changes)
        case .createService, .updateService, .rollbackService, .startRollback, .setUpdateStatus, .removeService:
            applyServiceCommand(command, at: raftIndex, into: &changes)
        case .putTask, .removeTask, .setTaskStatus, .setTaskDesiredState, .assignTask:
            applyTaskCommand(command, into: &changes)
        case .createNetwork, .removeNetwork:
            applyNetworkCommand(command, into: &changes)
        case .createPayload, .removePayload: applyPayloadCommand(command, at: raftIndex)
        case .batch(let commands):
            for c in commands { apply(c, at: raftIndex, into: &changes) }
        }
    }
}

extension ClusterStore {
    /// Files `node` in `workersInRaft` if it is a worker holding a Raft ID, else takes it out.
    private mutating func fileWorkerInRaft(_ node: NodeRecord) {
        guard node.role == .worker && node.raftID != 0 else { return unfileWorkerInRaft(node.id) }
        let at = Self.insertionPoint(of: node.id, in: workersInRaft)
        if at == workersInRaft.count || workersInRaft[at] != node.id { workersInRaft.insert(node.id, at: at) }
    }

    private mutating func unfileWorkerInRaft(_ id: String) {
        let at = Self.insertionPoint(of: id, in: workersInRaft)
        if at < workersInRaft.count, workersInRaft[at] == id { workersInRaft.remove(at: at) }
    }

    /// Where `id` is, or would go, in the sorted `ids`.
    private static func insertionPoint(of id: String, in ids: [String]) -> Int {
        var lo = 0, hi = ids.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if ids[mid] < id { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// `.setUnlockKey`: autolock on with this key, or off (nil).
    mutating func setUnlockKey(_ key: String?, at time: SimTime, into changes: inout StoreChanges) {
        guard cluster != nil else { return }
        cluster?.unlockKey = key
        cluster?.updatedAt = time
        changes.append(.cluster)
    }
}
