import YAML

/// A compose file docker would refuse, with where and docker's words for why: the same value
/// as a YAML reader's error, so a file's syntax and its model fail alike.
///
/// Renders as `docker-compose.yml:12:7: error: services.web.deploy.replicas must be a integer`
/// (docker's schema messages name the field by its dotted path, and say "a integer").
public typealias ComposeError = YAMLError

/// Reads typed values out of nodes, with docker's schema messages for the wrong type.
struct ComposeValues {
    let file: String

    func fail(_ node: YAML.Node, _ message: String) -> ComposeError {
        ComposeError(file: file, at: node.location, message)
    }

    func string(_ node: YAML.Node, _ path: String) throws(ComposeError) -> String {
        guard case .string(let s)? = node.scalar?.value else { throw fail(node, "\(path) must be a string") }
        return s
    }

    /// A string or a number, as text (ports, environment values, labels).
    func stringOrNumber(_ node: YAML.Node, _ path: String) throws(ComposeError) -> String {
        switch node.scalar?.value {
        case .string(let s)?: return s
        case .int?, .float?: return node.text ?? ""
        default: throw fail(node, "\(path) must be a string or number")
        }
    }

    func int(_ node: YAML.Node, _ path: String) throws(ComposeError) -> Int {
        guard case .int(let i)? = node.scalar?.value else { throw fail(node, "\(path) must be a integer") }
        return i
    }

    /// A whole number ≥ 0, for the fields docker decodes into an unsigned integer (replicas,
    /// parallelism, max_attempts, …): a negative one is refused here, before it reaches a spec.
    func count(_ node: YAML.Node, _ path: String) throws(ComposeError) -> Int {
        let i = try int(node, path)
        guard i >= 0 else { throw fail(node, "\(path) must be greater than or equal to 0") }
        return i
    }

    func number(_ node: YAML.Node, _ path: String) throws(ComposeError) -> Double {
        switch node.scalar?.value {
        case .int(let i)?: return Double(i)
        case .float(let d)?: return d
        default: throw fail(node, "\(path) must be a number")
        }
    }

    func bool(_ node: YAML.Node, _ path: String) throws(ComposeError) -> Bool {
        guard case .bool(let b)? = node.scalar?.value else { throw fail(node, "\(path) must be a boolean") }
        return b
    }

    func list(_ node: YAML.Node, _ path: String) throws(ComposeError) -> [YAML.Node] {
        guard let items = node.sequence else { throw fail(node, "\(path) must be a list") }
        return items
    }

    func strings(_ node: YAML.Node, _ path: String) throws(ComposeError) -> [String] {
        var out: [String] = []
        for (i, item) in try list(node, path).enumerated() { out.append(try string(item, "\(path).\(i)")) }
        return out
    }

    /// Entries of a mapping, keys as strings, after checking each key is one of `allowed`
    /// (or an `x-` extension when `extensions`).
    func mapping(_ node: YAML.Node, _ path: String, allowed: [String]? = nil,
                 extensions: Bool = true) throws(ComposeError) -> [(key: String, value: YAML.Node)] {
        guard let pairs = node.mapping else { throw fail(node, "\(path) must be a mapping") }
        var out: [(key: String, value: YAML.Node)] = []
        for pair in pairs {
            let key = pair.key.text ?? ""
            if let allowed, !allowed.contains(key), !(extensions && key.hasPrefix("x-")) {
                throw fail(pair.key, "\(path) Additional property \(key) is not allowed")
            }
            out.append((key, pair.value))
        }
        return out
    }

    /// A string split like a shell line, or a list of strings (`command`, `entrypoint`).
    func command(_ node: YAML.Node, _ path: String) throws(ComposeError) -> [String] {
        if node.sequence != nil { return try strings(node, path) }
        guard case .string(let s)? = node.scalar?.value else { throw fail(node, "\(path) must be a string or list") }
        return Self.shellSplit(s)
    }

    /// A mapping (`KEY: value`) or a list (`KEY=value`, or `KEY` alone for a nil value).
    func listOrDict(_ node: YAML.Node, _ path: String) throws(ComposeError) -> [(key: String, value: String?)] {
        if let items = node.sequence {
            var out: [(key: String, value: String?)] = []
            for (i, item) in items.enumerated() {
                let entry = try stringOrNumber(item, "\(path).\(i)")
                if let eq = entry.firstIndex(of: "=") {
                    out.append((String(entry[..<eq]), String(entry[entry.index(after: eq)...])))
                } else {
                    out.append((entry, nil))
                }
            }
            return out
        }
        guard node.mapping != nil else { throw fail(node, "\(path) must be a mapping or list") }
        var out: [(key: String, value: String?)] = []
        for (key, value) in try mapping(node, path) {
            if value.isNull { out.append((key, nil)); continue }
            if case .bool? = value.scalar?.value { out.append((key, value.text)); continue }
            out.append((key, try stringOrNumber(value, "\(path).\(key)")))
        }
        return out
    }

    /// Splits on spaces outside quotes; quotes are removed, as a POSIX shell would.
    static func shellSplit(_ s: String) -> [String] {
        var words: [String] = [], word = "", quote: Character?, inWord = false
        for c in s {
            if let q = quote {
                if c == q { quote = nil } else { word.append(c) }
            } else if c == "'" || c == "\"" {
                quote = c
                inWord = true
            } else if c == " " || c == "\t" || c == "\n" {
                if inWord { words.append(word); word = ""; inWord = false }
            } else {
                word.append(c)
                inWord = true
            }
        }
        if inWord { words.append(word) }
        return words
    }
}
