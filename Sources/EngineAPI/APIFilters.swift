import SimCore
import Orchestration
import Cluster
import Experiments

/// The `filters` query parameter (moby `api/types/filters`): a JSON object of key → values,
/// `{"name":{"web":true}}` or the old form `{"name":["web"]}`. Values of one key are
/// alternatives; keys must all match.
struct APIFilters {
    var entries: [(key: String, values: [String])] = []

    static func parse(_ text: String?) throws(APIError) -> APIFilters {
        guard let text, !text.isEmpty else { return APIFilters() }
        guard let json = try? JSONParser.parse(Array(text.utf8)), case .object(let members) = json else {
            throw APIError(400, "invalid filter: \(text)")
        }
        var f = APIFilters()
        for m in members {
            switch m.value {
            case .object(let set): f.entries.append((m.key, set.filter { $0.value == .bool(true) }.map(\.key)))
            case .array(let items): f.entries.append((m.key, items.compactMap(\.string)))
            default: throw APIError(400, "invalid filter: \(text)")
            }
        }
        return f
    }

    func values(_ key: String) -> [String]? { entries.first(where: { $0.key == key })?.values }

    /// moby `Validate`: a key the endpoint does not know is a 400.
    func validate(_ accepted: [String]) throws(APIError) {
        for e in entries where !accepted.contains(e.key) { throw APIError(400, "invalid filter '\(e.key)'") }
    }

    /// True if `key` is absent, or one of its values satisfies `test`.
    func match(_ key: String, _ test: (String) -> Bool) -> Bool {
        guard let vs = values(key) else { return true }
        return vs.contains(where: test)
    }

    /// `label=key` or `label=key=value` against `labels`.
    func matchLabels(_ labels: Labels, key: String = "label") -> Bool {
        guard let vs = values(key) else { return true }
        return vs.allSatisfy { v in
            let kv = v.split(separator: "=", maxSplits: 1).map(String.init)
            guard let k = kv.first, let have = labels[k] else { return false }
            return kv.count == 1 || have == kv[1]
        }
    }

    // MARK: By kind (swarmkit's list filters as moby passes them)

    static let nodeKeys = ["id", "label", "name", "node.label", "membership", "role"]
    static let serviceKeys = ["id", "label", "mode", "name"]
    static let taskKeys = ["_up-to-date", "desired-state", "id", "label", "name", "node", "service"]
    static let networkKeys = ["dangling", "driver", "id", "label", "name", "scope", "type"]

    func accepts(_ n: NodeRecord) -> Bool {
        match("id") { n.id.hasPrefix($0) } && match("name") { n.hostname.hasPrefix($0) }
            && match("role") { $0 == n.role.rawValue } && match("membership") { $0 == "accepted" }
            && matchLabels(n.engineLabels) && matchLabels(n.labels, key: "node.label")
    }

    func accepts(_ s: ServiceRecord) -> Bool {
        match("id") { s.id.hasPrefix($0) } && match("name") { s.spec.name.hasPrefix($0) }
            && match("mode") { $0 == s.spec.mode.name } && matchLabels(s.spec.labels)
    }

    /// Task filters; `service` and `node` name services and nodes by ID, name or ID prefix, as
    /// moby resolves them before asking swarmkit.
    func accepts(_ t: TaskRecord, in store: ClusterStore) -> Bool {
        match("id") { t.id.hasPrefix($0) } && match("name") { t.name.hasPrefix($0) }
            && match("desired-state") { $0 == t.desiredState.name }
            && match("service") { store.resolveService($0)?.id == t.serviceID }
            && match("node") { ref in t.nodeID != nil && store.resolveNode(ref)?.id == t.nodeID }
            && match("_up-to-date") { _ in store.service(id: t.serviceID).map { $0.specVersion == t.specVersion } ?? false }
    }
}
