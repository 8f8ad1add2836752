/// Turns YAML text into tokens, in the style of libyaml's and PyYAML's scanners.
///
/// The scanner owns the two context-sensitive parts of YAML: block indentation (it emits
/// `blockMappingStart`/`blockSequenceStart` when a line is indented further and `blockEnd` when
/// it comes back) and simple keys (a `key` token is inserted before a scalar or collection once
/// the `:` after it is seen). A simple key must fit on one line within 1024 characters.
///
/// Columns are counted from 0 inside the scanner, as indentation is; marks are 1-based.
struct YAMLScanner {
    /// A place where a `key` token may be inserted if a `:` follows on the same line.
    struct SimpleKey {
        var tokenNumber: Int
        var required: Bool
        var index: Int
        var line: Int
        var mark: YAML.Mark
    }

    let input: [Unicode.Scalar]
    let file: String
    /// The deepest flow nesting scanned; deeper is an error here already, so that keeping
    /// simple keys per level stays cheap (each token looks at every level).
    let maxFlowDepth: Int
    var index = 0
    var line = 1
    /// 0-based column of `index`.
    var column = 0
    var tokens: [YAMLToken] = []
    var done = false
    /// The current block indentation column (-1 outside any block collection).
    var indent = -1
    var indents: [Int] = []
    /// One slot per flow level (0 is block context).
    var simpleKeys: [SimpleKey?] = [nil]
    var allowSimpleKey = true

    var flowLevel: Int { simpleKeys.count - 1 }
    var mark: YAML.Mark { YAML.Mark(line: line, column: column + 1) }

    init(_ input: [Unicode.Scalar], file: String, maxFlowDepth: Int = 100) {
        self.input = input
        self.file = file
        self.maxFlowDepth = maxFlowDepth
    }

    /// Scans the whole input.
    mutating func scanAll() throws(YAMLError) -> [YAMLToken] {
        tokens.append(YAMLToken(kind: .streamStart, start: mark, end: mark))
        while !done { try fetchNextToken() }
        return tokens
    }

    // MARK: - Reading

    /// The scalar `k` places ahead, or NUL past the end (the input holds no NUL).
    func peek(_ k: Int = 0) -> Unicode.Scalar {
        index + k < input.count ? input[index + k] : "\0"
    }

    mutating func advance(_ n: Int = 1) {
        for _ in 0..<n where index < input.count {
            if input[index] == "\n" { line += 1; column = 0 } else { column += 1 }
            index += 1
        }
    }

    /// The next `n` scalars as a string, consumed.
    mutating func take(_ n: Int) -> String {
        let end = min(index + n, input.count)
        var s = ""
        s.unicodeScalars.append(contentsOf: input[index..<end])
        advance(n)
        return s
    }

    func error(_ message: String, at where: YAML.Mark? = nil) -> YAMLError {
        YAMLError(file: file, at: `where` ?? mark, message)
    }

    static func isBreakOrEnd(_ s: Unicode.Scalar) -> Bool { s == "\n" || s == "\0" }
    static func isBlank(_ s: Unicode.Scalar) -> Bool { s == " " || s == "\t" }
    static func isBlankOrEnd(_ s: Unicode.Scalar) -> Bool { isBlank(s) || isBreakOrEnd(s) }
    static func isFlowIndicator(_ s: Unicode.Scalar) -> Bool {
        s == "," || s == "[" || s == "]" || s == "{" || s == "}"
    }

    // MARK: - Dispatch

