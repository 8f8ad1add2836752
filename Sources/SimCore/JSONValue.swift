/// A JSON value, small and exact, and the one JSON writer of the program: the experiments'
/// machine-readable output (`rendered`, compact) and docker's inspect output (`indented`, as
/// Go's `json.MarshalIndent` with four spaces lays it out); `JSONParser` reads JSON back (sweep
/// results, Engine API bodies). Trace lines are JSON Lines written by `TraceLine`, which shares
/// the one string escaper (`TraceLine.appendString`).
///
/// Objects keep their keys in order (so output is byte-stable) and numbers keep their text (so a
/// 64-bit seed or a nanosecond count survives a round trip, which a Double would not promise).
public enum JSONValue: Equatable, Sendable {
    case null
    case bool(Bool)
    /// A number as written: `-12`, `0.5`, `1e-05`.
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([Member])
    /// JSON this writer already laid out, placed as it is: a nested object docker's formatter
    /// built on its own, rendered with `indented(depth:)` at the depth it lands at.
    case fragment(String)

    public struct Member: Equatable, Sendable {
        public var key: String
        public var value: JSONValue
        public init(_ key: String, _ value: JSONValue) { self.key = key; self.value = value }
    }

    // MARK: Building

    public static func int<I: BinaryInteger>(_ v: I) -> JSONValue { .number(String(v)) }

    /// A finite Double in Swift's shortest round-trip form; `null` for NaN and infinities.
    public static func double(_ v: Double) -> JSONValue { v.isFinite ? .number(String(v)) : .null }

    public static func optional<T>(_ v: T?, _ make: (T) -> JSONValue) -> JSONValue { v.map(make) ?? .null }

    // MARK: Reading

    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first(where: { $0.key == key })?.value
    }

    public var int64: Int64? { if case .number(let t) = self { Int64(t) } else { nil } }
    public var uint64: UInt64? { if case .number(let t) = self { UInt64(t) } else { nil } }
    public var int: Int? { if case .number(let t) = self { Int(t) } else { nil } }
    public var double: Double? { if case .number(let t) = self { Double(t) } else { nil } }
    public var string: String? { if case .string(let s) = self { s } else { nil } }
    public var array: [JSONValue]? { if case .array(let a) = self { a } else { nil } }
    public var isNull: Bool { self == .null }

    // MARK: Writing

    /// Compact JSON on one line.
    public var rendered: String {
        var out = ""
        write(to: &out)
        return out
    }

    public func write(to out: inout String) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let t): out += t
        case .string(let s): Self.quote(s, into: &out)
        case .array(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                item.write(to: &out)
            }
            out += "]"
        case .object(let members):
            out += "{"
            for (i, m) in members.enumerated() {
                if i > 0 { out += "," }
                Self.quote(m.key, into: &out)
                out += ":"
                m.value.write(to: &out)
            }
            out += "}"
        case .fragment(let text): out += text
        }
    }

    /// The value laid out as Go's `json.MarshalIndent(v, "", "    ")` does, for a value that
    /// stands `depth` levels deep (its closing bracket is indented `depth` times): one member
    /// or item per line, `"key": value`, empty objects and arrays as `{}` and `[]`.
    public func indented(depth: Int) -> String {
        func lines(_ items: [String], _ open: String, _ close: String) -> String {
            if items.isEmpty { return open + close }
            let pad = String(repeating: "    ", count: depth + 1), end = String(repeating: "    ", count: depth)
            return open + "\n" + items.map { pad + $0 }.joined(separator: ",\n") + "\n" + end + close
        }
        switch self {
        case .array(let items): return lines(items.map { $0.indented(depth: depth + 1) }, "[", "]")
        case .object(let members):
            return lines(members.map { TraceLine.quoted($0.key) + ": " + $0.value.indented(depth: depth + 1) }, "{", "}")
        default: return rendered
        }
    }

    /// `s` as a JSON string literal, escaped as every JSON this program writes is
    /// (`TraceLine.appendString`, the one escaper).
    public static func quote(_ s: String, into out: inout String) {
        out += TraceLine.quoted(s)
    }
}
