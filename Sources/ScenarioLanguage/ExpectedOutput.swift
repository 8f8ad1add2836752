/// The expected output written under a statement, cockroachdb/datadriven style.
///
/// ```
/// m1$ docker node ls -q          m1$ docker service ps web
/// ----                           ----
/// 1a2b3c                         ----
/// 4d5e6f                         (output with a blank line)
///                                
///                                ----
///                                ----
/// ```
/// The plain form runs from the `----` line to the first blank line (or the end of the file).
/// The fenced form (`----` twice) runs to the next `----` `----` pair and may hold blank
/// lines. `byteRange` is exactly what `rewrite(source:script:actual:)` replaces.
public struct ExpectedOutput: Equatable, Sendable {
    /// The output lines as written, joined with `\n`, without a final line break.
    public var text: String
    /// True for the `----` `----` form.
    public var isFenced: Bool
    /// UTF-8 byte offsets of the block in the source: from the first `----` through the line
    /// break of its last line (the blank line that ends a plain block is not included).
    public var byteRange: Range<Int>
    /// The source lines of the block, first `----` through its last line.
    public var lines: ClosedRange<Int>
    /// Where the first `----` is.
    public var location: SourceLocation
    /// The line break used by the block's `----` line (`"\n"`, `"\r\n"`, or `""` at the end of
    /// the file), so a rewrite writes the same kind.
    var lineBreak: String

    public init(text: String, isFenced: Bool, byteRange: Range<Int>, lines: ClosedRange<Int>, location: SourceLocation) {
        self.text = text
        self.isFenced = isFenced
        self.byteRange = byteRange
        self.lines = lines
        self.location = location
        self.lineBreak = "\n"
    }

    // MARK: Comparing

    /// True when `actual` and the expected text are the same after `normalize`.
    public func matches(_ actual: String) -> Bool {
        Self.normalize(text) == Self.normalize(actual)
    }

    /// The form in which outputs are compared and written: `\r\n` read as `\n`, trailing spaces
    /// and tabs removed from every line (editors strip them, docker's tables leave them), and
    /// trailing blank lines removed.
    public static func normalize(_ output: String) -> String {
        var lines = output.replacing("\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false).map { line in
            var s = Substring(line)
            while let last = s.last, last == " " || last == "\t" { s = s.dropLast() }
            return String(s)
        }
        while let last = lines.last, last.isEmpty { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    /// True when `output` (normalized) needs the fenced form: it has a blank line, or its first
    /// line is `----` (which would read as the start of a fence).
    static func needsFence(_ normalized: String) -> Bool {
        guard !normalized.isEmpty else { return false }
        let lines = normalized.split(separator: "\n", omittingEmptySubsequences: false)
        return lines.first == "----" || lines.contains { $0.isEmpty }
    }
}
