import Orchestration

/// Tests shared by the tables, each as swarmkit's or moby's helper does it.
enum FilterMatch {
    /// swarmkit `filterContainsPrefix`: the text starts with one of the values.
    static func prefix(_ text: String, _ values: [String]) -> Bool { values.contains { text.hasPrefix($0) } }

    /// swarmkit `filterContains`: the text is one of the values.
    static func exact(_ text: String, _ values: [String]) -> Bool { values.contains(text) }

    /// swarmkit `filterMatchLabels` (moby `MatchKVList`): every `key` or `key=value` given is
    /// among the labels.
    static func labels(_ labels: Labels, _ values: [String]) -> Bool {
        values.allSatisfy { v in
            let parts = v.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let have = labels[String(parts[0])] else { return false }
            return parts.count == 1 || have == String(parts[1])
        }
    }

    /// A value that must name one of `allowed`, case aside (swarmkit's enum names), else the
    /// daemon's `Invalid <what> filter: 'x'`.
    static func oneOf(_ allowed: [String], _ what: String) -> @Sendable (String) -> EngineError? {
        { v in v.isEmpty || allowed.contains(v.lowercased()) ? nil : EngineError("Invalid \(what) filter: '\(v)'") }
    }
}
