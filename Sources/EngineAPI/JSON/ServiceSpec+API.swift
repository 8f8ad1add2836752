import SimCore
import Orchestration

/// A service spec from the Engine API's JSON (swagger `ServiceSpec`): the fields the simulator
/// models. Absent fields take swarmkit's defaults; a field of the wrong type is a 400, as Go's
/// JSON decoder makes it.
struct ServiceSpecDecoder {
    typealias J = JSONValue

    static func decode(_ json: J, defaultName: String) throws(APIError) -> ServiceSpec {
        guard case .object = json else { throw APIError(400, "json: cannot unmarshal into Go value of type swarm.ServiceSpec") }
        let template = json[go: "TaskTemplate"]
        let container = template?[go: "ContainerSpec"]
        guard let image = container?[go: "Image"]?.string, !image.isEmpty else {
            throw APIError(400, "ContainerSpec: image reference must be provided")
        }
        var task = TaskTemplate(image: image)
        task.command = try strings(container?[go: "Command"], "Command")
        task.args = try strings(container?[go: "Args"], "Args")
        task.env = try strings(container?[go: "Env"], "Env")
        task.secrets = try references(container?[go: "Secrets"], .secret)
        task.configs = try references(container?[go: "Configs"], .config)
        if let grace = container?[go: "StopGracePeriod"]?.int64 { task.stopGracePeriod = .nanoseconds(grace) }
        if let test = try? strings(container?[go: "Healthcheck"]?[go: "Test"], "Test"), test.first == "CMD-SHELL", test.count == 2 {
            task.healthCommand = test[1]
        }
        task.limits = resources(template?[go: "Resources"]?[go: "Limits"])
        task.reservations = resources(template?[go: "Resources"]?[go: "Reservations"])
        if let r = template?[go: "RestartPolicy"] { task.restart = try restart(r) }
        try placement(template?[go: "Placement"], into: &task)
        task.networks = (template?[go: "Networks"]?.array ?? []).compactMap { $0[go: "Target"]?.string }
        task.forceUpdate = template?[go: "ForceUpdate"]?.int ?? 0
        let name = json[go: "Name"]?.string ?? ""
        var spec = ServiceSpec(name: name.isEmpty ? defaultName : name, mode: try mode(json[go: "Mode"]), task: task)
        for m in members(json[go: "Labels"]) { spec.labels[m.key] = m.value.string ?? "" }
        if let u = json[go: "UpdateConfig"], u != .null { spec.update = try update(u) }
        if let u = json[go: "RollbackConfig"], u != .null { spec.rollback = try update(u) }
        if let e = json[go: "EndpointSpec"], e != .null { spec.endpoint = try endpoint(e) }
        return spec
    }

    static func members(_ v: J?) -> [J.Member] {
        if case .object(let m)? = v { return m }
        return []
    }

    static func strings(_ v: J?, _ field: String) throws(APIError) -> [String] {
        guard let v, v != .null else { return [] }
        guard let a = v.array else { throw APIError(400, "json: cannot unmarshal \(field) into Go value of type []string") }
        var out: [String] = []
        for item in a {
            guard let s = item.string else { throw APIError(400, "json: cannot unmarshal \(field) into Go value of type []string") }
            out.append(s)
        }
        return out
    }

    static func resources(_ v: J?) -> Scheduler.Resources {
        Scheduler.Resources(nanoCPUs: v?[go: "NanoCPUs"]?.int64 ?? 0, memoryBytes: v?[go: "MemoryBytes"]?.int64 ?? 0)
    }

    static func restart(_ r: J) throws(APIError) -> RestartPolicy {
        var p = RestartPolicy()
        if let c = r[go: "Condition"]?.string, !c.isEmpty {
            guard let condition = RestartPolicy.Condition(rawValue: c) else { throw APIError(400, "invalid RestartCondition: \"\(c)\"") }
            p.condition = condition
        }
        if let d = r[go: "Delay"]?.int64 { p.delay = .nanoseconds(d) }
        if let n = r[go: "MaxAttempts"]?.int { p.maxAttempts = n }
        if let w = r[go: "Window"]?.int64 { p.window = .nanoseconds(w) }
        return p
    }

