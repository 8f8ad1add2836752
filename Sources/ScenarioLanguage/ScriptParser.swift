/// Turns the text of a `*.swarm` file into a `Script`, reporting every statement it cannot
/// understand.
///
/// Each statement is parsed on its own: the first error in a statement is reported and the
/// parser carries on with the next, so a file with three mistakes shows three messages (at
/// most `maxErrors`, then a note). Bad input never traps: invalid UTF-8, NUL bytes, huge lines
/// and random bytes all come back as diagnostics.
///
/// The language knows that `m1$ docker …` runs a command line on a host, not what the command
/// line means: `commands` checks its words where the statement stands, so its diagnostics keep
/// their place in file order. `ScenarioParser` (module DockerClient) passes the docker CLI's
/// check; parse whole scenario files through it.
public enum ScriptParser {
    /// The most errors reported for one file.
    public static let maxErrors = 20

    /// Parses `source`, naming it `file` in every location.
    public static func parse(_ source: String, file: String, commands: @escaping CommandCheck) -> ParseResult {
        parse(bytes: Array(source.utf8), file: file, commands: commands)
    }

    /// Parses raw file contents: checks they are UTF-8 text first.
    /// - Complexity: O(n) in the size of the file, plus O(words × candidates) for suggestions.
    public static func parse(bytes: [UInt8], file: String, commands: @escaping CommandCheck) -> ParseResult {
        if let problem = checkText(bytes, file: file) {
            return ParseResult(script: Script(file: file), diagnostics: [problem])
        }
        let source = SourceText(file: file, bytes: bytes)
        var lexer = ScriptLexer(source: source)
        var parser = StatementParser(source: source, commands: commands)
        var statements: [ScriptStatement] = []
        var diagnostics: [Diagnostic] = []
        var truncated = false

        func record(_ d: Diagnostic) {
            if diagnostics.count < maxErrors {
                diagnostics.append(d)
            } else {
                truncated = true
            }
        }

        while !truncated, let item = lexer.next() {
            switch item {
            case .problem(let d):
                record(d)
            case .statement(let raw):
                if let problem = raw.problem { record(problem); continue }
                guard let first = raw.words.first else { continue }
                do {
                    let statement = try parser.parse(raw.words, hereDocument: raw.hereDocument)
                    var text = String(decoding: source.bytes[raw.byteRange], as: UTF8.self)
                    if source.bytes[raw.byteRange].contains(0x0D) { text = text.replacing("\r\n", with: "\n") }
                    statements.append(ScriptStatement(statement: statement, location: first.location,
                                                      lines: raw.lines, text: text, expected: raw.expected))
                } catch {
                    record(error)
                }
            }
        }
        diagnostics = diagnostics.map { d in
            var d = d
            d.sourceLine = source.text(ofLine: d.location.line)
            return d
        }
        if truncated, let last = diagnostics.last {
            diagnostics.append(Diagnostic(.note, at: last.location, "too many errors; stopped after \(maxErrors)"))
        }
        return ParseResult(script: Script(file: file, statements: statements), diagnostics: diagnostics)
    }

    // MARK: Text check

    /// The first NUL byte or invalid UTF-8 sequence, as a diagnostic at its line and column.
    static func checkText(_ bytes: [UInt8], file: String) -> Diagnostic? {
        guard let (offset, isNUL) = firstNonText(bytes) else { return nil }
        var line = 1, lineStart = 0
        for i in 0..<offset where bytes[i] == 0x0A {
            line += 1
            lineStart = i + 1
        }
        var column = 1
        for i in lineStart..<offset where bytes[i] & 0xC0 != 0x80 { column += 1 }
        let location = SourceLocation(file: file, line: line, column: column)
        return isNUL
            ? Diagnostic(at: location, "file contains a NUL byte", hint: "scenario files are plain UTF-8 text; is this a binary file?")
            : Diagnostic(at: location, "file is not UTF-8 text", hint: "save the scenario as UTF-8; is this a binary file?")
    }

    /// The offset of the first NUL byte or invalid UTF-8 sequence (overlong forms, surrogates
    /// and values past U+10FFFF are invalid), and whether it is a NUL.
    static func firstNonText(_ bytes: [UInt8]) -> (Int, Bool)? {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b == 0 { return (i, true) }
            if b < 0x80 { i += 1; continue }
            let length: Int, lower: UInt8, upper: UInt8
            switch b {
            case 0xC2...0xDF: (length, lower, upper) = (2, 0x80, 0xBF)
            case 0xE0: (length, lower, upper) = (3, 0xA0, 0xBF)
            case 0xE1...0xEC, 0xEE...0xEF: (length, lower, upper) = (3, 0x80, 0xBF)
            case 0xED: (length, lower, upper) = (3, 0x80, 0x9F)
            case 0xF0: (length, lower, upper) = (4, 0x90, 0xBF)
            case 0xF1...0xF3: (length, lower, upper) = (4, 0x80, 0xBF)
            case 0xF4: (length, lower, upper) = (4, 0x80, 0x8F)
            default: return (i, false)
            }
            guard i + length <= n, (lower...upper).contains(bytes[i + 1]) else { return (i, false) }
            for k in 2..<length where bytes[i + k] & 0xC0 != 0x80 { return (i, false) }
            i += length
        }
        return nil
    }
}
