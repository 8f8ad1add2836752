import YAML

/// Variable substitution in compose values, as docker does it before validating the file:
/// `$VAR`, `${VAR}`, `${VAR:-default}` (default when unset or empty), `${VAR-default}` (when
/// unset), `${VAR:?message}` and `${VAR?message}` (an error when unset or empty / unset), and
/// `$$` for a literal `$`. Keys are not substituted. A plain scalar stays plain, so
/// `replicas: ${N}` with `N=3` is the integer 3, as docker casts it.
struct ComposeInterpolation {
    let file: String
    /// Looked up by name only.
    let environment: [String: String]
    /// Names used but not set, in first-use order.
    var unset: [String] = []

    mutating func apply(_ node: YAML.Node, path: String) throws(ComposeError) -> YAML.Node {
        var node = node
        switch node.content {
        case .scalar(var s):
            guard s.text.contains("$") else { return node }
            s.text = try substitute(s.text, path: path, at: node.location)
            node.content = .scalar(s)
        case .sequence(let items):
            var out: [YAML.Node] = []
            for (i, item) in items.enumerated() { out.append(try apply(item, path: "\(path).\(i)")) }
            node.content = .sequence(out)
        case .mapping(let pairs):
            var out: [YAML.Node.Pair] = []
            for pair in pairs {
                let key = pair.key.text ?? ""
                let value = try apply(pair.value, path: path.isEmpty ? key : "\(path).\(key)")
                out.append(YAML.Node.Pair(key: pair.key, value: value))
            }
            node.content = .mapping(out)
        }
        return node
    }

    mutating func substitute(_ text: String, path: String, at location: YAML.Mark) throws(ComposeError) -> String {
        let s = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < s.count {
            guard s[i] == "$", i + 1 < s.count else { out.append(s[i]); i += 1; continue }
            let next = s[i + 1]
            if next == "$" { out.append("$"); i += 2; continue }
            if next == "{" {
                guard let close = s[(i + 2)...].firstIndex(of: "}") else { throw invalid(text, path, location) }
                let body = String(String.UnicodeScalarView(s[(i + 2)..<close]))
                out.append(contentsOf: try expand(body, text: text, path: path, at: location).unicodeScalars)
                i = close + 1
                continue
            }
            var j = i + 1
            while j < s.count && Self.isNameScalar(s[j], first: j == i + 1) { j += 1 }
            if j == i + 1 { throw invalid(text, path, location) }
            out.append(contentsOf: lookup(String(String.UnicodeScalarView(s[(i + 1)..<j]))).unicodeScalars)
            i = j
        }
        return String(out)
    }

    /// The inside of `${…}`: a name, then nothing or one of `:-`, `-`, `:?`, `?`.
    mutating func expand(_ body: String, text: String, path: String, at location: YAML.Mark) throws(ComposeError) -> String {
        let scalars = Array(body.unicodeScalars)
        var n = 0
        while n < scalars.count && Self.isNameScalar(scalars[n], first: n == 0) { n += 1 }
        guard n > 0 else { throw invalid(text, path, location) }
        let name = String(String.UnicodeScalarView(scalars[..<n]))
        let rest = String(String.UnicodeScalarView(scalars[n...]))
        let value = environment[name]
        let emptyOrUnset = value?.isEmpty ?? true
        if rest.isEmpty { return lookup(name) }
        if rest.hasPrefix(":-") { return emptyOrUnset ? String(rest.dropFirst(2)) : value ?? "" }
        if rest.hasPrefix("-") { return value ?? String(rest.dropFirst()) }
        if rest.hasPrefix(":?") || rest.hasPrefix("?") {
            let strict = rest.hasPrefix(":?")
            if (strict && emptyOrUnset) || (!strict && value == nil) {
                let message = String(rest.dropFirst(strict ? 2 : 1))
                throw ComposeError(file: file, at: location, "required variable \(name) is missing a value: \(message)")
            }
            return value ?? ""
        }
        throw invalid(text, path, location)
    }

    mutating func lookup(_ name: String) -> String {
        if let value = environment[name] { return value }
        if !unset.contains(name) { unset.append(name) }
        return ""
    }

    func invalid(_ text: String, _ path: String, _ location: YAML.Mark) -> ComposeError {
        ComposeError(file: file, at: location,
                     "invalid interpolation format for \(path): \"\(text)\"; you may need to escape any $ with another $")
    }

    static func isNameScalar(_ c: Unicode.Scalar, first: Bool) -> Bool {
        switch c {
        case "a"..."z", "A"..."Z", "_": return true
        case "0"..."9": return !first
        default: return false
        }
    }
}
