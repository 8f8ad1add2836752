/// Turns the scanner's tokens into documents of nodes (PyYAML's grammar, composed directly).
///
/// Anchors are resolved per document; an alias copies the node its anchor names, after the
/// node is complete, so an alias inside its own anchor is an unknown anchor, never a cycle.
/// Every node, and every node an alias repeats, counts against `Limits.maxNodes`; the depth an
/// alias reaches counts against `Limits.maxDepth`, so no expanded tree is deeper or larger.
struct YAMLParser {
    /// What an anchor names, with what repeating it costs.
    struct Anchored {
        var node: YAML.Node
        /// Nodes in the anchored tree, aliases expanded.
        var size: Int
        /// Levels in the anchored tree (1 for a scalar).
        var height: Int
    }

    typealias Node = YAML.Node

    let tokens: [YAMLToken]
    let file: String
    let limits: YAML.Limits
    var p = 0
    /// Looked up by name only; never iterated.
    var anchors: [String: Anchored] = [:]
    var nodeCount = 0
    /// The deepest level reached in the node being parsed.
    var deepest = 0

    init(_ tokens: [YAMLToken], file: String, limits: YAML.Limits) {
        self.tokens = tokens
        self.file = file
        self.limits = limits
    }

    var token: YAMLToken { tokens[min(p, tokens.count - 1)] }
    /// Where the previous token ended: where an empty node sits.
    var lastEnd: YAML.Mark { tokens[max(0, min(p, tokens.count) - 1)].end }

    func error(_ message: String, at where: YAML.Mark) -> YAMLError {
        YAMLError(file: file, at: `where`, message)
    }

    func empty(at location: YAML.Mark, tag: String? = nil, anchor: String? = nil) -> Node {
        Node(.scalar(YAML.Scalar("", style: .plain, tag: tag)), at: location, tag: tag, anchor: anchor)
    }

    /// True when the current token is one of those that end an entry.
    func at(_ kinds: YAMLToken.Kind...) -> Bool { kinds.contains(token.kind) }

    // MARK: - Stream and documents

    mutating func parseStream() throws(YAMLError) -> [YAML.Document] {
        p = 1
        var documents: [YAML.Document] = []
        while true {
            while at(.documentEnd) { p += 1 }
            if at(.streamEnd) { return documents }
            let start = token.start
            var sawDirective = false
            while at(.directive) { p += 1; sawDirective = true }
            if at(.documentStart) {
                p += 1
            } else if sawDirective {
                throw error("expected '---' after the directives, found \(token.described)", at: token.start)
            }
            anchors = [:]
            let root = at(.documentStart, .documentEnd, .streamEnd, .directive)
                ? empty(at: lastEnd)
                : try parseNode(block: true, indentless: false, depth: 1)
            guard at(.documentStart, .documentEnd, .streamEnd) else {
                throw error("expected the end of the document, found \(token.described)", at: token.start)
            }
            documents.append(YAML.Document(root: root, start: start))
        }
    }

    // MARK: - Nodes

    mutating func count(_ n: Int, at location: YAML.Mark) throws(YAMLError) {
        nodeCount += n
        if nodeCount > limits.maxNodes {
            throw error("the document has more than \(limits.maxNodes) nodes once aliases are expanded", at: location)
        }
    }

    mutating func reach(_ level: Int, at location: YAML.Mark) throws(YAMLError) {
        if level > limits.maxDepth {
            throw error("nesting is deeper than \(limits.maxDepth) levels", at: location)
        }
        deepest = max(deepest, level)
    }

    mutating func parseNode(block: Bool, indentless: Bool, depth: Int) throws(YAMLError) -> Node {
        if case .alias(let name) = token.kind {
            let location = token.start
            guard let anchored = anchors[name] else {
                throw error("unknown anchor '\(name.forMessage)' referenced", at: location)
            }
            try reach(depth + anchored.height - 1, at: location)
            try count(anchored.size, at: location)
            p += 1
            return anchored.node
        }
        try reach(depth, at: token.start)
        var anchor: String?, tag: String?
        while true {
            if case .anchor(let name) = token.kind, anchor == nil {
                anchor = name
            } else if case .tag(let t) = token.kind, tag == nil {
                tag = t
            } else {
                break
            }
            p += 1
        }
        let before = nodeCount, outerDeepest = deepest
        deepest = depth
        let node = try parseContent(block: block, indentless: indentless, depth: depth, tag: tag, anchor: anchor)
        try count(1, at: node.location)
        if let anchor {
            anchors[anchor] = Anchored(node: node, size: nodeCount - before, height: deepest - depth + 1)
        }
        deepest = max(outerDeepest, deepest)
        return node
    }

    mutating func parseContent(block: Bool, indentless: Bool, depth: Int,
                               tag: String?, anchor: String?) throws(YAMLError) -> Node {
        let start = token.start
        switch token.kind {
        case .scalar(let text, let style):
            p += 1
            return Node(.scalar(YAML.Scalar(text, style: style, tag: tag)), at: start, tag: tag, anchor: anchor)
        case .flowSequenceStart:
            return Node(.sequence(try flowSequence(depth: depth)), at: start, tag: tag, anchor: anchor)
        case .flowMappingStart:
            return try makeMapping(try flowMapping(depth: depth), at: start, tag: tag, anchor: anchor)
        case .blockSequenceStart where block:
            return Node(.sequence(try blockSequence(depth: depth)), at: start, tag: tag, anchor: anchor)
        case .blockMappingStart where block:
            return try makeMapping(try blockMapping(depth: depth), at: start, tag: tag, anchor: anchor)
        case .blockEntry where indentless:
            return Node(.sequence(try indentlessSequence(depth: depth)), at: start, tag: tag, anchor: anchor)
        default:
            if anchor != nil || tag != nil { return empty(at: lastEnd, tag: tag, anchor: anchor) }
            throw error("expected a value, found \(token.described)", at: start)
        }
    }
}
