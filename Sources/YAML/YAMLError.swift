/// A problem in a YAML file, at a line and column.
///
/// Renders like a compiler's message: `docker-compose.yml:12:7: error: found unknown escape
/// character 'q'`.
public struct YAMLError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var location: YAML.Mark
    public var message: String

    public init(file: String, at location: YAML.Mark, _ message: String) {
        self.file = file
        self.location = location
        self.message = message
    }

    public var line: Int { location.line }
    public var column: Int { location.column }

    public var description: String { "\(file):\(location.line):\(location.column): error: \(message)" }
}

extension Unicode.Scalar {
    /// The scalar as a message shows it: itself in single quotes when printable, else U+XXXX.
    var quotedForMessage: String {
        if value == 0 { return "end of file" }
        if value < 0x20 || (0x7F...0x9F).contains(value) || value == 0xFEFF {
            let hex = String(value, radix: 16, uppercase: true)
            return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        }
        return "'\(self)'"
    }
}

extension String {
    /// The string as a message quotes it: at most 40 scalars, line breaks and tabs escaped,
    /// other control characters shown as U+FFFD, so a message stays on one line.
    var forMessage: String {
        var out = ""
        for s in unicodeScalars.prefix(40) {
            switch s {
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default: out.unicodeScalars.append(s.value < 0x20 || (0x7F...0x9F).contains(s.value) ? "\u{FFFD}" : s)
            }
        }
        return unicodeScalars.count > 40 ? out + "…" : out
    }
}
