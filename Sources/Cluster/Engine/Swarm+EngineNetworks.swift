import SimCore
import Orchestration

/// `GET /networks` on an engine (moby's network router): the engine's own networks, and on a
/// manager the cluster's, which the leader answered. The engine adds its own when the answer
/// comes back; a worker, or a manager whose call found no leader, answers with its own alone.
extension Swarm {
    /// The queries of `request` when every one is about networks: the calls the engine itself
    /// completes.
    func networkQueries(_ request: EngineRequest) -> [EngineQuery]? {
        guard case .get(let queries) = request, !queries.isEmpty, queries.allSatisfy({ $0.kind == .network }) else { return nil }
        return queries
    }

    /// The answer to a network `get` on `host`, from the leader's `result` (a failure: none).
    func withEngineNetworks(_ result: EngineResult, queries: [EngineQuery], on host: HostID) -> EngineResult {
        var leader: [Result<EngineRecords, EngineError>]?
        if case .success(.records(let answers)) = result, answers.count == queries.count { leader = answers }
        return .success(.records(queries.indices.map { i in engineNetworkAnswer(queries[i], leader: leader?[i], on: host) }))
    }

    private func engineNetworkAnswer(_ query: EngineQuery, leader: Result<EngineRecords, EngineError>?,
                                     on host: HostID) -> Result<EngineRecords, EngineError> {
        var cluster: [NetworkView]?
        switch leader {
        case .success(.networks(let views))?: cluster = views
        case .failure?: if case .inspect = query.selection { cluster = [] }
        default: break
        }
        let networks = EngineNetworks(swarm: self, host: host, cluster: cluster)
        switch query.selection {
        case .list(let filters):
            if let error = NetworkFilters.table.validate(filters) { return .failure(error) }
            return .success(.networks(networks.list { NetworkFilters.table.select($0, filters) }))
        case .inspect(let ref):
            guard let view = networks.find(ref, verbose: query.verbose) else { return .failure(.noSuchNetwork(ref)) }
            return .success(.networks([view]))
        }
    }
}
