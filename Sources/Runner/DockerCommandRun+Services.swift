import SimCore
import Orchestration
import Cluster
import ScenarioLanguage
import DockerClient

/// `docker service …`, `docker node ps` and `docker ps`: the CLI reads the leader's state and
/// sends whole specs, as docker/cli does (an update is an inspect, a changed spec, an update).
extension DockerCommandRun {
    /// The service a reference names, asked of the engine: nil after printing the daemon's
    /// error for the call; `.failure` with its not-found error when no service is so named.
    mutating func inspectService(_ ref: String) -> Result<ServiceRecord, EngineError>? {
        guard let answers = get([.inspect(.service, ref)]) else { return nil }
        if let e = answers[0].error { return .failure(e) }
        guard let s = answers[0].services.first?.record else { return nil }
        return .success(s)
    }

    var expander: WordExpander { { w throws(Diagnostic) in try w.expanded(runner.variable) } }


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
            converge(id, reference: id)
        case .success: break
        }
    }

    mutating func serviceList() {
        guard let answers = get([.list(.service, filters, status: true)]) else { return }
        if let e = answers[0].error { return fail(e) }
        out += DockerFormat.serviceList(answers[0].services, quiet: invocation.isOn("quiet"))
    }

    mutating func serviceInspect() throws(Diagnostic) {
        let refs = try arguments.map { w throws(Diagnostic) in try w.expanded(runner.variable) }
        let pretty = invocation.isOn("pretty")
        guard let answers = get(refs.map { .inspect(.service, $0) } + (pretty ? [.list(.network)] : [])) else { return }
        var found: [ServiceRecord] = []
        var missing: [String] = []
        for (i, ref) in refs.enumerated() {
            if let s = answers[i].services.first?.record { found.append(s) } else { missing.append(ref) }
        }
        if pretty {
            let networks = answers[refs.count].networks
            let name: (String) -> String = { id in networks.first { $0.id == id }?.name ?? id }
            out += found.map { DockerFormat.serviceInspectPretty($0, now: swarm.now, networkName: name) }.joined()
        } else {
            out += DockerFormat.serviceInspectJSON(found)
        }
        for ref in missing { out += "Error: no such service: \(ref)\n" }
    }

    mutating func serviceScale() throws(Diagnostic) {
        var converging: [(id: String, reference: String)] = []
        var errors = ""
        defer { out += errors }
        for target in invocation.scaleTargets {
            // docker/cli scale: every error, the inspect's too, is prefixed with the service.
            let answers: [Result<EngineRecords, EngineError>]
            switch call(.get([.inspect(.service, target.service)])) {
            case .success(.records(let a)) where a.count == 1: answers = a
            case .failure(let e):
                errors += "\(target.service): Error response from daemon: \(e.text)\n"
                continue
            case .success: continue
            }
            guard let s = answers[0].services.first?.record else {
                errors += "\(target.service): \(Self.serviceNotFound(target.service))\n"
                continue
            }
            // docker/cli scale: Replicas for a replicated service, TotalCompletions for a
            // replicated job; any other mode is an error, listed with the others at the end.
            var spec = s.spec
            switch s.spec.mode {
            case .replicated: spec.mode = .replicated(target.replicas)
            case .replicatedJob(let maxConcurrent, _): spec.mode = .replicatedJob(maxConcurrent: maxConcurrent, total: target.replicas)
            case .global, .globalJob:
                errors += "\(target.service): scale can only be used with replicated or replicated-job mode\n"
                continue
            }
            switch call(.serviceUpdate(id: s.id, spec)) {
            case .failure(let e): errors += "\(target.service): Error response from daemon: \(e.text)\n"
            case .success:
                out += DockerFormat.serviceScaled(target.service, to: target.replicas)
                converging.append((s.id, target.service))
            }
        }
        for (id, reference) in converging { converge(id, reference: reference) }
    }

    mutating func serviceUpdate() throws(Diagnostic) {
        let ref = try argument(0)
        guard let answers = get([.inspect(.service, ref), .list(.network)]) else { return }
        guard let s = answers[0].services.first?.record else { noSuchService(ref); return }
        if invocation.isOn("rollback") { return rollback(s, name: ref) }
        let networks = answers[1].networks
        let inv = invocation
        guard var spec = try buildSpec({ e throws(Diagnostic) in
            var spec = s.spec
            try spec.apply(update: inv, expand: e, resolveNetwork: { networks.resolveSwarmNetwork($0)?.id })
            return spec
        }), resolvePayloads(&spec) else { return }
        switch call(.serviceUpdate(id: s.id, spec)) {
        case .failure(let e): fail(e)
        case .success:
            out += ref + "\n"
            converge(s.id, reference: ref)
        }
    }

    mutating func serviceRollback() throws(Diagnostic) {
        let ref = try argument(0)
        guard let found = inspectService(ref) else { return }
        guard case .success(let s) = found else { noSuchService(ref); return }
        rollback(s, name: ref)
    }

    mutating func rollback(_ s: ServiceRecord, name: String) {
        switch call(.serviceRollback(id: s.id)) {
        case .failure(let e): fail(e)
        case .success:
            out += name + "\n"
            converge(s.id, reference: name)
        }
    }

    mutating func serviceRemove() throws(Diagnostic) {
        var errors = ""   // docker/cli service rm: the removed names first, then the errors
        defer { out += errors }
        for w in arguments {
            let ref = try w.expanded(runner.variable)
            guard let found = inspectService(ref) else { return }
            guard case .success(let s) = found else { errors += Self.serviceNotFound(ref) + "\n"; continue }
            switch call(.serviceRemove(id: s.id)) {
            case .failure(let e): fail(e)
            case .success: out += ref + "\n"
            }
        }
    }

    /// `docker ps` on this host: its engine's containers, whatever the managers think, with
    /// the daemon's filters applied by the engine.
    mutating func containers() {
        guard let answers = get([.containers(filters, all: invocation.isOn("all"))]) else { return }
        if let error = answers[0].error { return fail(error) }
        out += DockerFormat.containerList(rows: answers[0].containers, now: swarm.now, all: true,
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
