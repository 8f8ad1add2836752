import SimCore
import Orchestration

// `docker service inspect` as JSON, laid out as docker/cli prints it (json.Indent with four
// spaces), and the JSON pieces other formatters reuse (ports, string arrays, raw arrays).

extension DockerFormat {
    // MARK: service inspect (JSON)

    /// `docker service inspect`: the services as docker's JSON shows them (the spec with its
    /// defaults, the endpoint with the ports swarm picked, the update status).
    package static func serviceInspectJSON(_ services: [ServiceRecord]) -> String {
        let items = services.map { s -> String in
            var o = JSONObject(indent: 1)
            o.string("ID", s.id)
            var version = JSONObject(indent: 2)
            version.raw("Index", String(s.version))
            o.raw("Version", version.text)
            o.string("CreatedAt", VirtualCalendar.rfc3339(s.createdAt))
            o.string("UpdatedAt", VirtualCalendar.rfc3339(s.updatedAt))
            o.raw("Spec", specJSON(s.spec, indent: 2))
            if let previous = s.previousSpec { o.raw("PreviousSpec", specJSON(previous, indent: 2)) }
            var endpoint = JSONObject(indent: 2)
            endpoint.raw("Spec", endpointJSON(s.spec.endpoint.mode, s.spec.endpoint.ports, indent: 3))
            if !s.endpointPorts.isEmpty { endpoint.raw("Ports", portsJSON(s.endpointPorts, indent: 3)) }
            if !s.virtualIPs.isEmpty { endpoint.raw("VirtualIPs", virtualIPsJSON(s.virtualIPs, indent: 3)) }
            o.raw("Endpoint", endpoint.text)
            if let u = s.updateStatus {
                var status = JSONObject(indent: 2)
                status.string("State", u.state.rawValue)
                if let t = u.startedAt { status.string("StartedAt", VirtualCalendar.rfc3339(t)) }
                if let t = u.completedAt { status.string("CompletedAt", VirtualCalendar.rfc3339(t)) }
                status.string("Message", u.message)
                o.raw("UpdateStatus", status.text)
            }
            return "    " + o.text
        }
        return items.isEmpty ? "[]\n" : "[\n" + items.joined(separator: ",\n") + "\n]\n"
    }

    static func specJSON(_ spec: ServiceSpec, indent: Int) -> String {
        let task = spec.task
        var o = JSONObject(indent: indent)
        o.string("Name", spec.name)
        o.raw("Labels", JSONObject.map(spec.labels, indent: indent + 1))
        var template = JSONObject(indent: indent + 1)
        template.raw("ContainerSpec", containerSpecJSON(task, indent: indent + 2))
        var resources = JSONObject(indent: indent + 2)
        resources.raw("Limits", resourcesJSON(task.limits, indent: indent + 3))
        resources.raw("Reservations", resourcesJSON(task.reservations, indent: indent + 3))
        template.raw("Resources", resources.text)
        template.raw("RestartPolicy", restartPolicyJSON(task.restart, indent: indent + 2))
        template.raw("Placement", placementJSON(task, indent: indent + 2))
        if !task.networks.isEmpty {
            template.raw("Networks", rawArrayJSON(task.networks.map { n in
                var target = JSONObject(indent: indent + 3)
                target.string("Target", n)
                return target.text
            }, indent: indent + 2))
        }
        template.raw("ForceUpdate", String(task.forceUpdate))
        template.string("Runtime", "container")
        o.raw("TaskTemplate", template.text)
        var mode = JSONObject(indent: indent + 1)
        switch spec.mode {
        case .replicated(let n):
            var replicated = JSONObject(indent: indent + 2)
            replicated.raw("Replicas", String(n))
            mode.raw("Replicated", replicated.text)
        case .global:
            mode.raw("Global", "{}")
        case .replicatedJob(let maxConcurrent, let total):
            var job = JSONObject(indent: indent + 2)
            job.raw("MaxConcurrent", String(maxConcurrent))
            job.raw("TotalCompletions", String(total))
            mode.raw("ReplicatedJob", job.text)
        case .globalJob:
            mode.raw("GlobalJob", "{}")
        }
        o.raw("Mode", mode.text)
        o.raw("UpdateConfig", updateConfigJSON(spec.update, indent: indent + 1))
        o.raw("RollbackConfig", updateConfigJSON(spec.rollback, indent: indent + 1))
        o.raw("EndpointSpec", endpointJSON(spec.endpoint.mode, spec.endpoint.ports, indent: indent + 1))
        return o.text
    }

