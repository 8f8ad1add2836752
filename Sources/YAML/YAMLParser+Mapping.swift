// MARK: - Mappings: duplicate keys and merge keys

extension YAMLParser {
    /// A mapping node from its entries in file order, with `<<` merge keys applied.
    ///
    /// A key given twice is an error (docker's loader refuses it too). A merge key takes a
    /// mapping or a sequence of mappings; their entries join this mapping where the `<<` stood,
    /// except keys this mapping gives itself, and, among the merged mappings, keys an earlier
    /// one already gave (YAML's merge key type, yaml.org/type/merge.html).
    func makeMapping(_ pairs: [Pair], at location: YAML.Mark, tag: String?, anchor: String?) throws(YAMLError) -> Node {
        var explicit: [String: YAML.Mark] = [:]
        var hasMerge = false
        for pair in pairs {
            if Self.isMergeKey(pair.key) { hasMerge = true; continue }
            guard let id = Self.identity(pair.key) else { continue }
            if let first = explicit[id] {
                throw error("mapping key \"\((pair.key.text ?? "").forMessage)\" already defined at line \(first.line)",
                            at: pair.key.location)
            }
            explicit[id] = pair.key.location
        }
        guard hasMerge else { return Node(.mapping(pairs), at: location, tag: tag, anchor: anchor) }
        var merged: [String: Bool] = [:]
        var result: [Pair] = []
        for pair in pairs {
            guard Self.isMergeKey(pair.key) else {
                result.append(pair)
                continue
            }
            for source in try mergeSources(pair.value) {
                for entry in source {
                    if let id = Self.identity(entry.key) {
                        if explicit[id] != nil || merged[id] != nil { continue }
                        merged[id] = true
                    }
                    result.append(entry)
                }
            }
        }
        return Node(.mapping(result), at: location, tag: tag, anchor: anchor)
    }

    func mergeSources(_ value: Node) throws(YAMLError) -> [[Pair]] {
        if let pairs = value.mapping { return [pairs] }
        guard let items = value.sequence else {
            throw error("a merge key '<<' takes a mapping or a sequence of mappings, found \(value.kindName)",
                        at: value.location)
        }
        var sources: [[Pair]] = []
        for item in items {
            guard let pairs = item.mapping else {
                throw error("a merge key '<<' takes a mapping or a sequence of mappings, found \(item.kindName) in the sequence",
                            at: item.location)
            }
            sources.append(pairs)
        }
        return sources
    }

    static func isMergeKey(_ key: Node) -> Bool {
        guard let s = key.scalar, s.text == "<<" else { return false }
        return (s.style == .plain && s.tag == nil) || s.tag == "tag:yaml.org,2002:merge"
    }

    /// What makes two scalar keys the same key: their resolved value. Nil for a collection
    /// key, which is never compared.
    static func identity(_ key: Node) -> String? {
        guard let s = key.scalar else { return nil }
        switch s.value {
        case .null: return "null"
        case .bool(let b): return "bool:\(b)"
        case .int(let i): return "int:\(i)"
        case .float(let d): return "float:\(d)"
        case .string(let t): return "str:" + t
        }
    }
}
