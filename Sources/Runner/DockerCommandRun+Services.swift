import SimCore
import Orchestration
import Cluster
import ScenarioLanguage
import DockerClient

/// `docker service …`, `docker node ps` and `docker ps`: the CLI reads the leader's state and
/// sends whole specs, as docker/cli does (an update is an inspect, a changed spec, an update).
extension DockerCommandRun {
    /// The leader's view of the cluster, or the docker error.
    mutating func read() -> ClusterStore? {
        switch call(.read) {
        case .success(.store(let s)): return s
        case .failure(let e): fail(e); return nil
        case .success: return nil
        }
    }

    var expander: WordExpander { { w throws(Diagnostic) in try w.expanded(runner.variable) } }

    /// Docker's attached mode: wait for the service to converge, then say so; `--detach` skips it.
    mutating func converge(_ serviceID: String) {
        guard !invocation.isOn("detach"), !invocation.isOn("quiet") else { return }
        let limit = swarm.now + runner.options.commandTimeout
        swarm.run(until: { s in Self.progress(of: serviceID, in: s.freshestStore).converged }, deadline: limit)
        let p = Self.progress(of: serviceID, in: swarm.freshestStore)
        out += "overall progress: \(p.running) out of \(p.desired) tasks\n"
        guard p.converged else {
            out += "verify: still converging after \(runner.options.commandTimeout) (docker would keep waiting; use --detach)\n"
            return
        }
        // docker watches the tasks for a monitoring period before it calls them stable.
        swarm.run(until: swarm.now + .seconds(5))
        out += "verify: Service converged\n"
    }

    static func progress(of serviceID: String, in store: ClusterStore?) -> (running: Int, desired: Int, converged: Bool) {
        guard let store, let service = store.service(id: serviceID) else { return (0, 0, true) }
        let tasks = store.tasks(ofService: serviceID).filter { $0.desiredState == .running }
        let running = tasks.filter { $0.status.state == .running }.count
        let desired = service.spec.replicas ?? NodeEligibility.nodes(for: service, in: store).count
        let updating = service.updateStatus.map { $0.state == .updating || $0.state == .rollbackStarted } ?? false
        return (running, desired, running == desired && !updating && tasks.count == desired)
    }

    func resolveService(_ ref: String, in store: ClusterStore) -> ServiceRecord? { store.resolveService(ref) }

    /// The daemon's not-found error, which Docker 23 and later print as it is.
    static func serviceNotFound(_ ref: String) -> String { "Error response from daemon: service \(ref) not found" }

    mutating func noSuchService(_ ref: String) { out += Self.serviceNotFound(ref) + "\n" }

    // MARK: Commands

    /// Builds a spec the way the docker CLI does. Its refusals are what docker prints (output of
    /// the command, not an error in the scenario); an unknown variable is the scenario's error.
    mutating func buildSpec(_ build: (WordExpander) throws(Diagnostic) -> ServiceSpec) throws(Diagnostic) -> ServiceSpec? {
        var variableError: Diagnostic?
        let expand: WordExpander = { w throws(Diagnostic) in
            do throws(Diagnostic) { return try w.expanded(runner.variable) } catch { variableError = error; throw error }
        }
        do throws(Diagnostic) {
            return try build(expand)
        } catch {
            if let variableError { throw variableError }
            out += error.message + "\n"
            return nil
        }
    }

    mutating func serviceCreate() throws(Diagnostic) {
        let inv = invocation
        guard var spec = try buildSpec({ e throws(Diagnostic) in try ServiceSpec(invocation: inv, expand: e) }) else { return }
        if spec.name.isEmpty { spec.name = runner.generatedName() }
        guard resolvePayloads(&spec) else { return }
        switch call(.serviceCreate(spec)) {
        case .failure(let e): fail(e)
        case .success(.created(let id)):
            out += id + "\n"
            converge(id)
        case .success: break
        }
    }

    mutating func serviceList() {
        guard let store = read() else { return }
        out += DockerFormat.serviceList(store, quiet: invocation.isOn("quiet"))
    }

    mutating func servicePs() throws(Diagnostic) {
        guard let store = read() else { return }
        var tasks: [TaskRecord] = []
        var missing: [String] = []
        for w in arguments {
            let ref = try w.expanded(runner.variable)
            guard let s = resolveService(ref, in: store) else { missing.append(ref); continue }
            tasks += store.tasks(ofService: s.id)
        }
        if !missing.isEmpty {
            for ref in missing { out += "no such service: \(ref)\n" }
            if tasks.isEmpty { return }
        }
        out += DockerFormat.taskList(tasks, store: store, now: swarm.now, noTrunc: invocation.isOn("no-trunc"), quiet: invocation.isOn("quiet"))
    }

