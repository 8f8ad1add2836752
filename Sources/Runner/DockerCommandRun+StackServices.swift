import SimCore
import Orchestration
import Cluster
import ScenarioLanguage
import DockerClient

/// `docker stack deploy`'s services and `--prune`, and `docker stack ls`, `services`, `ps`,
/// `rm` and `config` (docker/cli cli/command/stack/swarm).
extension DockerCommandRun {
    /// Creates or updates each service, in name order (docker's order is Go's map order);
    /// returns their IDs (deployServices). The first refusal ends the deploy, as in docker.
    mutating func deployServices(_ services: [(name: String, spec: Result<ServiceSpec, StackConvert.Failure>)],
                                 namespace: String) -> [String] {
        guard let answers = get([.list(.service, Stack.filter(namespace))]) else { return [] }
        let existing = answers[0].services.map(\.record)
        let resolve = (try? text("resolve-image")) ?? nil ?? "always"
        var ids: [String] = []
        for (name, converted) in services {
            let current = existing.first { $0.spec.name == name }
            out += current.map { "Updating service \(name) (id: \($0.id))\n" } ?? "Creating service \(name)\n"
            let verb = current == nil ? "create" : "update"
            guard case .success(var spec) = converted else {
                if case .failure(let e) = converted { out += "failed to \(verb) service \(name): \(e.message)\n" }
                return ids
            }
            let written = spec.task.image
            let result: EngineResult
            if let current {
                let unchanged = written == current.spec.labels[Stack.imageLabel]
                spec.task.image = resolve == "always" || (resolve == "changed" && !unchanged)
                    ? Stack.resolvedImage(written) : (unchanged ? current.spec.task.image : written)
                spec.task.forceUpdate = current.spec.task.forceUpdate
                result = call(.serviceUpdate(id: current.id, spec))
            } else {
                if resolve != "never" { spec.task.image = Stack.resolvedImage(written) }
                result = call(.serviceCreate(spec))
            }
            switch result {
            case .failure(let e):
                out += "failed to \(verb) service \(name): Error response from daemon: \(e.text)\n"
                return ids
            case .success(.created(let id)): ids.append(id)
            case .success: if let current { ids.append(current.id) }
            }
        }
        return ids
    }

    /// `--prune`: removes the stack's services the files no longer name (pruneServices).
    mutating func prune(_ namespace: String, keeping names: [String]) {
        guard let answers = get([.list(.service, Stack.filter(namespace))]) else { return }
        let stale = answers[0].services.map(\.record).filter { !names.contains(Stack.descope(namespace, $0.spec.name)) }
        removeStackServices(stale)
    }

    /// Removes services in name order, saying so; true if one failed (removeServices).
    @discardableResult
    mutating func removeStackServices(_ services: [ServiceRecord]) -> Bool {
        var failed = false
        for s in services.sorted(by: { $0.spec.name < $1.spec.name }) {
            out += "Removing service \(s.spec.name)\n"
            if case .failure(let e) = call(.serviceRemove(id: s.id)) {
                out += "Failed to remove service \(s.id): Error response from daemon: \(e.text)"
                failed = true
            }
        }
        return failed
    }

    // MARK: ls, services, ps

    mutating func stackList() {
        guard let answers = get([.list(.service, Stack.anyStack)]) else { return }
        out += DockerFormat.stackList(Stack.all(answers[0].services.map(\.record)))
    }

    mutating func stackServices() throws(Diagnostic) {
        let namespace = try argument(0)
        let stackFilters = filters(adding: "label", [Stack.namespaceLabel + "=" + namespace])
        guard let answers = get([.list(.service, stackFilters, status: true)]) else { return }
        if let e = answers[0].error { return fail(e) }
        let services = answers[0].services
        if services.isEmpty { out += "Nothing found in stack: \(namespace)\n"; return }
        out += DockerFormat.serviceList(services, quiet: invocation.isOn("quiet"))
    }

    mutating func stackTasks() throws(Diagnostic) {
        let namespace = try argument(0)
        let stackFilters = filters(adding: "label", [Stack.namespaceLabel + "=" + namespace])
        guard let answers = get([.list(.task, stackFilters), .list(.service, Stack.filter(namespace)), .list(.node)]) else { return }
        if let e = answers[0].error { return fail(e) }
        let tasks = answers[0].tasks
        if tasks.isEmpty { out += "nothing found in stack: \(namespace)\n"; return }
        let names = IDResolver(services: answers[1].services.map(\.record), nodes: answers[2].nodes.map(\.record))
        out += DockerFormat.taskList(tasks, names: names, now: swarm.now, noTrunc: invocation.isOn("no-trunc"), quiet: invocation.isOn("quiet"))
    }

    // MARK: rm

    /// Each stack in turn: its services by name, its secrets and configs, then its networks (RunRemove).
    mutating func stackRemove() throws(Diagnostic) {
        var failures: [String] = []
        for i in arguments.indices {
            let namespace = try argument(i)
            guard let answers = get([.list(.service, Stack.filter(namespace)), .list(.network, Stack.filter(namespace))]) else { return }
            let services = answers[0].services.map(\.record)
            let networks = answers[1].networks.compactMap(\.record).sorted { $0.spec.name < $1.spec.name }
            guard let payloads = stackPayloads(namespace) else { return }
            if services.isEmpty && networks.isEmpty && payloads.isEmpty { out += "Nothing found in stack: \(namespace)\n"; continue }
            var failed = removeStackServices(services)
            failed = removeStackPayloads(payloads) || failed
            for n in networks {
                out += "Removing network \(n.spec.name)\n"
                if case .failure(let e) = call(.networkRemove(n.id)) {
                    out += "Failed to remove network \(n.id): Error response from daemon: \(e.text)"
                    failed = true
                }
            }
            if failed { failures.append("failed to remove some resources from stack: \(namespace)") }
        }
        for f in failures { out += f + "\n" }
    }

    // MARK: config

    mutating func stackConfig() throws(Diagnostic) {
        guard let (compose, _) = try readComposeFiles() else { return }
        out += DockerFormat.stackConfig(compose)
    }
}
