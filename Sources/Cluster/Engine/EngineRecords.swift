import SimCore
import Orchestration

/// What the engine answers to one `EngineQuery`: the matching records of its kind, in the
/// store's order (the docker CLI sorts them for display).
public enum EngineRecords: Sendable, Equatable {
    case nodes([NodeView])
    case services([ServiceView])
    case tasks([TaskRecord])
    case networks([NetworkView])
    case containers([ContainerRow])
}

/// A service as `GET /services` returns it: the record and, when the call asked for
/// `status=true`, the counts `docker service ls` shows as REPLICAS.
public struct ServiceView: Sendable, Equatable {
    public var record: ServiceRecord
    public var status: ServiceStatus?

    public init(record: ServiceRecord, status: ServiceStatus?) {
        self.record = record
        self.status = status
    }
}
