/// Splits a scenario file into statements of shell-like words, and finds the expected-output
/// block after each.
///
/// Words follow POSIX shell rules, minus everything but quoting: blanks separate words;
/// `'…'` keeps everything literally; `"…"` keeps everything but `$` references and the escapes
/// `\$ \` \" \\`; an unquoted `\` escapes the next character; `\` at the end of a line continues
/// the statement (and the word) on the next line; `#` at the start of a word starts a comment;
/// an unquoted `|` is a word by itself. A quote must close on its own line (unless the line
/// ends in `\` inside double quotes), so one missing quote cannot swallow the rest of the file.
///
/// An iterator: each `next()` gives the next statement or stray problem, so a caller can stop
/// early. - Complexity: O(n) in the size of the file overall.
struct ScriptLexer {
    let source: SourceText
    private(set) var line = 1
    /// The last column computed: words are read left to right, so each column is counted on
    /// from the previous one, which keeps a huge line linear.
    private var columnMark = (line: 0, offset: 0, column: 1)

    init(source: SourceText) { self.source = source }

    private var bytes: [UInt8] { source.bytes }

    mutating func next() -> LexedItem? {
        while line <= source.lineCount {
            let l = line
            let start = firstNonBlank(l)
            if start == source.contentEnd(l) || bytes[start] == UInt8(ascii: "#") {
                line += 1
                continue
            }
            if source.isSeparator(l) {
                line = scanBlock(at: l).2
                return .problem(Diagnostic(
                    at: SourceLocation(file: source.file, line: l, column: 1), length: 4,
                    "expected-output block has no statement",
                    hint: "put '----' right under the statement whose output it shows, with no blank line or comment between"))
            }
            return .statement(lexStatement(from: l))
        }
        return nil
    }

    // MARK: Statements

    private func firstNonBlank(_ l: Int) -> Int {
        var i = source.contentStart(l)
        let end = source.contentEnd(l)
        while i < end, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0D { i += 1 }
        return i
    }

    private mutating func lexStatement(from first: Int) -> RawStatement {
        var cursor = Cursor(line: first, pos: firstNonBlank(first))
        let start = cursor.pos
        var words: [Word] = []
        var problem: Diagnostic?
        scanning: while true {
            while cursor.pos < source.contentEnd(cursor.line), isBlank(bytes[cursor.pos]) { cursor.pos += 1 }
            let end = source.contentEnd(cursor.line)
            guard cursor.pos < end else { break }
            switch bytes[cursor.pos] {
            case UInt8(ascii: "#"):
                break scanning
            case UInt8(ascii: "\\") where cursor.pos + 1 == end:
                guard continueOnNextLine(&cursor) else { cursor.pos += 1; break scanning }
            case UInt8(ascii: "|"):
                words.append(Word("|", location: location(ofByte: cursor.pos, line: cursor.line), length: 1))
                cursor.pos += 1
            default:
                switch lexWord(&cursor) {
                case .success(let word): words.append(word)
                case .failure(let diagnostic):
                    problem = diagnostic
                    skipContinuationLines(&cursor)
                    break scanning
                }
            }
        }
        var last = cursor.line
        var hereDocument: HereDocument?
        if problem == nil, let marker = HereDocument.marker(in: words) {
            words.removeLast(marker.words)
            switch scanHereDocument(marker.delimiter, at: marker.at, after: last) {
            case .success(let body):
                hereDocument = body
                last = body.endLine
            case .failure(let diagnostic):
                problem = diagnostic
                last = source.lineCount
            }
        }
        let statementEnd = cursor.line
        line = last + 1
        var expected: ExpectedOutput?
        if line <= source.lineCount, source.isSeparator(line) {
            let (block, blockProblem, next) = scanBlock(at: line)
            expected = block
            problem = problem ?? blockProblem
            line = next
        }
        return RawStatement(words: words, lines: first...last,
                            byteRange: start..<max(start, source.contentEnd(statementEnd)),
                            expected: expected, problem: problem, hereDocument: hereDocument)
    }

    /// Reads a here-document's body: the lines after `line` up to one that holds only the
    /// delimiter. Its absence is reported at the `<<`.
    private func scanHereDocument(_ delimiter: String, at marker: Word, after line: Int) -> Result<HereDocument, Diagnostic> {
        var body = ""
        var l = line + 1
        while l <= source.lineCount {
            let text = source.text(ofLine: l)
            if text == delimiter {
                return .success(HereDocument(text: body, delimiter: delimiter, location: marker.location, endLine: l))
            }
            body += text + "\n"
            l += 1
        }
        return .failure(Diagnostic(at: marker, "unterminated here-document: no line '\(delimiter.shortenedForMessage)' ends it",
                                   hint: "end the text with a line that holds only \(delimiter.shortenedForMessage)"))
    }

    private struct Cursor {
        var line: Int
        var pos: Int
    }

