// MARK: - Diagnostic

/// A problem found in a scenario file, with where it is and what to do about it.
///
/// Renders like a compiler's message: the position and message, the source line with a caret
/// under the offending span, any extra notes (docker's own "See 'docker … --help'." lines), and
/// a hint:
/// ```
/// Scenarios/x.swarm:7:1: error: unknown statement 'partiton'
/// partiton m1 | m2
/// ^~~~~~~~
/// hint: did you mean 'partition'?
/// ```
public struct Diagnostic: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Severity: String, Equatable, Sendable {
        case error, warning, note
    }

    public var severity: Severity
    /// Where the offending span starts.
    public var location: SourceLocation
    /// How many columns the caret run covers (at least 1).
    public var length: Int
    public var message: String
    /// Further lines printed under the caret, before the hint.
    public var notes: [String]
    /// What to do about it, usually "did you mean …?".
    public var hint: String?
    /// The text of the offending line, for the caret display; nil to print no source line.
    public var sourceLine: String?

    public init(
        _ severity: Severity = .error, at location: SourceLocation, length: Int = 1,
        _ message: String, notes: [String] = [], hint: String? = nil, sourceLine: String? = nil
    ) {
        self.severity = severity
        self.location = location
        self.length = max(1, length)
        self.message = message
        self.notes = notes
        self.hint = hint
        self.sourceLine = sourceLine
    }

    /// A diagnostic that points at a whole word.
    package init(at word: Word, _ message: String, notes: [String] = [], hint: String? = nil) {
        self.init(at: word.location, length: word.length, message, notes: notes, hint: hint)
    }

    // MARK: Rendering

    /// The multi-line rendering shown to people (no trailing newline).
    public var rendered: String {
        var lines = ["\(location): \(severity.rawValue): \(message)"]
        if let sourceLine {
            let (shown, caret) = Self.window(sourceLine, column: location.column, length: length)
            lines.append(shown)
            lines.append(caret)
        }
        lines += notes
        if let hint { lines.append("hint: \(hint)") }
        return lines.joined(separator: "\n")
    }

    public var description: String { rendered }

    /// Lines longer than this many scalars are shown as a window around the caret.
    static let maxShownColumns = 160

    /// `s`, or U+FFFD for a control character other than tab.
    static func visible(_ s: Unicode.Scalar) -> Unicode.Scalar {
        (s.value < 0x20 && s != "\t") || (0x7F...0x9F).contains(s.value) ? "\u{FFFD}" : s
    }

    /// The source line as shown (control characters made visible, long lines cut to a window
    /// around the caret) and the caret line under it. Tabs before the caret are kept as tabs so
    /// the caret lines up in any terminal; wide characters (Hangul, CJK) take two columns of caret
    /// line, as they do on the terminal.
    static func window(_ line: String, column: Int, length: Int) -> (String, String) {
        var scalars = Array(line.unicodeScalars).map(visible)
        var start = max(0, column - 1)
        var width = max(1, length)
        var prefix = "", suffix = ""
        if scalars.count > maxShownColumns {
            let from = max(0, min(start - 40, scalars.count - maxShownColumns))
            let to = min(scalars.count, from + maxShownColumns)
            prefix = from > 0 ? "…" : ""
            suffix = to < scalars.count ? "…" : ""
            scalars = Array(scalars[from..<to])
            start = start - from + (prefix.isEmpty ? 0 : 1)
            width = min(width, max(1, scalars.count + (prefix.isEmpty ? 0 : 1) - start))
        }
        let shown = prefix + String(String.UnicodeScalarView(scalars)) + suffix
        let shownScalars = Array(shown.unicodeScalars)
        var caret = ""
        for i in 0..<start {
            guard i < shownScalars.count else { caret += " "; continue }
            caret += shownScalars[i] == "\t" ? "\t" : String(repeating: " ", count: TerminalColumns.width(of: shownScalars[i]))
        }
        let under = shownScalars.dropFirst(start).prefix(width)
        let columns = max(1, width - under.count + under.reduce(0) { $0 + TerminalColumns.width(of: $1) })
        caret += "^" + String(repeating: "~", count: columns - 1)
        return (shown, caret)
    }
}

// MARK: - Quoting helpers

extension String {
    /// The string in single quotes for a message, cut short if it is long.
    package var quotedForMessage: String { "'\(shortenedForMessage)'" }

    /// The string cut to 40 scalars with an ellipsis, so a huge word never floods a message,
    /// with control characters shown as U+FFFD so a message cannot drive the terminal.
    package var shortenedForMessage: String {
        let safe = unicodeScalars.prefix(40).map(Diagnostic.visible)
        return String(String.UnicodeScalarView(safe)) + (unicodeScalars.count > 40 ? "…" : "")
    }

    /// Go's `%q` quoting, as docker prints values in its messages: double quotes, with `"` and
    /// `\` escaped (long values are cut short).
    package var goQuoted: String {
        var out = "\""
        for c in shortenedForMessage.unicodeScalars {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default: out.unicodeScalars.append(c)
            }
        }
        return out + "\""
    }
}
