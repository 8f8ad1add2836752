import SimCore

// The scheduler's view of stored nodes and tasks (swarmkit scheduler `newNodeInfo`,
// `buildNodeSet`).

extension Scheduler.NodeInfo {
    /// The node as the scheduler sees it with no tasks on it: its whole capacity available.
    public init(record node: NodeRecord) {
        self.init(
            id: node.id, hostname: node.hostname, role: node.role == .manager ? .manager : .worker,
            isReady: node.state == .ready, availability: Scheduler.Availability(node.availability),
            labels: node.labels.map { Scheduler.Label($0.key, $0.value) },
            engineLabels: node.engineLabels.map { Scheduler.Label($0.key, $0.value) },
            platform: Scheduler.Platform(os: node.os, architecture: node.architecture),
            available: Scheduler.Resources(nanoCPUs: node.nanoCPUs, memoryBytes: node.memoryBytes))
    }
}

extension Scheduler.Availability {
    init(_ availability: NodeAvailability) {
        switch availability {
        case .active: self = .active
        case .pause: self = .pause
        case .drain: self = .drain
        }
    }
}

extension Scheduler.TaskSpec {
    /// What the scheduler needs to know of a stored task; `constraints` are passed in parsed,
    /// so a pass parses each service's constraints once.
    public init(record task: TaskRecord, constraints: [Scheduler.Constraint]) {
        self.init(
            id: task.id, serviceID: task.serviceID, specVersion: Int(truncatingIfNeeded: task.specVersion),
            constraints: constraints,
            preferences: task.spec.preferences.map { Scheduler.SpreadPreference(descriptor: $0) },
            reservations: task.spec.reservations, maxReplicasPerNode: task.spec.maxReplicasPerNode,
            hostPorts: task.endpoint.ports.compactMap { p in
                guard p.publishMode == .host, let n = p.published, n != 0 else { return nil }
                return Scheduler.PortKey(protocol: p.protocol, port: n)
            })
    }
}
