/// The body of a here-document: the lines after a statement that ends in `<<EOF`, up to a line
/// holding only the delimiter (`EOF`).
///
/// ```
/// file my-secret.txt <<EOF
/// s3cr3t
/// EOF
/// ```
/// gives `text == "s3cr3t\n"`: every body line ends with a line break, as a shell's
/// here-document does. The body is taken literally (as with a quoted delimiter, `<<'EOF'`):
/// no variables are expanded, no backslash is special. CRLF line ends are read as LF.
public struct HereDocument: Equatable, Sendable {
    /// The body, each line followed by `\n` (empty when the delimiter follows at once).
    public var text: String
    /// The delimiter word, `EOF`.
    public var delimiter: String
    /// Where the `<<` is.
    public var location: SourceLocation
    /// The line that holds the delimiter.
    public var endLine: Int

    public init(text: String, delimiter: String, location: SourceLocation, endLine: Int) {
        self.text = text
        self.delimiter = delimiter
        self.location = location
        self.endLine = endLine
    }

    /// The delimiter a statement's last words ask for, and how many words spell it: `<<EOF` (one
    /// word, quotes allowed: `<<'EOF'`) or `<<` `EOF` (two). Nil when the statement does not
    /// end in a here-document marker.
    static func marker(in words: [Word]) -> (delimiter: String, words: Int, at: Word)? {
        guard let last = words.last else { return nil }
        if last.text.hasPrefix("<<"), last.text.count > 2, !last.hasVariables {
            return (String(last.text.dropFirst(2)), 1, last)
        }
        if words.count >= 2, words[words.count - 2].text == "<<", !words[words.count - 2].isQuoted, !last.hasVariables {
            return (last.text, 2, words[words.count - 2])
        }
        return nil
    }
}
