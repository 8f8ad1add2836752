import SimCore

/// One task: one container's worth of a service, in one slot (swarmkit `api.Task`, reduced).
///
/// A task never changes spec: a new spec means a new task. Its observed state only moves
/// forward (`TaskState.canMove(to:)`); its desired state only moves forward too, apart from
/// the delayed start (`ready` → `running`).
public struct TaskRecord: Equatable, Sendable {
    public var id: String
    public var serviceID: String
    /// The service's name when the task was made (swarmkit `ServiceAnnotations`): task and
    /// container names are built from it.
    public var serviceName: String
    /// 1…N for a replicated service; 0 for a global one, whose tasks are told apart by node.
    public var slot: Int
    /// The node the task runs on: set by the scheduler, or at creation for a global task.
    public var nodeID: String?
    /// The service spec version the task was made from.
    public var specVersion: UInt64
    /// A copy of the service's task template: everything the agent needs to run it.
    public var spec: TaskTemplate
    /// A copy of the service's endpoint spec (also part of "is this task up to date").
    public var endpoint: EndpointSpec
    /// The task's address on each of its networks (swarmkit `Task.Networks`): filled in when
    /// the task is put in the store, cleared when it stops.
    public var networks: [NetworkAttachment] = []
    public var desiredState: TaskState
    /// The job iteration the task belongs to (swarmkit `Task.JobIteration`); nil unless the
    /// service is a job.
    public var jobIteration: UInt64?
    public var status: TaskStatus
    public var createdAt: SimTime
    public var updatedAt: SimTime

    public init(id: String, serviceID: String, serviceName: String, slot: Int, nodeID: String? = nil,
                specVersion: UInt64, spec: TaskTemplate, endpoint: EndpointSpec = EndpointSpec(),
                desiredState: TaskState = .running, status: TaskStatus, createdAt: SimTime) {
        self.id = id
        self.serviceID = serviceID
        self.serviceName = serviceName
        self.slot = slot
        self.nodeID = nodeID
        self.specVersion = specVersion
        self.spec = spec
        self.endpoint = endpoint
        self.desiredState = desiredState
        self.status = status
        self.createdAt = createdAt
        self.updatedAt = createdAt
    }

    /// A new task of `service` in `slot` (or, for a global service, on `nodeID`), as swarmkit's
    /// `orchestrator.NewTask` makes it: state `new`, message "created", desired `running`.
    public init(id: String, service: ServiceRecord, slot: Int, nodeID: String? = nil,
                desiredState: TaskState = .running, at time: SimTime) {
        self.init(id: id, serviceID: service.id, serviceName: service.spec.name, slot: slot, nodeID: nodeID,
                  specVersion: service.specVersion, spec: service.spec.task, endpoint: service.spec.endpoint,
                  desiredState: desiredState, status: TaskStatus(state: .new, timestamp: time, message: "created"),
                  createdAt: time)
        if service.spec.isJob { jobIteration = service.jobIteration }
    }

    /// `web.3` for a replicated task, `web.<node ID>` for a global one (docker/cli
    /// `generateTaskNames`).
    public var name: String {
        slot != 0 ? "\(serviceName).\(slot)" : "\(serviceName).\(nodeID ?? "")"
    }

    /// The container's name on its node: `web.3.<task ID>` (swarmkit `naming.Task`).
    public var containerName: String { "\(name).\(id)" }

    /// The slot this task belongs to: (service, slot) or, for a global task, (service, node).
    public var slotKey: SlotKey {
        SlotKey(serviceID: serviceID, slot: slot, nodeID: slot == 0 ? (nodeID ?? "") : "")
    }

    /// Whether the orchestrators still want this task to run: desired state at most running,
    /// or `complete` for a job's task (it runs until it completes).
    public var isDesiredRunning: Bool { desiredState <= .running || desiredState == .complete }

    /// Whether the task's agent has still to act on it: it is assigned and not yet accepted,
    /// prepared and wanted running but not started, or wanted stopped but still up to running.
    /// A task in this state for a heartbeat period means its assignment was lost on the way.
    public var isAwaitingAgent: Bool { Self.isAwaitingAgent(state: status.state, desired: desiredState) }

    static func isAwaitingAgent(state: TaskState, desired: TaskState) -> Bool {
        state == .assigned || (desired == .running && state == .ready) || (desired > .running && state <= .running)
    }
}
