// MARK: - Block and flow collections

extension YAMLParser {
    typealias Pair = YAML.Node.Pair

    mutating func blockSequence(depth: Int) throws(YAMLError) -> [Node] {
        p += 1
        var items: [Node] = []
        while true {
            switch token.kind {
            case .blockEntry:
                p += 1
                items.append(at(.blockEntry, .blockEnd)
                    ? empty(at: lastEnd)
                    : try parseNode(block: true, indentless: false, depth: depth + 1))
            case .blockEnd:
                p += 1
                return items
            case .blockMappingStart:
                throw error("bad indentation of a mapping entry", at: token.start)
            default:
                throw error("expected a sequence entry '-', found \(token.described)", at: token.start)
            }
        }
    }

    /// A sequence whose `-` entries sit at the indentation of the mapping key it belongs to.
    mutating func indentlessSequence(depth: Int) throws(YAMLError) -> [Node] {
        var items: [Node] = []
        while at(.blockEntry) {
            p += 1
            items.append(at(.blockEntry, .key, .value, .blockEnd)
                ? empty(at: lastEnd)
                : try parseNode(block: true, indentless: false, depth: depth + 1))
        }
        return items
    }

    mutating func blockMapping(depth: Int) throws(YAMLError) -> [Pair] {
        p += 1
        var pairs: [Pair] = []
        while true {
            let key: Node
            switch token.kind {
            case .key:
                p += 1
                key = at(.key, .value, .blockEnd)
                    ? empty(at: lastEnd)
                    : try parseNode(block: true, indentless: true, depth: depth + 1)
            case .value:
                key = empty(at: token.start)
            case .blockEnd:
                p += 1
                return pairs
            case .blockMappingStart, .blockSequenceStart:
                throw error("bad indentation of a \(at(.blockMappingStart) ? "mapping" : "sequence") entry", at: token.start)
            default:
                throw error("expected a mapping key, found \(token.described)", at: token.start)
            }
            var value = empty(at: lastEnd)
            if at(.value) {
                p += 1
                if !at(.key, .value, .blockEnd) {
                    value = try parseNode(block: true, indentless: true, depth: depth + 1)
                } else {
                    value = empty(at: lastEnd)
                }
            }
            pairs.append(Pair(key: key, value: value))
        }
    }

    mutating func flowSequence(depth: Int) throws(YAMLError) -> [Node] {
        p += 1
        var items: [Node] = []
        while !at(.flowSequenceEnd) {
            if !items.isEmpty {
                guard at(.flowEntry) else {
                    throw error("expected ',' or ']', found \(token.described)", at: token.start)
                }
                p += 1
                if at(.flowSequenceEnd) { break }
            }
            if at(.key) {
                // `[a: b]`: a mapping of one entry.
                let start = token.start
                try reach(depth + 1, at: start)
                let pair = try flowPair(depth: depth + 1, end: .flowSequenceEnd)
                try count(1, at: start)
                items.append(try makeMapping([pair], at: start, tag: nil, anchor: nil))
            } else {
                items.append(try parseNode(block: false, indentless: false, depth: depth + 1))
            }
        }
        p += 1
        return items
    }

    mutating func flowMapping(depth: Int) throws(YAMLError) -> [Pair] {
        p += 1
        var pairs: [Pair] = []
        while !at(.flowMappingEnd) {
            if !pairs.isEmpty {
                guard at(.flowEntry) else {
                    throw error("expected ',' or '}', found \(token.described)", at: token.start)
                }
                p += 1
                if at(.flowMappingEnd) { break }
            }
            pairs.append(try flowPair(depth: depth, end: .flowMappingEnd))
        }
        p += 1
        return pairs
    }

    /// One `key: value` of a flow collection: `? k : v`, `k: v`, `: v` or `k` alone.
    mutating func flowPair(depth: Int, end: YAMLToken.Kind) throws(YAMLError) -> Pair {
        let key: Node
        if at(.key) {
            p += 1
            key = at(.value, .flowEntry, end)
                ? empty(at: lastEnd)
                : try parseNode(block: false, indentless: false, depth: depth + 1)
        } else if at(.value) {
            key = empty(at: token.start)
        } else {
            key = try parseNode(block: false, indentless: false, depth: depth + 1)
        }
        var value = empty(at: lastEnd)
        if at(.value) {
            p += 1
            value = at(.flowEntry, end)
                ? empty(at: lastEnd)
                : try parseNode(block: false, indentless: false, depth: depth + 1)
        }
        return Pair(key: key, value: value)
    }
}
