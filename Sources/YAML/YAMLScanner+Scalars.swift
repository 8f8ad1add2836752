// MARK: - Plain and quoted scalars

extension YAMLScanner {
    /// True at a `---` or `...` line start, which ends any scalar.
    var atDocumentSeparator: Bool {
        column == 0 && (atDocumentMarker("-") && peek() == "-" || atDocumentMarker(".") && peek() == ".")
    }

    mutating func fetchPlain() throws(YAMLError) {
        try saveSimpleKey()
        allowSimpleKey = false
        let start = mark
        var end = mark
        var text = ""
        var spaces = ""
        let minIndent = indent + 1
        while peek() != "#" {
            var length = 0
            while true {
                let c = peek(length)
                if Self.isBlankOrEnd(c) { break }
                if c == ":" && (Self.isBlankOrEnd(peek(length + 1))
                                || (flowLevel > 0 && Self.isFlowIndicator(peek(length + 1)))) { break }
                if flowLevel > 0 && Self.isFlowIndicator(c) { break }
                length += 1
            }
            if length == 0 { break }
            allowSimpleKey = false
            text += spaces + take(length)
            end = mark
            guard let more = plainSpaces() else { break }
            spaces = more
            if spaces.isEmpty || peek() == "#" || (flowLevel == 0 && column < minIndent) { break }
        }
        tokens.append(YAMLToken(kind: .scalar(text, .plain), start: start, end: end))
    }

    /// The whitespace after a chunk of a plain scalar, folded: a single line break becomes a
    /// space, n > 1 breaks become n - 1 newlines. Nil at a document separator.
    mutating func plainSpaces() -> String? {
        var whitespace = ""
        while Self.isBlank(peek()) { whitespace.unicodeScalars.append(peek()); advance() }
        guard peek() == "\n" else { return whitespace }
        advance()
        allowSimpleKey = true
        if atDocumentSeparator { return nil }
        var breaks = ""
        while peek() == " " || peek() == "\n" || (peek() == "\t" && !inIndentation) {
            if peek() == "\n" {
                breaks += "\n"
                advance()
                if atDocumentSeparator { return nil }
            } else {
                advance()
            }
        }
        return breaks.isEmpty ? " " : breaks
    }

    mutating func fetchQuotedScalar(double: Bool) throws(YAMLError) {
        try saveSimpleKey()
        allowSimpleKey = false
        let start = mark
        let quote = peek()
        advance()
        var text = ""
        try quotedNonSpaces(double: double, into: &text)
        while peek() != quote {
            try quotedSpaces(start: start, into: &text)
            try quotedNonSpaces(double: double, into: &text)
        }
        advance()
        tokens.append(YAMLToken(kind: .scalar(text, double ? .doubleQuoted : .singleQuoted), start: start, end: mark))
    }

    mutating func quotedNonSpaces(double: Bool, into text: inout String) throws(YAMLError) {
        while true {
            while !Self.isBlankOrEnd(peek()) && peek() != "'" && peek() != "\"" && peek() != "\\" {
                text.unicodeScalars.append(peek())
                advance()
            }
            let c = peek()
            if !double && c == "'" && peek(1) == "'" {
                text += "'"
                advance(2)
            } else if (double && c == "'") || (!double && (c == "\"" || c == "\\")) {
                text.unicodeScalars.append(c)
                advance()
            } else if double && c == "\\" {
                try escape(into: &text)
            } else {
                return
            }
        }
    }

    /// YAML 1.2 escapes: `\0 \a \b \t \n \v \f \r \e \  \" \/ \\ \N \_ \L \P`, `\xXX`, `\uXXXX`,
    /// `\UXXXXXXXX`, and `\` before a line break (the break and the next line's indentation
    /// are dropped).
    mutating func escape(into text: inout String) throws(YAMLError) {
        let start = mark
        advance()
        let c = peek()
        let simple: [Unicode.Scalar: Unicode.Scalar] = [
            "0": "\0", "a": "\u{07}", "b": "\u{08}", "t": "\t", "\t": "\t", "n": "\n", "v": "\u{0B}",
            "f": "\u{0C}", "r": "\r", "e": "\u{1B}", " ": " ", "\"": "\"", "/": "/", "\\": "\\",
            "N": "\u{85}", "_": "\u{A0}", "L": "\u{2028}", "P": "\u{2029}",
        ]
        if let s = simple[c] {
            text.unicodeScalars.append(s)
            advance()
        } else if let width = ["x": 2, "u": 4, "U": 8][c] {
            advance()
            var value: UInt32 = 0
            for k in 0..<width {
                guard let digit = UInt32(String(peek(k)), radix: 16) else {
                    throw error("expected \(width) hexadecimal digits after '\\\(c)', found \(peek(k).quotedForMessage)", at: start)
                }
                value = value * 16 + digit
            }
            guard let s = Unicode.Scalar(value) else {
                throw error("escape '\\\(c)\(String(value, radix: 16, uppercase: true))' is not a Unicode scalar value", at: start)
            }
            text.unicodeScalars.append(s)
            advance(width)
        } else if c == "\n" {
            advance()
            try quotedBreaks(into: &text)
        } else {
            throw error("found unknown escape character \(c.quotedForMessage)", at: start)
        }
    }

    mutating func quotedSpaces(start: YAML.Mark, into text: inout String) throws(YAMLError) {
        var whitespace = ""
        while Self.isBlank(peek()) { whitespace.unicodeScalars.append(peek()); advance() }
        if peek() == "\0" {
            throw error("found the end of the file inside a quoted scalar", at: start)
        }
        guard peek() == "\n" else {
            text += whitespace
            return
        }
        advance()
        var breaks = ""
        try quotedBreaks(into: &breaks)
        text += breaks.isEmpty ? " " : breaks
    }

    /// Blank lines inside a quoted scalar, each a newline; leading whitespace dropped.
    mutating func quotedBreaks(into text: inout String) throws(YAMLError) {
        while true {
            if atDocumentSeparator {
                throw error("found a document separator inside a quoted scalar")
            }
            while Self.isBlank(peek()) { advance() }
            guard peek() == "\n" else { return }
            text += "\n"
            advance()
        }
    }
}
