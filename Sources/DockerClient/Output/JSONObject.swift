import SimCore
import Orchestration

/// A JSON object built in the caller's key order and laid out by the one JSON writer
/// (`JSONValue.indented`) with docker's 4-space indentation, `indent` levels deep.
struct JSONObject {
    let indent: Int
    private var members: [JSONValue.Member] = []
    init(indent: Int) { self.indent = indent }

    mutating func string(_ key: String, _ value: String) { members.append(.init(key, .string(value))) }
    /// A member whose value is already JSON (a nested object or array laid out by this writer).
    mutating func raw(_ key: String, _ json: String) { members.append(.init(key, .fragment(json))) }

    var text: String { JSONValue.object(members).indented(depth: indent) }

    static func map(_ labels: Labels, indent: Int) -> String {
        var o = JSONObject(indent: indent)
        for (k, v) in labels { o.string(k, v) }
        return o.text
    }
}