    static func placement(_ p: J?, into task: inout TaskTemplate) throws(APIError) {
        guard let p, p != .null else { return }
        let texts = try strings(p[go: "Constraints"], "Constraints")
        do {
            task.constraints = try PlacementConstraint.parse(all: texts)
        } catch {
            throw APIError(400, "rpc error: code = InvalidArgument desc = ContainerSpec: \(error)")
        }
        task.preferences = (p[go: "Preferences"]?.array ?? []).compactMap { $0[go: "Spread"]?[go: "SpreadDescriptor"]?.string }
        task.maxReplicasPerNode = p[go: "MaxReplicas"]?.int ?? 0
    }

    static func mode(_ m: J?) throws(APIError) -> ServiceMode {
        guard let m, m != .null else { return .replicated(1) }
        if let g = m[go: "Global"], g != .null { return .global }
        if m[go: "ReplicatedJob"] != nil || m[go: "GlobalJob"] != nil {
            throw APIError(501, "jobs (replicated-job, global-job) are not simulated")
        }
        guard let r = m[go: "Replicated"], r != .null else { return .replicated(1) }
        guard let n = r[go: "Replicas"] else { return .replicated(1) }
        guard let count = n.int, count >= 0 else { throw APIError(400, "json: cannot unmarshal Replicas into Go value of type uint64") }
        return .replicated(count)
    }

    static func update(_ u: J) throws(APIError) -> UpdateConfig {
        var c = UpdateConfig()
        if let n = u[go: "Parallelism"]?.int { c.parallelism = n }
        if let d = u[go: "Delay"]?.int64 { c.delay = .nanoseconds(d) }
        if let a = u[go: "FailureAction"]?.string, !a.isEmpty {
            guard let action = UpdateConfig.FailureAction(rawValue: a) else { throw APIError(400, "invalid FailureAction: \"\(a)\"") }
            c.failureAction = action
        }
        if let d = u[go: "Monitor"]?.int64 { c.monitor = .nanoseconds(d) }
        if let r = u[go: "MaxFailureRatio"]?.double { c.maxFailureRatio = r }
        if let o = u[go: "Order"]?.string, !o.isEmpty {
            guard let order = UpdateConfig.Order(rawValue: o) else { throw APIError(400, "invalid Order: \"\(o)\"") }
            c.order = order
        }
        return c
    }

    static func endpoint(_ e: J) throws(APIError) -> EndpointSpec {
        var spec = EndpointSpec()
        if let m = e[go: "Mode"]?.string, !m.isEmpty {
            guard let mode = EndpointSpec.Mode(rawValue: m) else { throw APIError(400, "invalid endpoint mode: \"\(m)\"") }
            spec.mode = mode
        }
        for p in e[go: "Ports"]?.array ?? [] {
            guard let target = p[go: "TargetPort"]?.int, (1...65535).contains(target) else {
                throw APIError(400, "rpc error: code = InvalidArgument desc = EndpointSpec: invalid target port")
            }
            let proto = Scheduler.PortProtocol(rawValue: p[go: "Protocol"]?.string.flatMap { $0.isEmpty ? nil : $0 } ?? "tcp")
            let mode = PortConfig.PublishMode(rawValue: p[go: "PublishMode"]?.string.flatMap { $0.isEmpty ? nil : $0 } ?? "ingress")
            guard let proto, let mode else { throw APIError(400, "rpc error: code = InvalidArgument desc = EndpointSpec: invalid port protocol or publish mode") }
            let published = p[go: "PublishedPort"]?.int.flatMap { $0 == 0 ? nil : $0 }
            spec.ports.append(PortConfig(published: published, target: target, protocol: proto, publishMode: mode))
        }
        return spec
    }
}
