/// A service's `deploy:` section.
public struct ComposeDeploy: Sendable, Equatable {
    /// `replicated` (the default), `global`, `replicated-job` or `global-job`.
    public var mode: String = "replicated"
    public var replicas: Int?
    public var constraints: [String] = []
    /// Placement preferences, each the value of a `spread:`.
    public var spreads: [String] = []
    public var maxReplicasPerNode: Int?
    public var limits = Resources()
    public var reservations = Resources()
    public var restartPolicy: RestartPolicy?
    public var updateConfig: UpdateConfig?
    public var rollbackConfig: UpdateConfig?
    public var endpointMode: String?
    public var labels: [String] = []

    public init() {}

    public struct Resources: Sendable, Equatable {
        public var cpus: String?
        public var memory: String?
        public var pids: Int?

        public init(cpus: String? = nil, memory: String? = nil, pids: Int? = nil) {
            self.cpus = cpus
            self.memory = memory
            self.pids = pids
        }
    }

    public struct RestartPolicy: Sendable, Equatable {
        public var condition: String?
        public var delay: String?
        public var maxAttempts: Int?
        public var window: String?

        public init() {}
    }

    public struct UpdateConfig: Sendable, Equatable {
        public var parallelism: Int?
        public var delay: String?
        public var failureAction: String?
        public var monitor: String?
        public var maxFailureRatio: Double?
        public var order: String?

        public init() {}
    }
}
