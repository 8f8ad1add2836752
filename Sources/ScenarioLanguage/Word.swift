/// One shell-style word of a statement, after quotes and escapes are removed, with the
/// variable references it holds kept for the runner to expand.
///
/// `--token $WORKER_TOKEN` is two words; the second has `parts == [.variable("WORKER_TOKEN")]`
/// and `text == "$WORKER_TOKEN"`. Inside single quotes `$` is literal: `'$X'` has
/// `parts == [.literal("$X")]`.
public struct Word: Equatable, Sendable, CustomStringConvertible {
    public enum Part: Equatable, Sendable {
        /// Text taken as is.
        case literal(String)
        /// A `$NAME` or `${NAME}` reference, by name.
        case variable(String)
    }

    /// The literal parts and each variable as spelled (`$NAME` or `${NAME}`): the word as
    /// people read it. Use `parts` (or `expanded(_:)`) when variables matter.
    public var text: String
    public var parts: [Part]
    /// Where the word starts in the source (its first character, a quote included).
    public var location: SourceLocation
    /// How many columns the word covers on its first line (for carets).
    public var length: Int
    /// True when any part of the word was quoted or backslash-escaped. An unquoted `|` is the
    /// partition separator; a quoted one is just text.
    public var isQuoted: Bool

    public init(_ text: String, parts: [Part]? = nil, location: SourceLocation, length: Int? = nil, isQuoted: Bool = false) {
        self.text = text
        self.parts = parts ?? (text.isEmpty ? [] : [.literal(text)])
        self.location = location
        self.length = length ?? max(1, text.unicodeScalars.count)
        self.isQuoted = isQuoted
    }

    /// True when the word holds at least one variable reference.
    public var hasVariables: Bool {
        parts.contains { if case .variable = $0 { return true } else { return false } }
    }

    /// True when the word begins with a variable reference (so it cannot be a flag).
    package var startsWithVariable: Bool {
        if case .variable? = parts.first { return true }
        return false
    }

    /// The names of the variables the word refers to, in order.
    public var variableNames: [String] {
        parts.compactMap { if case .variable(let name) = $0 { return name } else { return nil } }
    }

    /// The word with every variable replaced by `lookup(name)`. Throws a diagnostic pointing
    /// at the word, "unknown variable '$X'", for the first name `lookup` does not know.
    public func expanded(_ lookup: (String) -> String?) throws(Diagnostic) -> String {
        var out = ""
        for part in parts {
            switch part {
            case .literal(let s): out += s
            case .variable(let name):
                guard let value = lookup(name) else {
                    throw Diagnostic(at: self, "unknown variable '$\(name)'",
                                     hint: "the runner knows $WORKER_TOKEN, $MANAGER_TOKEN and $ID_<host>")
                }
                out += value
            }
        }
        return out
    }

    public var description: String { text }

    // MARK: Slicing

    /// The word without its first `count` characters of text, which must all be literal
    /// (used for `--name=value`, `-p8080:80`). Nil when the prefix reaches into a variable.
    package func droppingLiteralPrefix(_ count: Int) -> Word? {
        var remaining = count
        var newParts: [Part] = []
        for part in parts {
            switch part {
            case .literal(let s):
                if remaining == 0 { newParts.append(part); continue }
                let n = s.count
                if n <= remaining { remaining -= n } else {
                    newParts.append(.literal(String(s.dropFirst(remaining))))
                    remaining = 0
                }
            case .variable:
                if remaining > 0 { return nil }
                newParts.append(part)
            }
        }
        guard remaining == 0 else { return nil }
        var loc = location
        loc.column += isQuoted ? 0 : count
        return Word(String(text.dropFirst(count)), parts: newParts, location: loc,
                    length: isQuoted ? length : max(1, length - count), isQuoted: isQuoted)
    }
}
