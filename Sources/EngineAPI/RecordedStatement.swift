import SimCore
import Orchestration
import Cluster

/// An engine call as the scenario statement that makes the same change (`swarmsim serve
/// --record`): `HOST$ docker …` with the flags that give the same request. Reads have no
/// statement (they change nothing a replay needs).
///
/// A service update is written as the flags that take the service's spec from what `store`
/// holds to the new one, for the parts `docker service update` can change and the simulator
/// models (image, replicas, environment, constraints, published ports, update settings,
/// `--force`); docs/serve.md lists what a replay leaves out.
public enum RecordedStatement {
    public static func text(_ request: EngineRequest, host: String, store: ClusterStore?) -> String? {
        if case .payloadCreate(let kind, let spec) = request { return payloadCreateText(kind, spec, host: host) }
        guard let words = words(request, store: store) else { return nil }
        return "\(host)$ docker " + words.map(quoted).joined(separator: " ")
    }

    static func words(_ request: EngineRequest, store: ClusterStore?) -> [String]? {
        switch request {
        case .swarmInit(let advertise, let beat, let limit):
            return ["swarm", "init"] + opt("--advertise-addr", advertise) + opt("--dispatcher-heartbeat", beat.map(durationText))
                + opt("--task-history-limit", limit.map(String.init))
        case .swarmInitForceNewCluster(let beat, let limit):
            return ["swarm", "init", "--force-new-cluster"] + opt("--dispatcher-heartbeat", beat.map(durationText))
                + opt("--task-history-limit", limit.map(String.init))
        case .swarmJoin(let token, let remote, let advertise):
            var t = token
            if let c = store?.cluster { t = token == c.workerToken ? "$WORKER_TOKEN" : token == c.managerToken ? "$MANAGER_TOKEN" : token }
            return ["swarm", "join", "--token", t] + opt("--advertise-addr", advertise) + [remote]
        case .swarmLeave(let force):
            return ["swarm", "leave"] + (force ? ["--force"] : [])
        case .swarmUpdate(let beat, let limit, let rotateWorker, let rotateManager):
            if rotateWorker { return ["swarm", "join-token", "--rotate", "worker"] }
            if rotateManager { return ["swarm", "join-token", "--rotate", "manager"] }
            return ["swarm", "update"] + opt("--dispatcher-heartbeat", beat.map(durationText)) + opt("--task-history-limit", limit.map(String.init))
        case .nodeUpdate(let id, let u):
            var w = ["node", "update"] + opt("--availability", u.availability?.rawValue) + opt("--role", u.role?.rawValue)
            for (k, v) in u.labelsToAdd { w += ["--label-add", "\(k)=\(v)"] }
            for k in u.labelsToRemove { w += ["--label-rm", k] }
            return w + [store?.node(id: id)?.hostname ?? id]
        case .nodeRemove(let ref, let force):
            return ["node", "rm"] + (force ? ["--force"] : []) + [ref]
        case .serviceCreate(let spec):
            return ["service", "create", "--detach"] + createFlags(spec) + [spec.task.image] + spec.task.command + spec.task.args
        case .serviceUpdate(let id, let spec):
            guard let old = store?.service(id: id)?.spec else { return ["service", "update", "--detach", "--image", spec.task.image, spec.name] }
            return ["service", "update", "--detach"] + updateFlags(old, spec) + [old.name]
        case .serviceRollback(let id):
            return ["service", "rollback", "--detach", store?.service(id: id)?.spec.name ?? id]
        case .serviceRemove(let id):
            return ["service", "rm", store?.service(id: id)?.spec.name ?? id]
        case .networkCreate(let spec):
            var w = ["network", "create", "-d", "overlay"] + (spec.attachable ? ["--attachable"] : []) + opt("--subnet", spec.subnet)
            for (k, v) in spec.labels { w += ["--label", "\(k)=\(v)"] }
            return w + [spec.name]
        case .networkRemove(let ref):
            return ["network", "rm", store?.network(id: ref)?.name ?? ref]
        case .swarmAutolock(let on):
            return ["swarm", "update", "--autolock=\(on)"]
        case .swarmUnlockKey(let rotate):
            return rotate ? ["swarm", "unlock-key", "--rotate"] : nil
        case .swarmInspect, .info, .get, .swarmUnlock:
            return nil
        case .payloadRemove(let kind, let reference):
            return payloadRemoveWords(kind, reference, store: store)
        case .payloadCreate, .payloadList, .payloadInspect:
            return nil   // a create is written by `text` (its data on standard input)
        }
    }

    static func opt(_ flag: String, _ value: String?) -> [String] { value.map { [flag, $0] } ?? [] }

    static func durationText(_ d: SimDuration) -> String { "\(d.nanoseconds)ns" }