    mutating func fetchNextToken() throws(YAMLError) {
        try scanToNextToken()
        try staleSimpleKeys()
        unwindIndent(column)
        let c = peek()
        let next = peek(1)
        switch c {
        case "\0": return try fetchStreamEnd()
        case "%" where column == 0: return try fetchDirective()
        case "-" where atDocumentMarker("-"): return try fetchDocumentIndicator(.documentStart)
        case "." where atDocumentMarker("."): return try fetchDocumentIndicator(.documentEnd)
        case "[": return try fetchFlowCollectionStart(.flowSequenceStart)
        case "{": return try fetchFlowCollectionStart(.flowMappingStart)
        case "]": return try fetchFlowCollectionEnd(.flowSequenceEnd)
        case "}": return try fetchFlowCollectionEnd(.flowMappingEnd)
        case ",": return try fetchFlowEntry()
        case "-" where Self.isBlankOrEnd(next): return try fetchBlockEntry()
        case "?" where flowLevel > 0 || Self.isBlankOrEnd(next): return try fetchKey()
        case ":" where flowLevel > 0 || Self.isBlankOrEnd(next): return try fetchValue()
        case "*": return try fetchAnchorOrAlias(alias: true)
        case "&": return try fetchAnchorOrAlias(alias: false)
        case "!": return try fetchTag()
        case "|" where flowLevel == 0: return try fetchBlockScalar(folded: false)
        case ">" where flowLevel == 0: return try fetchBlockScalar(folded: true)
        case "'": return try fetchQuotedScalar(double: false)
        case "\"": return try fetchQuotedScalar(double: true)
        default:
            if canStartPlain(c, next) { return try fetchPlain() }
            if c == "\t" {
                throw error("found a tab character where indentation must be spaces")
            }
            throw error("found character \(c.quotedForMessage) that cannot start any token")
        }
    }

    func atDocumentMarker(_ c: Unicode.Scalar) -> Bool {
        column == 0 && peek(1) == c && peek(2) == c && Self.isBlankOrEnd(peek(3))
    }

    func canStartPlain(_ c: Unicode.Scalar, _ next: Unicode.Scalar) -> Bool {
        if Self.isBlankOrEnd(c) { return false }
        if "-?:".unicodeScalars.contains(c) { return !Self.isBlankOrEnd(next) }
        return !",[]{}#&*!|>'\"%@`".unicodeScalars.contains(c)
    }

    /// Skips spaces, comments and line breaks (and tabs where they are not indentation).
    mutating func scanToNextToken() throws(YAMLError) {
        while true {
            while peek() == " " || (peek() == "\t" && !inIndentation) { advance() }
            if peek() == "\t" {
                // A tab in the indentation is fine only on a line with nothing else on it.
                var k = 0
                while Self.isBlank(peek(k)) { k += 1 }
                if !Self.isBreakOrEnd(peek(k)) && peek(k) != "#" {
                    throw error("found a tab character where indentation must be spaces")
                }
                advance(k)
            }
            if peek() == "#" {
                while !Self.isBreakOrEnd(peek()) { advance() }
            }
            guard peek() == "\n" else { return }
            advance()
            if flowLevel == 0 { allowSimpleKey = true }
        }
    }

    /// True when only spaces stand between the start of the line and here, in block context
    /// where a new token could start a line.
    var inIndentation: Bool {
        guard flowLevel == 0 && allowSimpleKey else { return false }
        var k = index - 1
        while k >= 0 && input[k] == " " { k -= 1 }
        return k < 0 || input[k] == "\n"
    }

    // MARK: - Indentation

    mutating func unwindIndent(_ column: Int) {
        guard flowLevel == 0 else { return }
        while indent > column {
            tokens.append(YAMLToken(kind: .blockEnd, start: mark, end: mark))
            indent = indents.popLast() ?? -1
        }
    }

    mutating func addIndent(_ column: Int) -> Bool {
        guard indent < column else { return false }
        indents.append(indent)
        indent = column
        return true
    }

    // MARK: - Simple keys

    mutating func saveSimpleKey() throws(YAMLError) {
        let required = flowLevel == 0 && indent == column
        guard allowSimpleKey else { return }
        try removeSimpleKey()
        simpleKeys[flowLevel] = SimpleKey(tokenNumber: tokens.count, required: required,
                                          index: index, line: line, mark: mark)
    }

    mutating func removeSimpleKey() throws(YAMLError) {
        if let key = simpleKeys[flowLevel], key.required {
            throw error("could not find expected ':' after this mapping key", at: key.mark)
        }
        simpleKeys[flowLevel] = nil
    }

    mutating func staleSimpleKeys() throws(YAMLError) {
        for level in simpleKeys.indices {
            guard let key = simpleKeys[level] else { continue }
            if key.line != line || index - key.index > 1024 {
                if key.required {
                    throw error("could not find expected ':' after this mapping key", at: key.mark)
                }
                simpleKeys[level] = nil
            }
        }
    }
}
