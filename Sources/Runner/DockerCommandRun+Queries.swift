import SimCore
import Orchestration
import Cluster
import ScenarioLanguage
import DockerClient

/// The list and inspect calls of a docker command: its `--filter`s as the daemon takes them,
/// one `EngineRequest.get` per command, and the records each query answered.
extension DockerCommandRun {
    /// The command's `--filter key=value` flags, in the order given.
    var filters: EngineFilters {
        var f = EngineFilters()
        for value in invocation.values("filter") { if case .keyValue(let k, let v) = value { f.add(k, v ?? "") } }
        return f
    }

    /// `filters` with `key=values` added, as docker/cli adds the services or nodes named.
    func filters(adding key: String, _ values: [String]) -> EngineFilters {
        var f = filters
        for v in values { f.add(key, v) }
        return f
    }

    /// Asks the engine `queries` in one call: each query's answer, or nil after printing the
    /// daemon's error for the whole call.
    mutating func get(_ queries: [EngineQuery]) -> [Result<EngineRecords, EngineError>]? {
        switch call(.get(queries)) {
        case .success(.records(let answers)) where answers.count == queries.count: return answers
        case .failure(let e): fail(e); return nil
        case .success: return nil
        }
    }
}

/// The records of one answered query, by kind (empty for an error or another kind).
extension Result where Success == EngineRecords, Failure == EngineError {
    var nodes: [NodeView] { if case .success(.nodes(let v)) = self { v } else { [] } }
    var services: [ServiceView] { if case .success(.services(let v)) = self { v } else { [] } }
    var tasks: [TaskRecord] { if case .success(.tasks(let v)) = self { v } else { [] } }
    var networks: [NetworkView] { if case .success(.networks(let v)) = self { v } else { [] } }
    var containers: [ContainerRow] { if case .success(.containers(let v)) = self { v } else { [] } }
    var error: EngineError? { if case .failure(let e) = self { e } else { nil } }
}

extension Array where Element == NetworkView {
    /// The swarm network a reference names among these, in the daemon's order: full ID, name,
    /// unique ID prefix (moby `getNetwork`, as `ClusterStore.resolveNetwork`).
    func resolveSwarmNetwork(_ ref: String) -> NetworkRecord? {
        let records = compactMap(\.record)
        if let n = records.first(where: { $0.id == ref }) ?? records.first(where: { $0.name == ref }) { return n }
        guard !ref.isEmpty else { return nil }
        let matches = records.filter { $0.id.hasPrefix(ref) }
        return matches.count == 1 ? matches[0] : nil
    }
}