    static func portText(_ p: PortConfig) -> String {
        var parts = ["target=\(p.target)"]
        if let n = p.published { parts.insert("published=\(n)", at: 0) }
        parts += ["protocol=\(p.protocol.rawValue)", "mode=\(p.publishMode.rawValue)"]
        return parts.joined(separator: ",")
    }

    static func createFlags(_ s: ServiceSpec) -> [String] {
        var w = ["--name", s.name]
        switch s.mode {
        case .global: w += ["--mode", "global"]
        case .replicated(let n): w += ["--replicas", String(n)]
        case .replicatedJob(let maxConcurrent, let total):
            w += ["--mode", "replicated-job", "--replicas", String(total), "--max-concurrent", String(maxConcurrent)]
        case .globalJob: w += ["--mode", "global-job"]
        }
        for e in s.task.env { w += ["--env", e] }
        for c in s.task.constraints { w += ["--constraint", c.description] }
        for p in s.task.preferences { w += ["--placement-pref", "spread=\(p)"] }
        for p in s.endpoint.ports { w += ["--publish", portText(p)] }
        for n in s.task.networks { w += ["--network", n] }
        for (k, v) in s.labels { w += ["--label", "\(k)=\(v)"] }
        if s.task.maxReplicasPerNode > 0 { w += ["--replicas-max-per-node", String(s.task.maxReplicasPerNode)] }
        if s.task.reservations.nanoCPUs > 0 { w += ["--reserve-cpu", cpus(s.task.reservations.nanoCPUs)] }
        if s.task.reservations.memoryBytes > 0 { w += ["--reserve-memory", "\(s.task.reservations.memoryBytes)b"] }
        return w + updateConfigFlags(UpdateConfig(), s.update)
    }

    static func cpus(_ nano: Int64) -> String {
        let whole = nano / 1_000_000_000, frac = nano % 1_000_000_000
        guard frac != 0 else { return String(whole) }
        var f = String(frac)
        f = String(repeating: "0", count: 9 - f.count) + f
        while f.hasSuffix("0") { f.removeLast() }
        return "\(whole).\(f)"
    }

    static func updateFlags(_ old: ServiceSpec, _ new: ServiceSpec) -> [String] {
        var w: [String] = []
        if new.task.image != old.task.image { w += ["--image", new.task.image] }
        if case .replicated(let n) = new.mode, new.mode != old.mode { w += ["--replicas", String(n)] }
        for e in old.task.env where !new.task.env.contains(e) { w += ["--env-rm", String(e.prefix(while: { $0 != "=" }))] }
        for e in new.task.env where !old.task.env.contains(e) { w += ["--env-add", e] }
        for c in old.task.constraints where !new.task.constraints.contains(c) { w += ["--constraint-rm", c.description] }
        for c in new.task.constraints where !old.task.constraints.contains(c) { w += ["--constraint-add", c.description] }
        for p in old.endpoint.ports where !new.endpoint.ports.contains(p) { w += ["--publish-rm", String(p.published ?? p.target)] }
        for p in new.endpoint.ports where !old.endpoint.ports.contains(p) { w += ["--publish-add", portText(p)] }
        w += updateConfigFlags(old.update, new.update)
        if new.task.forceUpdate != old.task.forceUpdate { w += ["--force"] }
        return w
    }

    static func updateConfigFlags(_ old: UpdateConfig, _ new: UpdateConfig) -> [String] {
        var w: [String] = []
        if new.parallelism != old.parallelism { w += ["--update-parallelism", String(new.parallelism)] }
        if new.delay != old.delay { w += ["--update-delay", durationText(new.delay)] }
        if new.order != old.order { w += ["--update-order", new.order.rawValue] }
        if new.failureAction != old.failureAction { w += ["--update-failure-action", new.failureAction.rawValue] }
        if new.monitor != old.monitor { w += ["--update-monitor", durationText(new.monitor)] }
        return w
    }

    /// A word as the scenario language reads it back: bare when it can be, else in single
    /// quotes (or double quotes around a word with a single quote, escaping `"`, `\` and `$`).
    /// `$WORKER_TOKEN` and `$MANAGER_TOKEN` stay bare so they expand.
    static func quoted(_ w: String) -> String {
        let plain = !w.isEmpty && w.unicodeScalars.allSatisfy { c in
            (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || (c >= "0" && c <= "9") || "_./:=,@%+-$".unicodeScalars.contains(c)
        }
        if plain && (!w.contains("$") || w == "$WORKER_TOKEN" || w == "$MANAGER_TOKEN") { return w }
        if !w.contains("'") { return "'" + w + "'" }
        var out = "\""
        for c in w { if c == "\"" || c == "\\" || c == "$" { out.append("\\") }; out.append(c) }
        return out + "\""
    }
}
