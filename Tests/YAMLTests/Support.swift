import Testing
import YAML

/// A compact rendering of a node tree with every location, so a test states a whole tree and
/// its positions in one string: `{a@1:1: [x@1:5]@1:4}@1:1`. Scalars show their style: `x`
/// plain, `'x'` single-quoted, `"x"` double-quoted, `|x|` literal, `>x>` folded; line breaks
/// and tabs appear as `\n` and `\t`.
func dump(_ node: YAML.Node) -> String {
    let at = "@\(node.location)"
    switch node.content {
    case .scalar(let s):
        let t = s.text.replacingAll("\n", "\\n").replacingAll("\t", "\\t")
        switch s.style {
        case .plain: return t + at
        case .singleQuoted: return "'\(t)'" + at
        case .doubleQuoted: return "\"\(t)\"" + at
        case .literal: return "|\(t)|" + at
        case .folded: return ">\(t)>" + at
        }
    case .sequence(let items):
        return "[" + items.map(dump).joined(separator: ", ") + "]" + at
    case .mapping(let pairs):
        return "{" + pairs.map { dump($0.key) + ": " + dump($0.value) }.joined(separator: ", ") + "}" + at
    }
}

extension String {
    func replacingAll(_ a: String, _ b: String) -> String {
        split(separator: a, omittingEmptySubsequences: false).joined(separator: b)
    }
}

/// The single document of `text`, dumped.
func read(_ text: String) throws -> String {
    let docs = try YAML.read(text, file: "t.yml")
    return docs.map { dump($0.root) }.joined(separator: " --- ")
}

/// The error `text` gives, rendered; "no error" when it reads.
func failure(_ text: String, limits: YAML.Limits = YAML.Limits()) -> String {
    do {
        _ = try YAML.read(text, file: "docker-compose.yml", limits: limits)
        return "no error"
    } catch {
        return error.description
    }
}

/// The root of the single document of `text`.
func root(_ text: String) throws -> YAML.Node {
    try #require(try YAML.readSingle(text, file: "t.yml"))
}
