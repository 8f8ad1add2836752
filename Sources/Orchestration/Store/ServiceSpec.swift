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

/// How many tasks a service runs (swarmkit `ServiceSpec.Mode`).
public enum ServiceMode: Equatable, Sendable {
    /// Slots 1…N, placed by the scheduler.
    case replicated(Int)
    /// One task on every eligible node.
    case global
    /// `--mode replicated-job`: `total` tasks must complete, at most `maxConcurrent` at once
    /// (swarmkit `ReplicatedJob`: TotalCompletions, MaxConcurrent).
    case replicatedJob(maxConcurrent: Int, total: Int)
    /// `--mode global-job`: one task to complete on every eligible node.
    case globalJob

    /// As `docker service ls` prints the mode: `replicated`, `global`, `replicated job`,
    /// `global job` (docker/cli service formatter `Mode`).
    public var name: String {
        switch self {
        case .replicated: "replicated"
        case .global: "global"
        case .replicatedJob: "replicated job"
        case .globalJob: "global job"
        }
    }
}

// MARK: - TaskTemplate

/// The part of a service spec that every task carries a copy of (swarmkit `api.TaskSpec`,
/// docker's `TaskTemplate`): what to run, what it needs, where it may go, how to restart it.
///
/// A task whose template differs from its service's is "dirty" and is replaced by a rolling
/// update (swarmkit `orchestrator.IsTaskDirty`).
public struct TaskTemplate: Equatable, Sendable {
    /// `nginx:1.25`, as the service spec holds it.
    public var image: String
    /// `--entrypoint`: replaces the image's entrypoint (empty: the image's).
    public var command: [String] = []
    /// The words after the image: the container's arguments.
    public var args: [String] = []
    /// `--env KEY=VALUE`, in the order given (a later value for a key replaces the earlier).
    public var env: [String] = []
    /// `--constraint` expressions, parsed once at the command line (`node.role==worker`;
    /// `description` gives the text docker stores).
    public var constraints: [PlacementConstraint] = []
    /// `--placement-pref spread=<descriptor>`: the descriptors, outermost first.
    public var preferences: [String] = []
    /// `--replicas-max-per-node`; 0 means unlimited.
    public var maxReplicasPerNode = 0
    /// `--reserve-cpu` / `--reserve-memory`.
    public var reservations = Scheduler.Resources.zero
    /// `--limit-cpu` / `--limit-memory`.
    public var limits = Scheduler.Resources.zero
    public var restart = RestartPolicy()
    /// `--stop-grace-period` (default 10 s): how long a stopping task may take before it is killed.
    public var stopGracePeriod: SimDuration = .seconds(10)
    /// `--health-cmd`, if any.
    public var healthCommand: String? {
        get { health.command }
        set { health.command = newValue }
    }
    /// `--health-*` and `--no-healthcheck`.
    public var health = HealthConfig()
    /// Networks by ID (names until the daemon resolves them).
    public var networks: [String] = []
    /// `--secret` and `--config`: the files the containers get, in the order given.
    public var secrets: [PayloadReference] = []
    public var configs: [PayloadReference] = []
    /// Bumped by `docker service update --force`, so the tasks become dirty and are replaced
    /// although nothing else changed (swarmkit `TaskSpec.ForceUpdate`).
    public var forceUpdate = 0

    public init(image: String) { self.image = image }
}

// MARK: - RestartPolicy

/// When and how fast a stopped task is replaced (swarmkit `api.RestartPolicy`; defaults from
/// `defaults.Service`: condition any, delay 5 s, unlimited attempts, no window).
public struct RestartPolicy: Equatable, Sendable {
    public enum Condition: String, Equatable, Sendable {
        /// Never replace.
        case none
        /// Replace a task that did not complete successfully.
        case onFailure = "on-failure"
        /// Replace whenever a task stops.
        case any
    }

    public var condition: Condition = .any
    /// Time between a task stopping and its replacement starting.
    public var delay: SimDuration = .seconds(5)
    /// Restarts allowed (within `window` if set); 0 means unlimited.
    public var maxAttempts = 0
    /// The look-back window for `maxAttempts`; zero means "ever" (for this spec version).
    public var window: SimDuration = .zero

    public init(condition: Condition = .any, delay: SimDuration = .seconds(5), maxAttempts: Int = 0,
                window: SimDuration = .zero) {
        self.condition = condition
        self.delay = delay
        self.maxAttempts = maxAttempts
        self.window = window
    }
}

// MARK: - UpdateConfig

/// How a new spec (or a rollback) replaces the tasks (swarmkit `api.UpdateConfig`; defaults:
/// parallelism 1, delay 0, failure action pause, monitor 5 s, max failure ratio 0, stop-first).
public struct UpdateConfig: Equatable, Sendable {
    public enum FailureAction: String, Equatable, Sendable {
        case pause, `continue`, rollback
    }

    public enum Order: String, Equatable, Sendable {
        /// Shut the old task down, then start its replacement.
        case stopFirst = "stop-first"
        /// Start the replacement, then shut the old task down once the new one runs.
        case startFirst = "start-first"
    }

    /// Tasks replaced at once; 0 means all at once.
    public var parallelism = 1
    /// Pause after each replaced task, per worker.
    public var delay: SimDuration = .zero
    public var failureAction: FailureAction = .pause
    /// How long after a replacement starts running its failure still counts against the update.
    public var monitor: SimDuration = .seconds(5)
    /// Fraction of replaced tasks that may fail before the failure action is taken.
    public var maxFailureRatio = 0.0
    public var order: Order = .stopFirst

    public init(parallelism: Int = 1, delay: SimDuration = .zero, failureAction: FailureAction = .pause,
                monitor: SimDuration = .seconds(5), maxFailureRatio: Double = 0, order: Order = .stopFirst) {
        self.parallelism = parallelism
        self.delay = delay
        self.failureAction = failureAction
        self.monitor = monitor
        self.maxFailureRatio = maxFailureRatio
        self.order = order
    }
}

// MARK: - EndpointSpec

/// How clients reach a service: its published ports and how its name resolves (swarmkit
/// `api.EndpointSpec`).
public struct EndpointSpec: Equatable, Sendable {
    public enum Mode: String, Equatable, Sendable {
        /// One virtual IP, load-balanced over the tasks.
        case vip
        /// DNS round robin over the tasks' addresses; cannot publish ingress ports.
        case dnsrr
    }

    public var mode: Mode = .vip
    public var ports: [PortConfig] = []

    public init(mode: Mode = .vip, ports: [PortConfig] = []) {
        self.mode = mode
        self.ports = ports
    }
}

/// One published port (swarmkit `api.PortConfig`).
public struct PortConfig: Equatable, Sendable, CustomStringConvertible {
    public enum PublishMode: String, Equatable, Sendable {
        /// The routing mesh: the port listens on every node.
        case ingress
        /// Only on nodes where a task runs, straight to that task.
        case host
    }

    /// The port outside; nil (or 0) asks swarm to pick one (ingress: from 30000 up).
    public var published: Int?
    /// The port inside the task.
    public var target: Int
    public var `protocol`: Scheduler.PortProtocol
    public var publishMode: PublishMode

    public init(published: Int?, target: Int, protocol: Scheduler.PortProtocol = .tcp, publishMode: PublishMode = .ingress) {
        self.published = published
        self.target = target
        self.protocol = `protocol`
        self.publishMode = publishMode
    }

    /// `8080:80/tcp`, as the CLI's short form writes it (no published port: `80/tcp`).
    public var description: String {
        (published.map { "\($0):" } ?? "") + "\(target)/\(`protocol`.rawValue)"
    }
}
