import Orchestration
import Cluster

/// Secrets and configs as recorded statements: `create` with its data from `printf` on
/// standard input, `rm` by name.
extension RecordedStatement {
    /// `HOST$ printf 'DATA' | docker secret create [--label K=V…] NAME -`; nil for data that is
    /// not UTF-8 text (a scenario's `printf` writes text; docs/serve.md says so).
    static func payloadCreateText(_ kind: PayloadKind, _ spec: PayloadSpec, host: String) -> String? {
        guard let text = String(validating: spec.data, as: UTF8.self) else { return nil }
        var words = [kind.rawValue, "create"]
        for (k, v) in spec.labels { words += ["--label", v.isEmpty ? k : "\(k)=\(v)"] }
        words += [spec.name, "-"]
        return "\(host)$ printf \(quoted(printfFormat(text))) | docker " + words.map(quoted).joined(separator: " ")
    }

    /// `text` as a printf format that writes it back: `\` and `%` doubled, control
    /// characters as escapes (`\n`, `\t`, or three octal digits).
    static func printfFormat(_ text: String) -> String {
        var out = ""
        for c in text.unicodeScalars {
            switch c {
            case "\\": out += "\\\\"
            case "%": out += "%%"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case _ where c.value < 0x20 || c.value == 0x7F:
                let octal = String(c.value, radix: 8)
                out += "\\" + String(repeating: "0", count: 3 - octal.count) + octal
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    static func payloadRemoveWords(_ kind: PayloadKind, _ reference: String, store: ClusterStore?) -> [String] {
        [kind.rawValue, "rm", store?.resolvePayload(kind, reference)?.spec.name ?? reference]
    }
}
