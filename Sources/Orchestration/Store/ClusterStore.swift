import SimCore

/// A change to the cluster store: the command Raft replicates. Applying the same commands in the
/// same order gives the same store on every manager.
///
/// Cases that carry a whole record or spec are `indirect` (boxed): an enum is as wide as its
/// widest case, and a manager keeps up to a snapshot interval of commands in its Raft log (10000
/// in swarmkit), most of them small task status changes. Boxed, a command is about a hundred
/// bytes instead of the eight hundred of a service record.
public enum StoreCommand: Equatable, Sendable {
    indirect case createCluster(ClusterRecord)
    indirect case addNode(NodeRecord)
    case removeNode(id: String)
    case updateNode(id: String, NodeUpdate, at: SimTime)
    case setNodeState(id: String, NodeState, message: String, at: SimTime)
    case setNodeRole(id: String, NodeRole, raftID: UInt64, at: SimTime)
    case rotateToken(NodeRole, token: String, at: SimTime)
    case updateCluster(heartbeat: SimDuration?, taskHistoryLimit: Int?, at: SimTime)
    /// `swarm update --autolock`, `swarm unlock-key --rotate`: the new key, nil for autolock off.
    case setUnlockKey(String?, at: SimTime)

    // MARK: Services (ClusterStore+Services.swift)

    /// `docker service create`: adds the service (ignored if its ID exists). Published ports
    /// left to swarm get one from 30000 up.
    indirect case createService(ServiceRecord)
    /// `docker service update`: the new spec becomes current, the old one `previousSpec`, and
    /// the update status is reset so the updater starts over (swarmkit controlapi UpdateService).
    indirect case updateService(id: String, ServiceSpec, at: SimTime)
    /// `docker service rollback`: current and previous specs swap, and the update status says
    /// "manually requested rollback".
    case rollbackService(id: String, at: SimTime)
    /// The updater's own rollback after failures: the previous spec returns and is forgotten
    /// (swarmkit updater `rollbackUpdate`).
    case startRollback(id: String, message: String, at: SimTime)
    /// The updater's progress (swarmkit `startUpdate`, `pauseUpdate`, `completeUpdate`).
    case setUpdateStatus(serviceID: String, UpdateStatus?, at: SimTime)
    /// `docker service rm`: the record goes; its tasks stay until the orchestrator marks them
    /// for removal and the reaper deletes them.
    case removeService(id: String)

    // MARK: Tasks (ClusterStore+Tasks.swift)

    /// Adds a task, or replaces the task with the same ID.
    indirect case putTask(TaskRecord)
    case removeTask(id: String)
    /// A new observed status; ignored unless the state stays or moves forward
    /// (`TaskState.canMove(to:)`).
    case setTaskStatus(id: String, TaskStatus)
    /// A new desired state; ignored unless it is later than the current one (no time travel).
    case setTaskDesiredState(id: String, TaskState, at: SimTime)
    /// The scheduler's decision: the node, with status `assigned`; ignored once the task has
    /// a node or has moved past `pending`.
    indirect case assignTask(id: String, nodeID: String, TaskStatus)

    // MARK: Networks (ClusterStore+Networks.swift)

    /// `docker network create -d overlay` (and the ingress network at `swarm init`): adds the
    /// network, giving it a subnet (`--subnet`, or the next free /24 of 10.0.0.0/8) and a
    /// VXLAN ID. Ignored if its ID or name exists, or if it is a second ingress network.
    indirect case createNetwork(NetworkRecord)
    /// `docker network rm`: the network and every address on it go.
    case removeNetwork(id: String)

    // MARK: Secrets and configs (ClusterStore+Payloads.swift)

    /// `docker secret create` / `docker config create`: ignored if its ID, or its name among
    /// its kind, exists.
    indirect case createPayload(PayloadRecord)
    /// `docker secret rm` / `docker config rm`.
    case removePayload(id: String)

    /// Several commands in one Raft entry, applied in order (swarmkit's store.Batch): one
    /// orchestration pass or one batch of agent reports is one proposal.
    indirect case batch([StoreCommand])
}

/// The parts of a node that `docker node update` changes.
public struct NodeUpdate: Equatable, Sendable {
    public var availability: NodeAvailability?
    public var role: NodeRole?
    public var labelsToAdd: [(String, String)] = []
    public var labelsToRemove: [String] = []
    public init(availability: NodeAvailability? = nil, role: NodeRole? = nil,
                labelsToAdd: [(String, String)] = [], labelsToRemove: [String] = []) {
        self.availability = availability; self.role = role
        self.labelsToAdd = labelsToAdd; self.labelsToRemove = labelsToRemove
    }
    public static func == (a: NodeUpdate, b: NodeUpdate) -> Bool {
        a.availability == b.availability && a.role == b.role && a.labelsToRemove == b.labelsToRemove
            && a.labelsToAdd.map { "\($0)=\($1)" } == b.labelsToAdd.map { "\($0)=\($1)" }
    }
}

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

    public func node(raftID: UInt64) -> NodeRecord? {
        raftID == 0 ? nil : nodes.first(where: { $0.raftID == raftID })
    }

    func index(ofNode id: String) -> Int? {
        var lo = 0, hi = nodes.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if nodes[mid].id < id { lo = mid + 1 } else { hi = mid }
        }
        return lo < nodes.count && nodes[lo].id == id ? lo : nil
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
            let at = nodes.firstIndex(where: { $0.id > record.id }) ?? nodes.count
            nodes.insert(record, at: at)
            allocateNode(record.id)
            changes.append(StoreChanges.Node(id: record.id, kind: .added))
        case .removeNode(let id):
            guard let i = index(ofNode: id) else { return }
            nodes.remove(at: i)
            releaseNode(id)
            changes.append(StoreChanges.Node(id: id, kind: .removed))
        case .updateNode(let id, let update, let time):
            guard let i = index(ofNode: id) else { return }
            if let a = update.availability { nodes[i].availability = a }
            if let r = update.role { nodes[i].role = r }
            for key in update.labelsToRemove { nodes[i].labels[key] = nil }
            for (k, v) in update.labelsToAdd { nodes[i].labels[k] = v }
            nodes[i].updatedAt = time
            changes.append(StoreChanges.Node(id: id, kind: .updated))
        case .setNodeState(let id, let state, let message, let time):
            guard let i = index(ofNode: id) else { return }
            nodes[i].state = state
            nodes[i].stateMessage = message
            nodes[i].updatedAt = time
            changes.append(StoreChanges.Node(id: id, kind: .state))
        case .setNodeRole(let id, let role, let raftID, let time):
            guard let i = index(ofNode: id) else { return }
            nodes[i].role = role
            nodes[i].raftID = raftID
            nodes[i].updatedAt = time
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
    /// `.setUnlockKey`: autolock on with this key, or off (nil).
    mutating func setUnlockKey(_ key: String?, at time: SimTime, into changes: inout StoreChanges) {
        guard cluster != nil else { return }
        cluster?.unlockKey = key
        cluster?.updatedAt = time
        changes.append(.cluster)
    }
}
