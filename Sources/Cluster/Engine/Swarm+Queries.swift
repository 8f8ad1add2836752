import SimCore
import Orchestration

/// How a manager answers `EngineRequest.get`: each query from the store it answers from (the
/// leader's, or its own for local reads), filtered on the daemon's side by its kind's table.
/// Adding a kind is one case here and in `EngineRecords`, and a table in a file of its own.
extension Swarm {
    func answer(_ queries: [EngineQuery], in store: ClusterStore, on host: HostID) -> EngineResponse {
        .records(queries.map { answer($0, in: store, on: host) })
    }

    func answer(_ query: EngineQuery, in store: ClusterStore, on host: HostID) -> Result<EngineRecords, EngineError> {
        switch query.kind {
        case .node:
            query.answer(NodeFilters.table, nodeViews(seenFrom: host), notFound: EngineError.noSuchNode) { ref in
                store.resolveNode(ref).map { nodeView($0, seenFrom: host) }
            }.map(EngineRecords.nodes)
        case .service:
            query.answer(ServiceFilters.table, store.services, notFound: EngineError.noSuchService, resolve: store.resolveService)
                .map { services in .services(services.map { ServiceView(record: $0, status: query.status ? ServiceStatus(of: $0, in: store) : nil) }) }
        case .task:
            taskAnswer(query, in: store).map(EngineRecords.tasks)
        case .network:
            query.answer(NetworkFilters.table, store.networks.map(EngineNetworks.clusterView), notFound: EngineError.noSuchNetwork) { ref in
                store.resolveNetwork(ref).map(EngineNetworks.clusterView)
            }.map(EngineRecords.networks)
        case .container:
            containerAnswer(query, on: host)
        }
    }

    /// `docker ps`: `host`'s engine's own containers, whatever the managers think, through
    /// the daemon's filters. Answered where the request starts, on any engine.
    func containerAnswer(_ query: EngineQuery, on host: HostID) -> Result<EngineRecords, EngineError> {
        guard case .list(let filters) = query.selection else { return .failure(EngineError("unexpected call")) }
        return ContainerFilters.answer(allContainers(on: host), filters, all: query.all).map(EngineRecords.containers)
    }

    /// Tasks: the filters checked, their service and node names turned into IDs, then matched
    /// over the tasks of those services (or nodes) only.
    func taskAnswer(_ query: EngineQuery, in store: ClusterStore) -> Result<[TaskRecord], EngineError> {
        guard case .list(let given) = query.selection else {
            return query.answer(TaskFilters.table(in: store), [], notFound: { EngineError("task \($0) not found") }, resolve: store.resolveTask)
        }
        let table = TaskFilters.table(in: store)
        if let error = table.validate(given) { return .failure(error) }
        let filters: EngineFilters
        switch TaskFilters.resolved(given, in: store) {
        case .failure(let error): return .failure(error)
        case .success(let f): filters = f
        }
        let candidates: [TaskRecord]
        if filters.contains("service") {
            candidates = unique(filters.values("service")).flatMap { store.tasks(ofService: $0) }
        } else if filters.contains("node") {
            candidates = unique(filters.values("node")).flatMap { store.tasks(onNode: $0) }
        } else {
            candidates = store.tasks
        }
        return .success(table.select(candidates, filters))
    }

    private func unique(_ ids: [String]) -> [String] {
        var seen: [String] = []
        for id in ids where !seen.contains(id) { seen.append(id) }
        return seen
    }

    func nodeView(_ node: NodeRecord, seenFrom host: HostID) -> NodeView {
        NodeView(record: node, managerStatus: managerStatus(raftID: node.raftID, address: node.address, seenFrom: host))
    }
}

extension EngineQuery {
    /// A list's records through `table`, or the one record `resolve` finds for an inspect.
    func answer<Record>(_ table: FilterTable<Record>, _ all: @autoclosure () -> [Record], notFound: (String) -> EngineError,
                        resolve: (String) -> Record?) -> Result<[Record], EngineError> {
        switch selection {
        case .list(let filters): table.answer(all(), filters)
        case .inspect(let ref): resolve(ref).map { .success([$0]) } ?? .failure(notFound(ref))
        }
    }
}

extension EngineError {
    /// moby `getService`: what the daemon answers for a service no reference names.
    public static func noSuchService(_ ref: String) -> EngineError { EngineError("service \(ref) not found") }
    /// moby `getNetwork` and the network router: a network no reference names.
    public static func noSuchNetwork(_ ref: String) -> EngineError { EngineError("network \(ref) not found") }
}
