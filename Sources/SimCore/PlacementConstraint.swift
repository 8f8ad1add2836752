// Placement constraints: `--constraint 'node.labels.zone==east'` (swarmkit
// manager/constraint/constraint.go: Parse). The one grammar: the scenario language checks a
// `--constraint` value with it when it parses the command line, the docker CLI keeps the parsed
// value in the service spec, and the scheduler and orchestrators match nodes against it
// (Orchestration's `Scheduler.Constraint`). It lives here, below both, because the scenario
// language may import nothing else.

/// One placement constraint `key op value`, parsed and validated as swarmkit does.
///
/// Keys: `node.id`, `node.hostname`, `node.role`, `node.platform.os`, `node.platform.arch`,
/// `node.labels.<label>`, `engine.labels.<label>`. Key names and prefixes compare
/// case-insensitively; the label name after the prefix is case-sensitive. Values compare
/// case-insensitively and exactly (no globbing). A missing label compares as the empty
/// string, so `==` fails and `!=` holds. Any other key (including `node.ip`: we do not model
/// node addresses) is satisfied by no node.
public struct PlacementConstraint: Hashable, Sendable, CustomStringConvertible {
    /// `==` or `!=`.
    public enum Operator: String, Hashable, Sendable {
        case equal = "=="
        case notEqual = "!="
    }

    /// What a constraint key refers to, decided once when the constraint is made.
    public enum Subject: Hashable, Sendable {
        case nodeID, hostname, role, os, architecture
        case nodeLabel(String), engineLabel(String)
        case unsupported
    }

    public let key: String
    public let op: Operator
    public let value: String
    public let subject: Subject

    /// A constraint from its parts, unvalidated (`parse` validates).
    public init(key: String, op: Operator, value: String) {
        self.key = key
        self.op = op
        self.value = value
        self.subject = Self.subject(of: key)
    }

    public var description: String { key + op.rawValue + value }

    // MARK: Parsing

    /// Parses one expression such as `node.role == manager`.
    ///
    /// As swarmkit: the first operator found in the order `==`, `!=` splits the text at its
    /// first occurrence; both sides are trimmed; the key must match
    /// `^(?i)[a-z_][a-z0-9\-_.]+$` and the value `^(?i)[a-z0-9:\-_\s\.\*\(\)\?\+\[\]\\\^\$\|\/]+$`.
    public static func parse(_ text: String) throws(PlacementConstraintError) -> PlacementConstraint {
        let bytes = Array(text.utf8)
        for op in [Operator.equal, .notEqual] {
            let first = op == .equal ? UInt8(ascii: "=") : UInt8(ascii: "!")
            guard let at = firstIndex(of: (first, UInt8(ascii: "=")), in: bytes) else { continue }
            let key = trimmingSpace(String(decoding: bytes[..<at], as: UTF8.self))
            guard isValidKey(key) else { throw .invalidKey(key) }
            let value = trimmingSpace(String(decoding: bytes[(at + 2)...], as: UTF8.self))
            guard isValidValue(value) else { throw .invalidValue(value) }
            return PlacementConstraint(key: key, op: op, value: value)
        }
        throw .missingOperator
    }

    /// Parses every expression, stopping at the first error (swarmkit `Parse`).
    public static func parse(all texts: [String]) throws(PlacementConstraintError) -> [PlacementConstraint] {
        var result: [PlacementConstraint] = []
        for text in texts { result.append(try parse(text)) }
        return result
    }

    // MARK: Helpers

    public static let nodeLabelPrefix = Array("node.labels.".utf8)
    public static let engineLabelPrefix = Array("engine.labels.".utf8)

    public static func subject(of key: String) -> Subject {
        if equalFold(key, "node.id") { return .nodeID }
        if equalFold(key, "node.hostname") { return .hostname }
        if equalFold(key, "node.role") { return .role }
        if equalFold(key, "node.platform.os") { return .os }
        if equalFold(key, "node.platform.arch") { return .architecture }
        if let label = labelName(key, prefix: nodeLabelPrefix) { return .nodeLabel(label) }
        if let label = labelName(key, prefix: engineLabelPrefix) { return .engineLabel(label) }
        return .unsupported
    }

    /// The rest of `key` after `prefix` (compared ASCII-case-insensitively), when something
    /// follows it.
    public static func labelName(_ key: String, prefix: [UInt8]) -> String? {
        let bytes = Array(key.utf8)
        guard bytes.count > prefix.count else { return nil }
        for i in prefix.indices where asciiLower(bytes[i]) != prefix[i] { return nil }
        return String(decoding: bytes[prefix.count...], as: UTF8.self)
    }

    static func firstIndex(of pair: (UInt8, UInt8), in bytes: [UInt8]) -> Int? {
        guard bytes.count >= 2 else { return nil }
        for i in 0..<(bytes.count - 1) where bytes[i] == pair.0 && bytes[i + 1] == pair.1 { return i }
        return nil
    }

    /// Go's `strings.TrimSpace`: drops leading and trailing Unicode white space.
    public static func trimmingSpace(_ s: String) -> String {
        let scalars = s.unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        guard let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[start...last])
    }

    /// Letters under Go's `(?i)`: ASCII, plus the two non-ASCII scalars that case-fold onto
    /// ASCII letters (U+017F ſ ~ s, U+212A Kelvin sign ~ k).
    static func isFoldedLetter(_ c: Unicode.Scalar) -> Bool {
        (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || c == "\u{017F}" || c == "\u{212A}"
    }

    static func isValidKey(_ key: String) -> Bool {
        var count = 0
        for c in key.unicodeScalars {
            let ok = isFoldedLetter(c) || c == "_" || (count > 0 && ((c >= "0" && c <= "9") || c == "-" || c == "."))
            if !ok { return false }
            count += 1
        }
        return count >= 2
    }

    static func isValidValue(_ value: String) -> Bool {
        if value.isEmpty { return false }
        for c in value.unicodeScalars {
            if isFoldedLetter(c) || (c >= "0" && c <= "9") { continue }
            switch c {
            case ":", "-", "_", "\t", "\n", "\u{0C}", "\r", " ", ".", "*", "(", ")", "?", "+", "[", "]", "\\",
                "^", "$", "|", "/":
                continue
            default:
                return false
            }
        }
        return true
    }

    public static func asciiLower(_ b: UInt8) -> UInt8 { b >= 65 && b <= 90 ? b | 0x20 : b }

    /// Go's `strings.EqualFold`: equal under simple Unicode case folding. ASCII compares
    /// bytewise; other scalars compare by lower(upper(scalar)).
    public static func equalFold(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        var ai = a.unicodeScalars.makeIterator()
        var bi = b.unicodeScalars.makeIterator()
        while true {
            switch (ai.next(), bi.next()) {
            case (nil, nil): return true
            case (nil, _), (_, nil): return false
            case let (x?, y?):
                if x == y { continue }
                if x.isASCII && y.isASCII {
                    if asciiLower(UInt8(x.value)) != asciiLower(UInt8(y.value)) { return false }
                    continue
                }
                if fold(x) != fold(y) { return false }
            }
        }
    }

    static func fold(_ c: Unicode.Scalar) -> Unicode.Scalar {
        let upper = c.properties.uppercaseMapping.unicodeScalars
        guard upper.count == 1, let u = upper.first else { return c }
        let lower = u.properties.lowercaseMapping.unicodeScalars
        guard lower.count == 1, let l = lower.first else { return u }
        return l
    }
}
