import SimCore
import Orchestration

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