    /// `Spec.TaskTemplate.ContainerSpec`.
    static func containerSpecJSON(_ task: TaskTemplate, indent: Int) -> String {
        var container = JSONObject(indent: indent)
        container.string("Image", task.image)
        if !task.command.isEmpty { container.raw("Command", stringsJSON(task.command, indent: indent + 1)) }
        if !task.args.isEmpty { container.raw("Args", stringsJSON(task.args, indent: indent + 1)) }
        if !task.env.isEmpty { container.raw("Env", stringsJSON(task.env, indent: indent + 1)) }
        container.raw("Init", "false")
        container.raw("StopGracePeriod", String(task.stopGracePeriod.nanoseconds))
        if task.health.isSet { container.raw("Healthcheck", healthcheckJSON(task.health, indent: indent + 1)) }
        if !task.secrets.isEmpty { container.raw("Secrets", payloadReferencesJSON(task.secrets, .secret, indent: indent + 1)) }
        if !task.configs.isEmpty { container.raw("Configs", payloadReferencesJSON(task.configs, .config, indent: indent + 1)) }
        return container.text
    }

    /// `Spec.TaskTemplate.RestartPolicy`.
    static func restartPolicyJSON(_ policy: RestartPolicy, indent: Int) -> String {
        var restart = JSONObject(indent: indent)
        restart.string("Condition", policy.condition.rawValue)
        restart.raw("Delay", String(policy.delay.nanoseconds))
        restart.raw("MaxAttempts", String(policy.maxAttempts))
        if policy.window > .zero { restart.raw("Window", String(policy.window.nanoseconds)) }
        return restart.text
    }

    /// `Spec.TaskTemplate.Placement`: constraints, spread preferences and the per-node cap.
    static func placementJSON(_ task: TaskTemplate, indent: Int) -> String {
        var placement = JSONObject(indent: indent)
        if !task.constraints.isEmpty { placement.raw("Constraints", stringsJSON(task.constraints.map(\.description), indent: indent + 1)) }
        if !task.preferences.isEmpty {
            let prefs = task.preferences.map { d -> String in
                var spread = JSONObject(indent: indent + 3)
                spread.string("SpreadDescriptor", d)
                var pref = JSONObject(indent: indent + 2)
                pref.raw("Spread", spread.text)
                return pref.text
            }
            placement.raw("Preferences", rawArrayJSON(prefs, indent: indent + 1))
        }
        if task.maxReplicasPerNode > 0 { placement.raw("MaxReplicas", String(task.maxReplicasPerNode)) }
        return placement.text
    }

    static func updateConfigJSON(_ c: UpdateConfig, indent: Int) -> String {
        var o = JSONObject(indent: indent)
        o.raw("Parallelism", String(c.parallelism))
        if c.delay > .zero { o.raw("Delay", String(c.delay.nanoseconds)) }
        o.string("FailureAction", c.failureAction.rawValue)
        o.raw("Monitor", String(c.monitor.nanoseconds))
        o.raw("MaxFailureRatio", goFloat(c.maxFailureRatio))
        o.string("Order", c.order.rawValue)
        return o.text
    }

    static func resourcesJSON(_ r: Scheduler.Resources, indent: Int) -> String {
        var o = JSONObject(indent: indent)
        if r.nanoCPUs > 0 { o.raw("NanoCPUs", String(r.nanoCPUs)) }
        if r.memoryBytes > 0 { o.raw("MemoryBytes", String(r.memoryBytes)) }
        return o.text
    }

    static func endpointJSON(_ mode: EndpointSpec.Mode, _ ports: [PortConfig], indent: Int) -> String {
        var o = JSONObject(indent: indent)
        o.string("Mode", mode.rawValue)
        if !ports.isEmpty { o.raw("Ports", portsJSON(ports, indent: indent + 1)) }
        return o.text
    }

    static func portsJSON(_ ports: [PortConfig], indent: Int) -> String {
        rawArrayJSON(ports.map { p in
            var o = JSONObject(indent: indent + 1)
            o.string("Protocol", p.protocol.rawValue)
            o.raw("TargetPort", String(p.target))
            if let n = p.published { o.raw("PublishedPort", String(n)) }
            o.string("PublishMode", p.publishMode.rawValue)
            return o.text
        }, indent: indent)
    }

    /// `Endpoint.VirtualIPs`: the service's address on each network, `10.0.1.2/24`.
    static func virtualIPsJSON(_ vips: [VirtualIP], indent: Int) -> String {
        rawArrayJSON(vips.map { v in
            var o = JSONObject(indent: indent + 1)
            o.string("NetworkID", v.networkID)
            o.string("Addr", v.address.description)
            return o.text
        }, indent: indent)
    }

    static func stringsJSON(_ items: [String], indent: Int) -> String {
        rawArrayJSON(items.map { TraceLine.quoted($0) }, indent: indent)
    }

    /// A JSON array of already-rendered items, one per line, as Go's `json.Indent` lays it out.
    /// For the value of a field of an object written with indent k, pass k + 1 (and render
    /// object items with indent k + 2).
    static func rawArrayJSON(_ items: [String], indent: Int) -> String {
        JSONValue.array(items.map(JSONValue.fragment)).indented(depth: indent)
    }
}
