import SimCore

/// What a user asks for when creating or updating a service (swarmkit `api.ServiceSpec`,
/// docker's `swarm.ServiceSpec`), with every default filled in as swarmkit's
/// `defaults.InterpolateService` fills it: what `docker service inspect` shows.
public struct ServiceSpec: Equatable, Sendable {
    public var name: String
    public var labels = Labels()
    public var mode: ServiceMode
    /// The template every task of the service is made from.
    public var task: TaskTemplate
    /// `--update-*`: how a new spec rolls out.
    public var update = UpdateConfig()
    /// `--rollback-*`: how a rollback rolls out.
    public var rollback = UpdateConfig()
    /// `--endpoint-mode` and `--publish`.
    public var endpoint = EndpointSpec()

    public init(name: String, mode: ServiceMode = .replicated(1), task: TaskTemplate) {
        self.name = name
        self.mode = mode
        self.task = task
    }

    /// The replica count of a replicated service; nil for a global one.
    public var replicas: Int? {
        if case .replicated(let n) = mode { return n }
        return nil
    }

    /// One task per node: a global service or a global job.
    public var isGlobal: Bool { mode == .global || mode == .globalJob }

    /// A job: its tasks run to completion (`--mode replicated-job|global-job`).
    public var isJob: Bool {
        switch mode {
        case .replicatedJob, .globalJob: true
        case .replicated, .global: false
        }
    }
}
