import SimCore
import Cluster

/// The `filters` query parameter (moby `api/types/filters`): a JSON object of key → values,
/// `{"name":{"web":true}}` or the old form `{"name":["web"]}`, read into the engine's
/// `EngineFilters` in the order given. Which keys a list accepts and what they match is the
/// engine's business (its filter tables, `Cluster/Engine/*Filters.swift`), as it is the daemon's.
enum APIFilters {
    static func parse(_ text: String?) throws(APIError) -> EngineFilters {
        var filters = EngineFilters()
        guard let text, !text.isEmpty else { return filters }
        guard let json = try? JSONParser.parse(Array(text.utf8)), case .object(let members) = json else {
            throw APIError(400, "invalid filter: \(text)")
        }
        for m in members {
            let values: [String]
            switch m.value {
            case .object(let set): values = set.filter { $0.value == .bool(true) }.map(\.key)
            case .array(let items): values = items.compactMap(\.string)
            default: throw APIError(400, "invalid filter: \(text)")
            }
            // A key with no values restricts nothing; the engine sees only keys with values.
            for v in values { filters.add(m.key, v) }
        }
        return filters
    }
}
