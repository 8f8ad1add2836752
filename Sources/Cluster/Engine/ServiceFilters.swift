import Orchestration

/// `docker service ls --filter`: the keys moby's `newListServicesFilters` accepts (`runtime`
/// aside: every simulated service runs containers), matched as swarmkit's `ListServices` and
/// moby's `GetServices` (for `mode`) match them.
enum ServiceFilters {
    static let table = FilterTable<ServiceRecord>(keys: [
        .init(name: "id") { FilterMatch.prefix($0.id, $1) },
        .init(name: "label") { FilterMatch.labels($0.spec.labels, $1) },
        .init(name: "mode") { FilterMatch.exact($0.spec.mode.name, $1) },
        .init(name: "name") { FilterMatch.prefix($0.spec.name, $1) },
    ])
}
