import YAML

/// A service's `deploy:` section, with docker's checks on mode and replicas.
struct ComposeDeployLoader {
    let values: ComposeValues

    static let keys = ["mode", "endpoint_mode", "replicas", "labels", "rollback_config", "update_config",
                       "resources", "restart_policy", "placement"]
    static let modes = ["replicated", "global", "replicated-job", "global-job"]

    func deploy(_ node: YAML.Node, _ path: String) throws(ComposeError) -> ComposeDeploy {
        var deploy = ComposeDeploy()
        var replicasNode: YAML.Node?
        for (key, value) in try values.mapping(node, path, allowed: Self.keys) {
            let p = "\(path).\(key)"
            switch key {
            case "mode":
                deploy.mode = try values.string(value, p)
                guard Self.modes.contains(deploy.mode) else { throw values.fail(value, "Unknown mode: \(deploy.mode)") }
            case "replicas": deploy.replicas = try values.count(value, p); replicasNode = value
            case "endpoint_mode": deploy.endpointMode = try values.string(value, p)
            case "labels": deploy.labels = try values.listOrDict(value, p).map { "\($0.key)=\($0.value ?? "")" }
            case "placement": try placement(value, p, into: &deploy)
            case "resources": try resources(value, p, into: &deploy)
            case "restart_policy": deploy.restartPolicy = try restartPolicy(value, p)
            case "update_config": deploy.updateConfig = try updateConfig(value, p)
            case "rollback_config": deploy.rollbackConfig = try updateConfig(value, p)
            default: break
            }
        }
        if let replicasNode, deploy.mode == "global" || deploy.mode == "global-job" {
            throw values.fail(replicasNode, "replicas can only be used with replicated or replicated-job mode")
        }
        return deploy
    }

    func placement(_ node: YAML.Node, _ path: String, into deploy: inout ComposeDeploy) throws(ComposeError) {
        for (key, value) in try values.mapping(node, path, allowed: ["constraints", "preferences", "max_replicas_per_node"]) {
            let p = "\(path).\(key)"
            switch key {
            case "constraints": deploy.constraints = try values.strings(value, p)
            case "max_replicas_per_node": deploy.maxReplicasPerNode = try values.count(value, p)
            case "preferences":
                for (i, item) in try values.list(value, p).enumerated() {
                    for (k, v) in try values.mapping(item, "\(p).\(i)", allowed: ["spread"]) where k == "spread" {
                        deploy.spreads.append(try values.string(v, "\(p).\(i).spread"))
                    }
                }
            default: break
            }
        }
    }

    func resources(_ node: YAML.Node, _ path: String, into deploy: inout ComposeDeploy) throws(ComposeError) {
        for (key, value) in try values.mapping(node, path, allowed: ["limits", "reservations"]) {
            let allowed = key == "limits" ? ["cpus", "memory", "pids"] : ["cpus", "memory", "generic_resources", "devices"]
            var r = ComposeDeploy.Resources()
            for (k, v) in try values.mapping(value, "\(path).\(key)", allowed: allowed) {
                let p = "\(path).\(key).\(k)"
                switch k {
                case "cpus": r.cpus = try values.stringOrNumber(v, p)
                case "memory": r.memory = try values.string(v, p)
                case "pids": r.pids = try values.int(v, p)
                default: break
                }
            }
            if key == "limits" { deploy.limits = r } else { deploy.reservations = r }
        }
    }

    func restartPolicy(_ node: YAML.Node, _ path: String) throws(ComposeError) -> ComposeDeploy.RestartPolicy {
        var policy = ComposeDeploy.RestartPolicy()
        for (key, value) in try values.mapping(node, path, allowed: ["condition", "delay", "max_attempts", "window"]) {
            let p = "\(path).\(key)"
            switch key {
            case "condition": policy.condition = try values.string(value, p)
            case "delay": policy.delay = try values.string(value, p)
            case "max_attempts": policy.maxAttempts = try values.count(value, p)
            case "window": policy.window = try values.string(value, p)
            default: break
            }
        }
        return policy
    }

    func updateConfig(_ node: YAML.Node, _ path: String) throws(ComposeError) -> ComposeDeploy.UpdateConfig {
        var config = ComposeDeploy.UpdateConfig()
        let allowed = ["parallelism", "delay", "failure_action", "monitor", "max_failure_ratio", "order"]
        for (key, value) in try values.mapping(node, path, allowed: allowed) {
            let p = "\(path).\(key)"
            switch key {
            case "parallelism": config.parallelism = try values.count(value, p)
            case "delay": config.delay = try values.string(value, p)
            case "failure_action": config.failureAction = try values.string(value, p)
            case "monitor": config.monitor = try values.string(value, p)
            case "max_failure_ratio": config.maxFailureRatio = try values.number(value, p)
            case "order":
                let order = try values.string(value, p)
                guard order == "start-first" || order == "stop-first" else {
                    throw values.fail(value, "\(p) must be one of the following: \"start-first\", \"stop-first\"")
                }
                config.order = order
            default: break
            }
        }
        return config
    }
}
