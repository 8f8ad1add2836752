// MARK: - Indicators, anchors, tags

extension YAMLScanner {
    mutating func append(_ kind: YAMLToken.Kind, from start: YAML.Mark) {
        tokens.append(YAMLToken(kind: kind, start: start, end: mark))
    }

    /// Consumes `n` scalars and appends a token of `kind` spanning them.
    mutating func appendIndicator(_ kind: YAMLToken.Kind, length n: Int = 1) {
        let start = mark
        advance(n)
        append(kind, from: start)
    }

    mutating func fetchStreamEnd() throws(YAMLError) {
        unwindIndent(-1)
        try removeSimpleKey()
        simpleKeys = [nil]
        allowSimpleKey = false
        append(.streamEnd, from: mark)
        done = true
    }

    /// `%YAML 1.2` and `%TAG …`: kept as a token the parser skips; the reader resolves `!!`
    /// tags to the standard prefix whatever a `%TAG` says.
    mutating func fetchDirective() throws(YAMLError) {
        unwindIndent(-1)
        try removeSimpleKey()
        allowSimpleKey = false
        let start = mark
        while !Self.isBreakOrEnd(peek()) { advance() }
        append(.directive, from: start)
    }

    mutating func fetchDocumentIndicator(_ kind: YAMLToken.Kind) throws(YAMLError) {
        unwindIndent(-1)
        try removeSimpleKey()
        allowSimpleKey = false
        appendIndicator(kind, length: 3)
    }

    mutating func fetchFlowCollectionStart(_ kind: YAMLToken.Kind) throws(YAMLError) {
        if flowLevel >= maxFlowDepth { throw error("nesting is deeper than \(maxFlowDepth) levels") }
        try saveSimpleKey()
        simpleKeys.append(nil)
        allowSimpleKey = true
        appendIndicator(kind)
    }

    mutating func fetchFlowCollectionEnd(_ kind: YAMLToken.Kind) throws(YAMLError) {
        try removeSimpleKey()
        if flowLevel > 0 { simpleKeys.removeLast() }
        allowSimpleKey = false
        appendIndicator(kind)
    }

    mutating func fetchFlowEntry() throws(YAMLError) {
        allowSimpleKey = true
        try removeSimpleKey()
        appendIndicator(.flowEntry)
    }

    mutating func fetchBlockEntry() throws(YAMLError) {
        if flowLevel == 0 {
            guard allowSimpleKey else { throw error("block sequence entries are not allowed here") }
            if addIndent(column) { append(.blockSequenceStart, from: mark) }
        }
        allowSimpleKey = true
        try removeSimpleKey()
        appendIndicator(.blockEntry)
    }

    mutating func fetchKey() throws(YAMLError) {
        if flowLevel == 0 {
            guard allowSimpleKey else { throw error("mapping keys are not allowed here") }
            if addIndent(column) { append(.blockMappingStart, from: mark) }
        }
        allowSimpleKey = flowLevel == 0
        try removeSimpleKey()
        appendIndicator(.key)
    }

    mutating func fetchValue() throws(YAMLError) {
        if let key = simpleKeys[flowLevel] {
            let at = key.tokenNumber
            tokens.insert(YAMLToken(kind: .key, start: key.mark, end: key.mark), at: at)
            if flowLevel == 0 && addIndent(key.mark.column - 1) {
                tokens.insert(YAMLToken(kind: .blockMappingStart, start: key.mark, end: key.mark), at: at)
            }
            simpleKeys[flowLevel] = nil
            allowSimpleKey = false
        } else {
            if flowLevel == 0 {
                guard allowSimpleKey else { throw error("mapping values are not allowed here") }
                if addIndent(column) { append(.blockMappingStart, from: mark) }
            }
            allowSimpleKey = flowLevel == 0
            try removeSimpleKey()
        }
        appendIndicator(.value)
    }

    mutating func fetchAnchorOrAlias(alias: Bool) throws(YAMLError) {
        try saveSimpleKey()
        allowSimpleKey = false
        let start = mark
        advance()
        var name = ""
        while !Self.isBlankOrEnd(peek()) && !Self.isFlowIndicator(peek()) {
            name.unicodeScalars.append(peek())
            advance()
        }
        if name.isEmpty {
            throw error("expected \(alias ? "an alias" : "an anchor") name after '\(alias ? "*" : "&")'", at: start)
        }
        append(alias ? .alias(name) : .anchor(name), from: start)
    }

    /// `!`, `!local`, `!!str` (the standard `tag:yaml.org,2002:` prefix) and `!<verbatim>`.
    mutating func fetchTag() throws(YAMLError) {
        try saveSimpleKey()
        allowSimpleKey = false
        let start = mark
        advance()
        var text = ""
        if peek() == "<" {
            advance()
            while peek() != ">" {
                if Self.isBlankOrEnd(peek()) { throw error("expected '>' to end the verbatim tag", at: start) }
                text.unicodeScalars.append(peek())
                advance()
            }
            advance()
        } else {
            var suffix = ""
            while !Self.isBlankOrEnd(peek()) && !(flowLevel > 0 && Self.isFlowIndicator(peek())) {
                suffix.unicodeScalars.append(peek())
                advance()
            }
            if suffix.hasPrefix("!") {
                text = "tag:yaml.org,2002:" + suffix.dropFirst()
            } else {
                text = "!" + suffix
            }
        }
        if !Self.isBlankOrEnd(peek()) && !(flowLevel > 0 && Self.isFlowIndicator(peek())) {
            throw error("expected a space after the tag")
        }
        append(.tag(text), from: start)
    }
}
