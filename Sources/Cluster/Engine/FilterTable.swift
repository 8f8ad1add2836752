import Orchestration

/// The filters the daemon accepts for one kind of record, each with its test: one table per
/// kind, in a file of its own (moby daemon/cluster/filters.go, daemon/network/filter.go).
///
/// A table answers a list call in two steps, as the daemon does: `validate` refuses a key it
/// does not know (`invalid filter 'x'`, moby `filters.Args.Validate`) or a value a key cannot
/// take; `select` keeps the records every given key lets through.
struct FilterTable<Record>: Sendable {
    struct Key: Sendable {
        var name: String
        /// The daemon's error for a value this key cannot take, if it checks values.
        var check: @Sendable (String) -> EngineError? = { _ in nil }
        /// Whether a record matches one of the key's values (the values are alternatives).
        var matches: @Sendable (Record, [String]) -> Bool
    }

    var keys: [Key]

    /// The daemon's error for the first key or value it refuses, in the order given.
    func validate(_ filters: EngineFilters) -> EngineError? {
        for entry in filters.entries {
            guard let key = keys.first(where: { $0.name == entry.key }) else { return .invalidFilter(entry.key) }
            for value in entry.values { if let error = key.check(value) { return error } }
        }
        return nil
    }

    /// The records every given key lets through, in their order. O(records × keys).
    func select(_ records: [Record], _ filters: EngineFilters) -> [Record] {
        guard !filters.isEmpty else { return records }
        let tests = filters.entries.compactMap { entry in keys.first { $0.name == entry.key }.map { (entry.values, $0.matches) } }
        return records.filter { r in tests.allSatisfy { values, matches in matches(r, values) } }
    }

    /// The answer to a list call: the daemon's error, or the records the filters keep.
    func answer(_ records: [Record], _ filters: EngineFilters) -> Result<[Record], EngineError> {
        if let error = validate(filters) { return .failure(error) }
        return .success(select(records, filters))
    }
}

extension EngineError {
    /// moby `filters.invalidFilter`: a key the daemon does not accept for this kind.
    public static func invalidFilter(_ key: String) -> EngineError { EngineError("invalid filter '\(key)'") }
}
