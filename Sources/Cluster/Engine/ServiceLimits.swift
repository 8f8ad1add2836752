import Orchestration

/// The simulator's own limit on how many tasks one service may ask for. Docker sets none:
/// `--replicas` is any uint64, and swarmkit's control API takes the spec (its
/// `validateServiceSpec` checks no count), after which the orchestrator creates a task per
/// replica until the manager runs out of memory. A simulation would hang instead, so the
/// engine refuses such a spec before it reaches Raft, in words that say whose limit it is.
/// 100,000 is the scale swarm3k reached and the schedule benchmark measures.
public enum ServiceLimits {
    /// At most this many replicas (for a replicated job, completions; `--max-concurrent` may
    /// be larger, as in docker, since no more tasks than completions are ever wanted).
    public static let maxReplicas = 100_000

    /// The engine's refusal of `spec`, or nil when its count is within the limit.
    static func refusal(_ spec: ServiceSpec) -> EngineError? {
        let replicas: Int
        switch spec.mode {
        case .replicated(let n), .replicatedJob(maxConcurrent: _, total: let n): replicas = n
        case .global, .globalJob: return nil
        }
        guard replicas > maxReplicas else { return nil }
        return EngineError("swarmsim limit: a service may have at most \(maxReplicas) replicas, not \(replicas) (docker sets no limit, but a swarm this size does not fit in a simulation)")
    }
}
