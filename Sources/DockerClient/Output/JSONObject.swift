import SimCore
import Orchestration

/// A tiny JSON object writer with docker's 4-space indentation and the caller's key order.
struct JSONObject {
    let indent: Int
    private var fields: [String] = []
    init(indent: Int) { self.indent = indent }

    mutating func string(_ key: String, _ value: String) { fields.append("\(TraceLine.quoted(key)): \(TraceLine.quoted(value))") }
    mutating func raw(_ key: String, _ json: String) { fields.append("\(TraceLine.quoted(key)): \(json)") }

    var text: String {
        let pad = String(repeating: "    ", count: indent + 1)
        let close = String(repeating: "    ", count: indent)
        return fields.isEmpty ? "{}" : "{\n" + fields.map { pad + $0 }.joined(separator: ",\n") + "\n" + close + "}"
    }

    static func map(_ labels: Labels, indent: Int) -> String {
        var o = JSONObject(indent: indent)
        for (k, v) in labels { o.string(k, v) }
        return o.text
    }
}
