import Orchestration

/// `docker node ls --filter`: the keys moby's `newListNodesFilters` accepts, matched as
/// swarmkit's `ListNodes` matches them.
enum NodeFilters {
    static let table = FilterTable<NodeView>(keys: [
        .init(name: "id") { FilterMatch.prefix($0.record.id, $1) },
        // Engine labels (the daemon's `--label`), as docker documents `label`.
        .init(name: "label") { FilterMatch.labels($0.record.engineLabels, $1) },
        // Every node the store holds has been accepted into the swarm.
        .init(name: "membership", check: FilterMatch.oneOf(["accepted", "pending"], "membership")) { _, values in
            values.contains { $0.lowercased() == "accepted" || $0.isEmpty }
        },
        .init(name: "name") { FilterMatch.prefix($0.record.hostname, $1) },
        // Swarm node labels, set by `docker node update --label-add`.
        .init(name: "node.label") { FilterMatch.labels($0.record.labels, $1) },
        .init(name: "role", check: FilterMatch.oneOf(["worker", "manager"], "role")) { node, values in
            values.contains { $0.isEmpty || $0.lowercased() == node.record.role.rawValue }
        },
    ])
}
