// MARK: - Block scalars

extension YAMLScanner {
    /// How a block scalar treats its final line breaks.
    enum Chomping { case strip, clip, keep }

    /// `|` (literal) and `>` (folded) scalars with an optional chomping indicator (`-` strip,
    /// `+` keep, clip by default) and indentation indicator (1-9), in either order.
    mutating func fetchBlockScalar(folded: Bool) throws(YAMLError) {
        allowSimpleKey = true
        try removeSimpleKey()
        let start = mark
        advance()
        let (chomping, increment) = try blockScalarIndicators()
        try blockScalarHeaderEnd()
        let minIndent = max(indent + 1, 1)
        var breaks: String
        var contentIndent: Int
        var end = mark
        if let increment {
            contentIndent = max(indent, 0) + increment
            breaks = blockScalarBreaks(contentIndent, end: &end)
        } else {
            var maxIndent = 0
            breaks = autoDetectIndentation(maxIndent: &maxIndent, end: &end)
            contentIndent = max(minIndent, maxIndent)
        }
        var text = ""
        var lineBreak = ""
        while column == contentIndent && peek() != "\0" {
            text += breaks
            let leadingNonSpace = !Self.isBlank(peek())
            var length = 0
            while !Self.isBreakOrEnd(peek(length)) { length += 1 }
            text += take(length)
            lineBreak = peek() == "\n" ? "\n" : ""
            advance()
            breaks = blockScalarBreaks(contentIndent, end: &end)
            guard column == contentIndent && peek() != "\0" else { break }
            if folded && lineBreak == "\n" && leadingNonSpace && !Self.isBlank(peek()) {
                if breaks.isEmpty { text += " " }
            } else {
                text += lineBreak
            }
        }
        if chomping != .strip { text += lineBreak }
        if chomping == .keep { text += breaks }
        tokens.append(YAMLToken(kind: .scalar(text, folded ? .folded : .literal), start: start, end: end))
    }

    mutating func blockScalarIndicators() throws(YAMLError) -> (Chomping, Int?) {
        var chomping = Chomping.clip
        var increment: Int?
        for _ in 0..<2 {
            let c = peek()
            if (c == "+" || c == "-") && chomping == .clip {
                chomping = c == "+" ? .keep : .strip
                advance()
            } else if ("0"..."9").contains(c) && increment == nil {
                guard c != "0" else {
                    throw error("expected an indentation indicator in the range 1-9, found '0'")
                }
                increment = Int(c.value - 0x30)
                advance()
            }
        }
        return (chomping, increment)
    }

    /// After the indicators: spaces, an optional comment, then the line break.
    mutating func blockScalarHeaderEnd() throws(YAMLError) {
        while Self.isBlank(peek()) { advance() }
        if peek() == "#" {
            guard Self.isBlank(input[index - 1]) else {
                throw error("expected a space before the comment in a block scalar header")
            }
            while !Self.isBreakOrEnd(peek()) { advance() }
        }
        guard Self.isBreakOrEnd(peek()) else {
            throw error("expected a comment or a line break after the block scalar indicator, found \(peek().quotedForMessage)")
        }
        advance()
    }

    /// Leading empty lines, and the indentation of the first non-empty line.
    mutating func autoDetectIndentation(maxIndent: inout Int, end: inout YAML.Mark) -> String {
        var breaks = ""
        while peek() == " " || peek() == "\n" {
            if peek() == "\n" {
                breaks += "\n"
                advance()
                end = mark
            } else {
                advance()
                maxIndent = max(maxIndent, column)
            }
        }
        return breaks
    }

    /// Empty lines up to the next line indented to `contentIndent` (or less).
    mutating func blockScalarBreaks(_ contentIndent: Int, end: inout YAML.Mark) -> String {
        var breaks = ""
        while column < contentIndent && peek() == " " { advance() }
        while peek() == "\n" {
            breaks += "\n"
            advance()
            end = mark
            while column < contentIndent && peek() == " " { advance() }
        }
        return breaks
    }
}