    mutating func serviceInspect() throws(Diagnostic) {
        guard let store = read() else { return }
        var found: [ServiceRecord] = []
        var missing: [String] = []
        for w in arguments {
            let ref = try w.expanded(runner.variable)
            if let s = resolveService(ref, in: store) { found.append(s) } else { missing.append(ref) }
        }
        if invocation.isOn("pretty") {
            let name: (String) -> String = { store.network(id: $0)?.name ?? $0 }
            out += found.map { DockerFormat.serviceInspectPretty($0, now: swarm.now, networkName: name) }.joined()
        } else {
            out += DockerFormat.serviceInspectJSON(found)
        }
        for ref in missing { out += "Error: no such service: \(ref)\n" }
    }

    mutating func serviceScale() throws(Diagnostic) {
        var converging: [String] = []
        var errors = ""
        defer { out += errors }
        for target in invocation.scaleTargets {
            guard let store = read() else { return }
            guard let s = resolveService(target.service, in: store) else {
                errors += "\(target.service): \(Self.serviceNotFound(target.service))\n"
                continue
            }
            guard case .replicated = s.spec.mode else {
                out += "\(target.service): scale can only be used with replicated or replicated-job mode\n"
                continue
            }
            var spec = s.spec
            spec.mode = .replicated(target.replicas)
            switch call(.serviceUpdate(id: s.id, spec)) {
            case .failure(let e): fail(e)
            case .success:
                out += DockerFormat.serviceScaled(target.service, to: target.replicas)
                converging.append(s.id)
            }
        }
        for id in converging { converge(id) }
    }

    mutating func serviceUpdate() throws(Diagnostic) {
        let ref = try argument(0)
        guard let store = read() else { return }
        guard let s = resolveService(ref, in: store) else { noSuchService(ref); return }
        if invocation.isOn("rollback") { return rollback(s, name: ref) }
        let inv = invocation
        guard var spec = try buildSpec({ e throws(Diagnostic) in
            var spec = s.spec
            try spec.apply(update: inv, expand: e, resolveNetwork: { store.resolveNetwork($0)?.id })
            return spec
        }), resolvePayloads(&spec) else { return }
        switch call(.serviceUpdate(id: s.id, spec)) {
        case .failure(let e): fail(e)
        case .success:
            out += ref + "\n"
            converge(s.id)
        }
    }

    mutating func serviceRollback() throws(Diagnostic) {
        let ref = try argument(0)
        guard let store = read() else { return }
        guard let s = resolveService(ref, in: store) else { noSuchService(ref); return }
        rollback(s, name: ref)
    }

    mutating func rollback(_ s: ServiceRecord, name: String) {
        switch call(.serviceRollback(id: s.id)) {
        case .failure(let e): fail(e)
        case .success:
            out += name + "\n"
            converge(s.id)
        }
    }

    mutating func serviceRemove() throws(Diagnostic) {
        var errors = ""   // docker/cli service rm: the removed names first, then the errors
        defer { out += errors }
        for w in arguments {
            let ref = try w.expanded(runner.variable)
            guard let store = read() else { return }
            guard let s = resolveService(ref, in: store) else { errors += Self.serviceNotFound(ref) + "\n"; continue }
            switch call(.serviceRemove(id: s.id)) {
            case .failure(let e): fail(e)
            case .success: out += ref + "\n"
            }
        }
    }

    /// `docker node ps [NODE…]`: the tasks on those nodes (this node by default).
    mutating func nodeTasks() throws(Diagnostic) {
        guard let store = read() else { return }
        var tasks: [TaskRecord] = []
        var errors = ""
        let refs = arguments.isEmpty ? [currentNodeID ?? "self"] : try arguments.indices.map { i throws(Diagnostic) in try reference(i) }
        for ref in refs {
            guard let node = store.resolveNode(ref) else { errors += "Error response from daemon: node \(ref) not found\n"; continue }
            tasks += store.tasks(onNode: node.id)
        }
        // docker/cli node ps: no table when every node failed and no task was found; errors last.
        if errors.isEmpty || !tasks.isEmpty {
            out += DockerFormat.taskList(tasks, store: store, now: swarm.now, noTrunc: invocation.isOn("no-trunc"), quiet: invocation.isOn("quiet"))
        }
        out += errors
    }

    /// `docker ps` on this host: its engine's containers, whatever the managers think.
    mutating func containers() {
        out += DockerFormat.containerList(swarm.containers(on: host), now: swarm.now, all: invocation.isOn("all"),
                                          noTrunc: invocation.isOn("no-trunc"), quiet: invocation.isOn("quiet"))
    }
}

extension ScenarioRunner {
    /// A name for a service created without `--name`, like the daemon's
    /// `adjective_scientist` names, drawn in order so runs stay reproducible.
    func generatedName() -> String {
        let adjectives = ["admiring", "brave", "clever", "eager", "focused", "gallant", "happy", "jolly", "keen", "lucid"]
        let names = ["babbage", "curie", "dijkstra", "hopper", "lamport", "liskov", "lovelace", "noether", "ritchie", "turing"]
        defer { namesGiven += 1 }
        return "\(adjectives[namesGiven % adjectives.count])_\(names[(namesGiven / adjectives.count) % names.count])"
    }
}
