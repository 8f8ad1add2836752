import SimCore

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