    private func isBlank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0D }

    /// Bytes that end a run of plain word text: blanks, `|`, `\`, quotes and `$`.
    private static func isSpecial(_ b: UInt8) -> Bool {
        switch b {
        case 0x20, 0x09, 0x0D, 0x7C, 0x5C, 0x27, 0x22, 0x24: true
        default: false
        }
    }

    /// Moves the cursor to the start of the next line, if there is one after a line break.
    private func continueOnNextLine(_ cursor: inout Cursor) -> Bool {
        guard cursor.line < source.lineCount else { return false }
        cursor.line += 1
        cursor.pos = source.contentStart(cursor.line)
        return true
    }

    /// After a problem, skips the rest of the statement: the lines its `\` endings continue.
    private func skipContinuationLines(_ cursor: inout Cursor) {
        while cursor.line < source.lineCount {
            let end = source.contentEnd(cursor.line)
            guard end > source.contentStart(cursor.line), bytes[end - 1] == UInt8(ascii: "\\") else { return }
            cursor.line += 1
        }
    }

    // MARK: Words

    /// The location of byte `offset` on `line`, counting on from the last one asked for.
    private mutating func location(ofByte offset: Int, line: Int) -> SourceLocation {
        if columnMark.line != line || columnMark.offset > offset {
            columnMark = (line, source.contentStart(line), 1)
        }
        var column = columnMark.column
        for i in columnMark.offset..<offset where source.bytes[i] & 0xC0 != 0x80 { column += 1 }
        columnMark = (line, offset, column)
        return SourceLocation(file: source.file, line: line, column: column)
    }

    private mutating func lexWord(_ cursor: inout Cursor) -> Result<Word, Diagnostic> {
        let startPos = cursor.pos
        let startLine = cursor.line
        let bytes = source.bytes
        var builder = WordBuilder()
        word: while cursor.pos < source.contentEnd(cursor.line) {
            let end = source.contentEnd(cursor.line)
            let b = bytes[cursor.pos]
            switch b {
            case 0x20, 0x09, 0x0D, UInt8(ascii: "|"):
                break word
            case UInt8(ascii: "\\"):
                builder.quoted = true
                if cursor.pos + 1 == end {
                    guard continueOnNextLine(&cursor) else { cursor.pos += 1; break word }
                } else {
                    let n = scalarLength(at: cursor.pos + 1)
                    builder.literal += bytes[(cursor.pos + 1)..<(cursor.pos + 1 + n)]
                    cursor.pos += 1 + n
                }
            case UInt8(ascii: "'"):
                builder.quoted = true
                guard let close = bytes[(cursor.pos + 1)..<end].firstIndex(of: UInt8(ascii: "'")) else {
                    return .failure(unterminated("single", at: cursor.pos,
                        hint: "close it with ' on the same line"))
                }
                builder.literal += bytes[(cursor.pos + 1)..<close]
                cursor.pos = close + 1
            case UInt8(ascii: "\""):
                builder.quoted = true
                if let problem = lexDoubleQuoted(&cursor, into: &builder) { return .failure(problem) }
            case UInt8(ascii: "$"):
                if let problem = lexVariable(&cursor, into: &builder) { return .failure(problem) }
            default:
                // A run of plain bytes in one go.
                var i = cursor.pos + 1
                while i < end, !Self.isSpecial(bytes[i]) { i += 1 }
                builder.literal += bytes[cursor.pos..<i]
                cursor.pos = i
            }
        }
        let location = location(ofByte: startPos, line: startLine)
        let endColumn = self.location(ofByte: cursor.line == startLine ? cursor.pos : source.contentEnd(startLine), line: startLine).column
        return .success(builder.word(at: location, length: max(1, endColumn - location.column)))
    }

    /// Lexes `"…"` starting at the opening quote; returns a problem if it does not close.
    private func lexDoubleQuoted(_ cursor: inout Cursor, into builder: inout WordBuilder) -> Diagnostic? {
        let open = cursor.pos
        cursor.pos += 1
        while true {
            let end = source.contentEnd(cursor.line)
            guard cursor.pos < end else {
                return unterminated("double", at: open,
                    hint: "close it with \" on the same line, or end the line with \\ to continue inside the quotes")
            }
            let c = bytes[cursor.pos]
            switch c {
            case UInt8(ascii: "\""):
                cursor.pos += 1
                return nil
            case UInt8(ascii: "\\"):
                if cursor.pos + 1 == end {
                    guard continueOnNextLine(&cursor) else {
                        return unterminated("double", at: open, hint: "close it with \" before the end of the file")
                    }
                    continue
                }
                let n = bytes[cursor.pos + 1]
                if n == UInt8(ascii: "$") || n == UInt8(ascii: "`") || n == UInt8(ascii: "\"") || n == UInt8(ascii: "\\") {
                    builder.literal.append(n)
                    cursor.pos += 2
                } else {
                    builder.literal.append(c)
                    cursor.pos += 1
                }
            case UInt8(ascii: "$"):
                if let problem = lexVariable(&cursor, into: &builder) { return problem }
            default:
                builder.literal.append(c)
                cursor.pos += 1
            }
        }
    }

    /// Lexes `$NAME` or `${NAME}` at the cursor; a `$` not followed by a name is literal.
    /// `NAME` is `[A-Za-z_][A-Za-z0-9_]*`; inside braces `.` and `-` are allowed too, so that
    /// `${ID_web-1}` can name a host with a hyphen.
    private func lexVariable(_ cursor: inout Cursor, into builder: inout WordBuilder) -> Diagnostic? {
        let end = source.contentEnd(cursor.line)
        let dollar = cursor.pos
        func isNameStart(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A || b == 0x5F }
        func isNameChar(_ b: UInt8) -> Bool { isNameStart(b) || (b >= 0x30 && b <= 0x39) }
        if dollar + 1 < end, bytes[dollar + 1] == UInt8(ascii: "{") {
            guard let close = bytes[(dollar + 2)..<end].firstIndex(of: UInt8(ascii: "}")) else {
                return Diagnostic(at: source.location(ofByte: dollar), length: source.columnsToLineEnd(fromByte: dollar),
                                  "unterminated '${'", hint: "write ${NAME} with a closing brace")
            }
            let name = bytes[(dollar + 2)..<close]
            guard let first = name.first, isNameStart(first),
                  name.allSatisfy({ isNameChar($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") }) else {
                let location = source.location(ofByte: dollar)
                let spelled = String(decoding: bytes[dollar...close], as: UTF8.self)
                return Diagnostic(at: location, length: spelled.unicodeScalars.count,
                                  "bad variable name \(spelled.quotedForMessage)",
                                  hint: "names start with a letter or _ and hold letters, digits, _, - and .")
            }
            builder.addVariable(String(decoding: name, as: UTF8.self), spelled: String(decoding: bytes[dollar...close], as: UTF8.self))
            cursor.pos = close + 1
            return nil
        }
        guard dollar + 1 < end, isNameStart(bytes[dollar + 1]) else {
            builder.literal.append(UInt8(ascii: "$"))
            cursor.pos += 1
            return nil
        }
        var i = dollar + 1
        while i < end, isNameChar(bytes[i]) { i += 1 }
        let name = String(decoding: bytes[(dollar + 1)..<i], as: UTF8.self)
        builder.addVariable(name, spelled: "$" + name)
        cursor.pos = i
        return nil
    }

    private func unterminated(_ kind: String, at offset: Int, hint: String) -> Diagnostic {
        Diagnostic(at: source.location(ofByte: offset), length: source.columnsToLineEnd(fromByte: offset),
                   "unterminated \(kind) quote", hint: hint)
    }

    /// The number of bytes of the UTF-8 scalar starting at `offset` (1 at the end of input).
    private func scalarLength(at offset: Int) -> Int {
        guard offset < bytes.count else { return 0 }
        let b = bytes[offset]
        let n = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
        return min(n, bytes.count - offset)
    }

    // MARK: Expected-output blocks

    /// Reads the block whose first `----` is on line `l`. Returns the block (nil if it never
    /// closes), a problem, and the first line after it.
    private func scanBlock(at l: Int) -> (ExpectedOutput?, Diagnostic?, Int) {
        let location = SourceLocation(file: source.file, line: l, column: 1)
        if l + 1 <= source.lineCount, source.isSeparator(l + 1) {
            var j = l + 2
            while j + 1 <= source.lineCount {
                if source.isSeparator(j), source.isSeparator(j + 1) {
                    let text = (l + 2 < j ? Array((l + 2)...(j - 1)) : []).map { source.text(ofLine: $0) }
                    var block = ExpectedOutput(text: text.joined(separator: "\n"), isFenced: true,
                                               byteRange: source.lineStarts[l - 1]..<source.lineEnd(j + 1),
                                               lines: l...(j + 1), location: location)
                    block.lineBreak = source.lineBreak(l)
                    return (block, nil, j + 2)
                }
                j += 1
            }
            return (nil, Diagnostic(at: location, length: 4, "unterminated expected-output block",
                                    hint: "a block that opens with '----' '----' ends with '----' '----' on two lines"),
                    source.lineCount + 1)
        }
        var j = l + 1
        while j <= source.lineCount, !source.isBlank(j) { j += 1 }
        let text = (l + 1 < j ? Array((l + 1)...(j - 1)) : []).map { source.text(ofLine: $0) }
        var block = ExpectedOutput(text: text.joined(separator: "\n"), isFenced: false,
                                   byteRange: source.lineStarts[l - 1]..<source.lineEnd(j - 1),
                                   lines: l...(j - 1), location: location)
        block.lineBreak = source.lineBreak(l)
        return (block, nil, j)
    }
}
