import Orchestration

/// `docker service ls --filter`: the keys moby's `newListServicesFilters` accepts, matched as
/// swarmkit's `ListServices` and moby's `GetServices` (for `mode`) match them. Every simulated
/// service runs containers, so `runtime` keeps them all for `container`.
enum ServiceFilters {
    static let table = FilterTable<ServiceRecord>(keys: [
        .init(name: "id") { FilterMatch.prefix($0.id, $1) },
        .init(name: "label") { FilterMatch.labels($0.spec.labels, $1) },
        .init(name: "mode") { FilterMatch.exact($0.spec.mode.name, $1) },
        .init(name: "name") { FilterMatch.prefix($0.spec.name, $1) },
        .init(name: "runtime") { _, values in values.contains("container") },
    ])
}
