import SimCore
import Orchestration
import ScenarioLanguage

// `--mode replicated|global|replicated-job|global-job`, `--replicas` and `--max-concurrent`,
// as docker/cli's `ToServiceMode` and `updateService` read them.

extension ServiceSpec {
    /// The mode `service create` asks for (docker/cli opts.go `ToServiceMode`): a replicated
    /// job completes `--replicas` tasks (1 by default), `--max-concurrent` at once (default:
    /// as many as `--replicas`).
    static func mode(_ inv: DockerInvocation) throws(Diagnostic) -> ServiceMode {
        let chosen: String
        if case .choice(let c) = inv.value("mode") { chosen = c } else { chosen = "replicated" }
        let replicas = inv.has("replicas") ? inv.int("replicas") : nil
        if chosen != "replicated-job", let flag = inv.flags.first(where: { $0.name == "max-concurrent" }) {
            throw Diagnostic(at: flag.location, length: 16, "max-concurrent can only be used with replicated-job mode")
        }
        if chosen == "global" || chosen == "global-job" {
            if let flag = inv.flags.first(where: { $0.name == "replicas" }) {
                throw Diagnostic(at: flag.location, length: 10, "replicas can only be used with replicated or replicated-job mode")
            }
            if let flag = inv.flags.first(where: { $0.name == "replicas-max-per-node" && $0.value != .int(0) }) {
                throw Diagnostic(at: flag.location, length: 23, "replicas-max-per-node can only be used with replicated or replicated-job mode")
            }
        }
        if chosen == "replicated-job" || chosen == "global-job" { try refuseUpdateConfig(inv) }
        switch chosen {
        case "global": return .global
        case "global-job": return .globalJob
        case "replicated-job":
            let total = replicas ?? 1
            return .replicatedJob(maxConcurrent: inv.int("max-concurrent") ?? total, total: total)
        default: return .replicated(replicas ?? 1)
        }
    }

    /// docker/cli: "update and rollback configuration is not supported for jobs".
    static func refuseUpdateConfig(_ inv: DockerInvocation) throws(Diagnostic) {
        let updateFlags = ["parallelism", "delay", "monitor", "failure-action", "max-failure-ratio", "order"]
        for prefix in ["update", "rollback"] {
            for name in updateFlags.map({ "\(prefix)-\($0)" }) {
                if let flag = inv.flags.first(where: { $0.name == name }) {
                    throw Diagnostic(at: flag.location, length: name.count + 2, "update and rollback configuration is not supported for jobs")
                }
            }
        }
    }

    /// `service update --replicas N` / `--max-concurrent N` (docker/cli update.go
    /// `updateReplicas`, `updateJobParams`): the replica count of a replicated service, the
    /// total completions and concurrency of a replicated job.
    mutating func updateMode(_ inv: DockerInvocation) throws(Diagnostic) {
        let replicasFlag = inv.flags.first { $0.name == "replicas" }
        let concurrentFlag = inv.flags.first { $0.name == "max-concurrent" }
        switch mode {
        case .replicated:
            if let flag = concurrentFlag {
                throw Diagnostic(at: flag.location, length: 16, "max-concurrent can only be used with replicated-job mode")
            }
            if replicasFlag != nil, let n = inv.int("replicas") { mode = .replicated(n) }
        case .replicatedJob(let maxConcurrent, let total):
            try Self.refuseUpdateConfig(inv)
            mode = .replicatedJob(maxConcurrent: inv.int("max-concurrent") ?? maxConcurrent, total: inv.int("replicas") ?? total)
        case .global, .globalJob:
            if isJob { try Self.refuseUpdateConfig(inv) }
            if let flag = replicasFlag {
                throw Diagnostic(at: flag.location, length: 10, "replicas can only be used with replicated or replicated-job mode")
            }
            if let flag = concurrentFlag {
                throw Diagnostic(at: flag.location, length: 16, "max-concurrent can only be used with replicated-job mode")
            }
        }
    }
}
