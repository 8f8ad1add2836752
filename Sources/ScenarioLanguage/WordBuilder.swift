/// Collects a word's literal bytes and variable references as the lexer reads them.
struct WordBuilder {
    var literal: [UInt8] = []
    var parts: [Word.Part] = []
    var text = ""
    var quoted = false

    mutating func flush() {
        guard !literal.isEmpty else { return }
        let s = String(decoding: literal, as: UTF8.self)
        parts.append(.literal(s))
        text += s
        literal.removeAll()
    }

    mutating func addVariable(_ name: String, spelled: String) {
        flush()
        parts.append(.variable(name))
        text += spelled
    }

    mutating func word(at location: SourceLocation, length: Int) -> Word {
        flush()
        return Word(text, parts: parts, location: location, length: length, isQuoted: quoted)
    }
}
