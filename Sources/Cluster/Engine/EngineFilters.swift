/// The `filters` of a list call (moby `filters.Args`): keys, each with the values given for
/// it, in the order the user gave them. Values of one key are alternatives; keys must all
/// match. The order is kept so that the first bad key is the one the error names, on every
/// run (moby walks a Go map and may name any).
public struct EngineFilters: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var key: String
        public var values: [String]
    }

    public private(set) var entries: [Entry] = []

    public init() {}

    public init(_ pairs: [(String, String)]) {
        for (k, v) in pairs { add(k, v) }
    }

    public mutating func add(_ key: String, _ value: String) {
        if let i = entries.firstIndex(where: { $0.key == key }) {
            if !entries[i].values.contains(value) { entries[i].values.append(value) }
        } else {
            entries.append(Entry(key: key, values: [value]))
        }
    }

    /// The values given for `key`; empty when the key is absent.
    public func values(_ key: String) -> [String] { entries.first { $0.key == key }?.values ?? [] }

    public func contains(_ key: String) -> Bool { entries.contains { $0.key == key } }

    public var isEmpty: Bool { entries.isEmpty }

    /// The same filters with `key`'s values replaced (moby's filter transforms: a service
    /// name in a task filter becomes the service's ID).
    func replacing(_ key: String, with values: [String]) -> EngineFilters {
        var copy = self
        if let i = copy.entries.firstIndex(where: { $0.key == key }) { copy.entries[i].values = values }
        return copy
    }
}
