import SimCore
import Orchestration
import Compose
import ScenarioLanguage

/// Turns a loaded compose file into the specs `docker stack deploy` sends, as docker/cli's
/// cli/compose/convert does (`Networks`, `Service`): names scoped to the stack, the namespace
/// and image labels, the stack's `default` network for a service that names none, environment
/// and ports sorted as docker sorts them. A value the daemon would refuse gives docker's message.
public struct StackConvert {
    public let namespace: String
    public let file: ComposeFile
    /// Variables for `environment` entries given without a value (docker reads its own).
    public let environment: [String: String]

    public init(namespace: String, file: ComposeFile, environment: [String: String] = [:]) {
        self.namespace = namespace
        self.file = file
        self.environment = environment
    }

    /// A value docker refuses, worded as docker words it.
    public struct Failure: Error, Equatable, Sendable {
        public var message: String
        init(_ message: String) { self.message = message }
    }

    // MARK: Networks

    /// The networks the services use, sorted by name: those the stack creates, and the names of
    /// the external ones, which must already exist (convert.Networks).
    public func networks() throws(Failure) -> (create: [NetworkSpec], external: [String]) {
        var used: [String] = []
        for s in file.services {
            for n in s.networks.isEmpty ? ["default"] : s.networks where !used.contains(n) { used.append(n) }
        }
        var create: [NetworkSpec] = [], external: [String] = []
        for key in used {
            let config = file.networks.first { $0.key == key } ?? ComposeNetwork(key: key)
            if config.external { external.append(config.name ?? key); continue }
            if let driver = config.driver, driver != "overlay" {
                throw Failure("failed to create network \(target(of: key)): network driver \"\(driver)\" is not simulated (swarm networks are overlay)")
            }
            var labels = Labels()
            labels[Stack.namespaceLabel] = namespace
            create.append(NetworkSpec(name: target(of: key), attachable: config.attachable, labels: labels,
                                      subnet: config.subnets.first))
        }
        return (create.sorted { $0.name < $1.name }, external.sorted())
    }

    /// What a service's network `key` is called on the swarm: its `name:`, else `NAME_key`.
    func target(of key: String) -> String {
        let config = file.networks.first { $0.key == key }
        if let config, config.external { return config.name ?? key }
        return config?.name ?? Stack.scope(namespace, key)
    }

    // MARK: Services

    /// Every service's spec or why the daemon refuses it, in the order of the services' names
    /// (docker's order is Go's map order).
    public func services() -> [(name: String, spec: Result<ServiceSpec, Failure>)] {
        file.services.sorted(by: { $0.name < $1.name }).map { s in
            do throws(Failure) { return (Stack.scope(namespace, s.name), .success(try service(s))) } catch {
                return (Stack.scope(namespace, s.name), .failure(error))
            }
        }
    }

    /// One service's spec (convert.Service).
    public func service(_ s: ComposeService) throws(Failure) -> ServiceSpec {
        var task = TaskTemplate(image: s.image ?? "")
        task.command = s.entrypoint ?? []
        task.args = s.command ?? []
        task.env = s.environment.map { e in
            let value = e.value ?? environment[e.key]
            return value.map { "\(e.key)=\($0)" } ?? e.key
        }.sorted()
        task.networks = s.networks.isEmpty ? [target(of: "default")] : s.networks.map(target(of:)).sorted()
        task.health = try health(s.healthcheck)
        task.secrets = references(s.secrets, .secret)
        task.configs = references(s.configs, .config)
        try placement(s.deploy, into: &task)
        task.reservations = try resources(s.deploy.reservations, "reservations")
        task.limits = try resources(s.deploy.limits, "limits")
        if let r = s.deploy.restartPolicy { task.restart = try restartPolicy(r) }

        var spec = ServiceSpec(name: Stack.scope(namespace, s.name), mode: try mode(s.deploy), task: task)
        for label in s.deploy.labels {
            let (k, v) = ValueSyntax.splitKeyValue(label)
            spec.labels[k] = v ?? ""
        }
        spec.labels[Stack.namespaceLabel] = namespace
        spec.labels[Stack.imageLabel] = s.image ?? ""
        if let u = s.deploy.updateConfig { spec.update = try updateConfig(u, "update_config") }
        if let u = s.deploy.rollbackConfig { spec.rollback = try updateConfig(u, "rollback_config") }
        spec.endpoint = try endpoint(s)
        return spec
    }

    func mode(_ d: ComposeDeploy) throws(Failure) -> ServiceMode {
        switch d.mode {
        case "global": return .global
        case "replicated", "": return .replicated(d.replicas ?? 1)
        // convertDeployMode: a replicated job runs `replicas` tasks, all of them at once.
        case "replicated-job": return .replicatedJob(maxConcurrent: d.replicas ?? 1, total: d.replicas ?? 1)
        case "global-job": return .globalJob
        default: throw Failure("\(d.mode) mode is not supported by swarmsim yet")
        }
    }

