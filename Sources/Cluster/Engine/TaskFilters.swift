import Orchestration

/// `docker service ps` and `docker node ps --filter`: the keys moby's `newListTasksFilters`
/// accepts, matched as swarmkit's `ListTasks` matches them. Before matching, the daemon turns
/// each `service` and `node` value into an ID (moby `GetTasks`), so a name works as well as an
/// ID, and one that names nothing is the daemon's not-found error.
enum TaskFilters {
    static func table(in store: ClusterStore) -> FilterTable<TaskRecord> {
        FilterTable(keys: [
            // For docker/cli's progress display only (moby: "not meant to be exposed to users"):
            // tasks of their service's current spec, whatever the value.
            .init(name: "_up-to-date") { t, _ in store.service(id: t.serviceID).map { $0.specVersion == t.specVersion } ?? false },
            .init(name: "desired-state", check: FilterMatch.oneOf(TaskState.allCases.map(\.name), "desired-state")) { t, values in
                values.contains { $0.isEmpty || $0.lowercased() == t.desiredState.name }
            },
            .init(name: "id") { FilterMatch.prefix($0.id, $1) },
            // The labels of the task's service (swarmkit `ServiceAnnotations`).
            .init(name: "label") { t, values in FilterMatch.labels(store.service(id: t.serviceID)?.spec.labels ?? Labels(), values) },
            // swarmkit `naming.Task`: `web.1.<task ID>`.
            .init(name: "name") { FilterMatch.prefix($0.containerName, $1) },
            .init(name: "node") { t, values in t.nodeID.map { values.contains($0) } ?? false },
            // Every simulated task runs a container (moby adds `runtime=container` by default).
            .init(name: "runtime") { _, values in values.contains("container") || values.contains("") },
            .init(name: "service") { FilterMatch.exact($0.serviceID, $1) },
        ])
    }

    /// The filters with `service` and `node` values turned into IDs, or the daemon's error for
    /// the first that names nothing.
    static func resolved(_ filters: EngineFilters, in store: ClusterStore) -> Result<EngineFilters, EngineError> {
        var out = filters
        if filters.contains("service") {
            var ids: [String] = []
            for ref in filters.values("service") {
                guard let s = store.resolveService(ref) else { return .failure(.noSuchService(ref)) }
                ids.append(s.id)
            }
            out = out.replacing("service", with: ids)
        }
        if filters.contains("node") {
            var ids: [String] = []
            for ref in filters.values("node") {
                guard let n = store.resolveNode(ref) else { return .failure(.noSuchNode(ref)) }
                ids.append(n.id)
            }
            out = out.replacing("node", with: ids)
        }
        return .success(out)
    }
}
