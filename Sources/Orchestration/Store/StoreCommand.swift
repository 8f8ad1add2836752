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
