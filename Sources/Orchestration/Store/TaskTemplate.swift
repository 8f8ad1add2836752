import SimCore

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
