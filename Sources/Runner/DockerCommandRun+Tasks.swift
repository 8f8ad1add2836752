import SimCore
import Orchestration
import Cluster
import ScenarioLanguage
import DockerClient

/// `docker service ps` and `docker node ps`: the tasks the engine lists for the services or
/// nodes named, with the command's `--filter`s, as docker/cli asks (`service=` or `node=`
/// added to the user's filters; names come from the services and nodes it inspects).
extension DockerCommandRun {
    mutating func servicePs() throws(Diagnostic) {
        let refs = try arguments.map { w throws(Diagnostic) in try w.expanded(runner.variable) }
        let queries: [EngineQuery] = refs.map { .inspect(.service, $0) } + [.list(.task, filters(adding: "service", refs)), .list(.node)]
        guard let answers = get(queries) else { return }
        let services = refs.indices.compactMap { answers[$0].services.first?.record }
        let missing = refs.indices.filter { answers[$0].services.isEmpty }.map { refs[$0] }
        var tasks = answers[refs.count]
        var nodes = answers[refs.count + 1].nodes
        if !missing.isEmpty {
            for ref in missing { out += "no such service: \(ref)\n" }
            // docker/cli asks for the tasks of the services it found; a name that found none
            // would fail the whole list on the daemon, so the first answer holds no tasks.
            if services.isEmpty { return }
            guard let again = get([.list(.task, filters(adding: "service", services.map(\.id))), .list(.node)]) else { return }
            (tasks, nodes) = (again[0], again[1].nodes)
        }
        if let e = tasks.error { return fail(e) }
        if !missing.isEmpty && tasks.tasks.isEmpty { return }
        out += DockerFormat.taskList(tasks.tasks, names: IDResolver(services: services, nodes: nodes.map(\.record)), now: swarm.now,
                                     noTrunc: invocation.isOn("no-trunc"), quiet: invocation.isOn("quiet"))
    }

    /// `docker node ps [NODE…]`: the tasks on those nodes (this node by default).
    mutating func nodeTasks() throws(Diagnostic) {
        let refs = arguments.isEmpty ? [currentNodeID ?? "self"] : try arguments.indices.map { i throws(Diagnostic) in try reference(i) }
        let queries: [EngineQuery] = refs.map { .inspect(.node, $0) } + [.list(.task, filters(adding: "node", refs)), .list(.service)]
        guard let answers = get(queries) else { return }
        let nodes = refs.indices.compactMap { answers[$0].nodes.first?.record }
        var errors = ""
        for i in refs.indices where answers[i].nodes.isEmpty { errors += "Error response from daemon: node \(refs[i]) not found\n" }
        var tasks = answers[refs.count]
        var services = answers[refs.count + 1].services
        if !errors.isEmpty && !nodes.isEmpty {
            // As for `service ps`: the daemon fails a list that names a node it cannot find.
            guard let again = get([.list(.task, filters(adding: "node", nodes.map(\.id))), .list(.service)]) else { return }
            (tasks, services) = (again[0], again[1].services)
        } else if !errors.isEmpty {
            tasks = .success(.tasks([]))
        }
        if let e = tasks.error { return fail(e) }
        // docker/cli node ps: no table when every node failed and no task was found; errors last.
        if errors.isEmpty || !tasks.tasks.isEmpty {
            out += DockerFormat.taskList(tasks.tasks, names: IDResolver(services: services.map(\.record), nodes: nodes), now: swarm.now,
                                         noTrunc: invocation.isOn("no-trunc"), quiet: invocation.isOn("quiet"))
        }
        out += errors
    }
}
