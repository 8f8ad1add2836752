import SimCore

/// One service as the replicated store holds it (swarmkit `api.Service`, reduced).
public struct ServiceRecord: Equatable, Sendable {
    /// 25 lowercase base-36 characters.
    public var id: String
    public var spec: ServiceSpec
    /// The spec before the last `docker service update` (what `rollback` returns to); nil
    /// before any update and after an automatic rollback.
    public var previousSpec: ServiceSpec?
    /// Identifies `spec`: tasks made from it carry the same number. 0 at creation; an update
    /// takes the record's `version` from before the update (swarmkit sets `SpecVersion` from
    /// `Meta.Version`), so every spec a service has had gets its own number, and a rollback
    /// brings the old number back with the old spec.
    public var specVersion: UInt64 = 0
    public var previousSpecVersion: UInt64?
    /// Grows with every change to this record: at least the Raft index of the last change,
    /// and always past its previous value (swarmkit `Meta.Version`). The orchestrator
    /// reconciles a service when this moves.
    public var version: UInt64 = 0
    /// Published ports with the ports swarm picked filled in (swarmkit `Service.Endpoint`):
    /// what `service ls` and `service inspect` print.
    public var endpointPorts: [PortConfig] = []
    /// The service's virtual IP on each of its networks (swarmkit `Endpoint.VirtualIPs`): the
    /// ingress network's first when it publishes an ingress port, then its own networks'; none
    /// in dnsrr mode. Allocated when the create or update command is applied.
    public var virtualIPs: [VirtualIP] = []
    public var updateStatus: UpdateStatus?
    /// A job's current iteration (swarmkit `JobStatus.JobIteration`): every update of the
    /// job's spec (`service update --force` included) starts a new one, which runs again.
    public var jobIteration: UInt64 = 0
    public var createdAt: SimTime
    public var updatedAt: SimTime

    public init(id: String, spec: ServiceSpec, createdAt: SimTime) {
        self.id = id
        self.spec = spec
        self.createdAt = createdAt
        self.updatedAt = createdAt
        self.endpointPorts = spec.endpoint.ports
    }
}