    func placement(_ d: ComposeDeploy, into task: inout TaskTemplate) throws(Failure) {
        for text in d.constraints {
            switch DockerCLI.parseConstraint(text) {
            case .success(let c): task.constraints.append(c)
            case .failure(let e): throw Failure("Error response from daemon: rpc error: code = InvalidArgument desc = \(e.reason)")
            }
        }
        task.preferences = d.spreads
        task.maxReplicasPerNode = d.maxReplicasPerNode ?? 0
    }

    func resources(_ r: ComposeDeploy.Resources, _ what: String) throws(Failure) -> Scheduler.Resources {
        var out = Scheduler.Resources.zero
        if let cpus = r.cpus {
            switch ValueSyntax.parseNanoCPUs(cpus) {
            case .success(let n): out.nanoCPUs = n
            case .failure(let e): throw Failure("invalid deploy.resources.\(what).cpus \(cpus): \(e.reason)")
            }
        }
        if let memory = r.memory {
            guard let n = ValueSyntax.parseMemoryBytes(memory) else { throw Failure("invalid size: '\(memory)'") }
            out.memoryBytes = n
        }
        return out
    }

    func duration(_ text: String?, default value: SimDuration) throws(Failure) -> SimDuration {
        guard let text else { return value }
        switch DockerCLI.parseGoDuration(text) {
        case .success(let d): return d
        case .failure: throw Failure("time: invalid duration \"\(text)\"")
        }
    }

    func restartPolicy(_ r: ComposeDeploy.RestartPolicy) throws(Failure) -> RestartPolicy {
        var p = RestartPolicy()
        if let c = r.condition {
            guard let condition = RestartPolicy.Condition(rawValue: c) else { throw Failure("invalid RestartCondition: \"\(c)\"") }
            p.condition = condition
        }
        p.delay = try duration(r.delay, default: p.delay)
        p.maxAttempts = r.maxAttempts ?? p.maxAttempts
        p.window = try duration(r.window, default: p.window)
        return p
    }

    func updateConfig(_ u: ComposeDeploy.UpdateConfig, _ what: String) throws(Failure) -> UpdateConfig {
        var c = UpdateConfig()
        c.parallelism = u.parallelism ?? c.parallelism
        c.delay = try duration(u.delay, default: c.delay)
        c.monitor = try duration(u.monitor, default: c.monitor)
        c.maxFailureRatio = u.maxFailureRatio ?? c.maxFailureRatio
        if let a = u.failureAction {
            guard let action = UpdateConfig.FailureAction(rawValue: a), what == "update_config" || action != .rollback else {
                throw Failure("\(what).failure_action must be one of \(what == "update_config" ? "pause, continue, rollback" : "pause, continue")")
            }
            c.failureAction = action
        }
        if let o = u.order {
            guard let order = UpdateConfig.Order(rawValue: o) else { throw Failure("\(what).order must be one of start-first, stop-first") }
            c.order = order
        }
        return c
    }

    /// Ports sorted by published port (convertEndpointSpec); `endpoint_mode` lower-cased.
    func endpoint(_ s: ComposeService) throws(Failure) -> EndpointSpec {
        var e = EndpointSpec()
        if let m = s.deploy.endpointMode {
            guard let mode = EndpointSpec.Mode(rawValue: m.lowercased()) else { throw Failure("invalid endpoint mode: \(m)") }
            e.mode = mode
        }
        for p in s.ports {
            guard let proto = Scheduler.PortProtocol(rawValue: p.protocol) else { throw Failure("invalid protocol: \(p.protocol)") }
            guard let mode = PortConfig.PublishMode(rawValue: p.mode) else { throw Failure("invalid publish mode: \(p.mode)") }
            e.ports.append(PortConfig(published: p.published, target: p.target, protocol: proto, publishMode: mode))
        }
        e.ports = e.ports.enumerated().sorted { a, b in
            (a.element.published ?? 0, a.offset) < (b.element.published ?? 0, b.offset)
        }.map(\.element)
        if e.mode == .dnsrr, e.ports.contains(where: { $0.publishMode == .ingress }) {
            throw Failure("rpc error: code = InvalidArgument desc = EndpointSpec: port published with ingress mode can't be used with dnsrr mode")
        }
        return e
    }

    /// A service's `healthcheck` (convertHealthcheck): `CMD-SHELL x` is the command `x`, `CMD a b`
    /// is `a b`; `disable: true` or `test: ["NONE"]` turns the check off; durations as Go reads them.
    func health(_ h: ComposeHealthcheck?) throws(Failure) -> HealthConfig {
        var config = HealthConfig()
        guard let h else { return config }
        if h.disable || h.test.first == "NONE" { config.disabled = true; return config }
        switch h.test.first {
        case "CMD-SHELL", "CMD": config.command = h.test.dropFirst().joined(separator: " ")
        default: break
        }
        config.interval = try duration(h.interval, default: config.interval)
        config.timeout = try duration(h.timeout, default: config.timeout)
        config.startPeriod = try duration(h.startPeriod, default: config.startPeriod)
        config.retries = h.retries ?? config.retries
        return config
    }
}
