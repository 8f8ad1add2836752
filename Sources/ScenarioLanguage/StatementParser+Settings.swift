import SimCore

// `seed 42`, `network latency 1ms..5ms`, `raft prevote on`, … : read through `SettingKey`.

extension StatementParser {
    func parseSetting(_ head: Word, _ rest: ArraySlice<Word>) throws(Diagnostic) -> Statement {
        let (key, valueWords) = try settingKey(head, rest)
        guard let first = valueWords.first else {
            throw Diagnostic(at: rest.last ?? head, "missing value for '\(key.rawValue)'", hint: "for example: \(Self.example(key))")
        }
        if case .latency = key.kind {
            let value = SettingValue.latency(try latency(Array(valueWords), context: key.rawValue))
            return .setting(Setting(key: key, value: value))
        }
        let value = try settingValue(first, for: key)
        try expectEnd(valueWords.dropFirst(), after: "\(key.rawValue) \(first.text)")
        return .setting(Setting(key: key, value: value))
    }

    /// The setting `head` (and, for two-word settings, the word after it) names, and the words
    /// of its value.
    func settingKey(_ head: Word, _ rest: ArraySlice<Word>) throws(Diagnostic) -> (SettingKey, ArraySlice<Word>) {
        let candidates = SettingKey.allCases.filter { $0.words[0] == head.text }
        var valueWords = rest
        let key: SettingKey
        if let single = candidates.first(where: { $0.words.count == 1 }) {
            key = single
        } else {
            let names = candidates.map { $0.words[1] }
            guard let nameWord = rest.first else {
                throw Diagnostic(at: head, "missing \(head.text) setting after '\(head.text)'",
                                 hint: "\(head.text) settings: " + names.joined(separator: ", "))
            }
            guard let found = candidates.first(where: { $0.words[1] == nameWord.text }) else {
                throw Diagnostic(at: nameWord, "unknown \(head.text) setting \(nameWord.text.quotedForMessage)",
                                 hint: Suggestions.hint(for: nameWord.text, among: names)
                                    ?? "\(head.text) settings: " + names.joined(separator: ", "))
            }
            key = found
            valueWords = rest.dropFirst()
        }
        return (key, valueWords)
    }

    /// A one-word setting value: `first` read as `key`'s kind asks (latency is read apart).
    func settingValue(_ first: Word, for key: SettingKey) throws(Diagnostic) -> SettingValue {
        switch key.kind {
        case .latency:
            return .latency(try latency([first], context: key.rawValue))
        case .seed:
            let text = try literal(first)
            guard text.allSatisfy({ $0.isASCII && $0.isNumber }), let seed = UInt64(text) else {
                throw Diagnostic(at: first, "invalid seed \(text.quotedForMessage)",
                                 hint: "a seed is a whole number from 0 to \(UInt64.max)")
            }
            return .seed(seed)
        case .probability:
            return .probability(try probability(first))
        case .duration, .positiveDuration:
            let d = try duration(first)
            if key.kind == .positiveDuration, d <= .zero {
                throw Diagnostic(at: first, "'\(key.rawValue)' must be longer than zero", hint: "for example: \(Self.example(key))")
            }
            return .duration(d)
        case .count:
            let text = try literal(first)
            guard text.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(text), n >= 1 else {
                throw Diagnostic(at: first, "invalid count \(text.quotedForMessage) for '\(key.rawValue)'",
                                 hint: "a whole number of at least 1, for example: \(Self.example(key))")
            }
            return .count(n)
        case .toggle:
            switch first.text {
            case "on": return .toggle(true)
            case "off": return .toggle(false)
            default:
                throw Diagnostic(at: first, "'\(key.rawValue)' is on or off, not \(first.text.quotedForMessage)",
                                 hint: Suggestions.hint(for: first.text, among: ["on", "off"]))
            }
        case .durationRange:
            let (lo, hi) = try durationRange(first, context: key.rawValue)
            return .durationRange(lo, hi)
        case .timeoutRange:
            return try timeoutRange(first, key: key)
        case .choice(let choices):
            guard choices.contains(first.text) else {
                throw Diagnostic(at: first, "'\(key.rawValue)' is one of \(choices.joined(separator: ", ")), not \(first.text.quotedForMessage)",
                                 hint: Suggestions.hint(for: first.text, among: choices))
            }
            return .choice(first.text)
        }
    }

    /// A statement that sets `key` to a typical value, for hints.
    static func example(_ key: SettingKey) -> String {
        switch key.kind {
        case .seed: "seed 42"
        case .latency: "\(key.rawValue) 2ms, \(key.rawValue) 1ms..5ms, or \(key.rawValue) exponential min=1ms mean=5ms"
        case .probability: "\(key.rawValue) 1%"
        case .duration: "\(key.rawValue) 500ms"
        case .positiveDuration: "\(key.rawValue) 1s"
        case .count: "\(key.rawValue) 10"
        case .toggle: "\(key.rawValue) on"
        case .timeoutRange: "\(key.rawValue) 150ms..300ms, or in ticks: \(key.rawValue) 10..20"
        case .durationRange: "\(key.rawValue) 5ms, or \(key.rawValue) 2ms..8ms"
        case .choice(let c): "\(key.rawValue) \(c[0])"
        }
    }

    // MARK: Values

    /// `2ms`, `1ms..5ms`, or `exponential min=1ms mean=5ms` (the last only as separate words).
    func latency(_ words: [Word], context: String) throws(Diagnostic) -> LatencySpec {
        let first = words[0]
        let text = try literal(first)
        if text == "exponential" {
            var minimum: SimDuration?, mean: SimDuration?
            for word in words.dropFirst() {
                let (key, value) = ValueSyntax.splitKeyValue(try literal(word))
                guard let value, key == "min" || key == "mean" else {
                    throw Diagnostic(at: word, "expected min=DURATION or mean=DURATION, not \(word.text.quotedForMessage)",
                                     hint: "for example: \(context) exponential min=1ms mean=5ms")
                }
                let d = try duration(subword(word, droppingPrefix: key.count + 1, text: value))
                if key == "min" { minimum = d } else { mean = d }
            }
            guard let minimum, let mean else {
                throw Diagnostic(at: first, "exponential latency needs min= and mean=",
                                 hint: "for example: \(context) exponential min=1ms mean=5ms")
            }
            guard mean >= minimum else {
                throw Diagnostic(at: first, "exponential latency: mean \(mean) is below min \(minimum)")
            }
            return .exponential(minimum: minimum, mean: mean)
        }
        if words.count > 1 { try expectEnd(words[1...], after: "\(context) \(text)") }
        return try latency(first)
    }

    /// One word: `2ms` or `1ms..5ms`.
    func latency(_ word: Word) throws(Diagnostic) -> LatencySpec {
        let text = try literal(word)
        guard let range = text.firstRange(of: "..") else { return .fixed(try duration(word)) }
        let loText = String(text[..<range.lowerBound]), hiText = String(text[range.upperBound...])
        let lo = try duration(subword(word, droppingPrefix: 0, text: loText))
        let hi = try duration(subword(word, droppingPrefix: loText.count + 2, text: hiText))
        guard lo <= hi else {
            throw Diagnostic(at: word, "latency range \(text.quotedForMessage) goes down", hint: "write the smaller bound first: \(hi)..\(lo)")
        }
        return .uniform(lo, hi)
    }

    /// `10ms..75ms`: a closed range of durations, smaller bound first.
    func durationRange(_ word: Word, context: String) throws(Diagnostic) -> (SimDuration, SimDuration) {
        let text = try literal(word)
        guard let range = text.firstRange(of: "..") else { let d = try duration(word); return (d, d) }
        let loText = String(text[..<range.lowerBound]), hiText = String(text[range.upperBound...])
        let lo = try duration(subword(word, droppingPrefix: 0, text: loText))
        let hi = try duration(subword(word, droppingPrefix: loText.count + 2, text: hiText))
        guard lo <= hi else {
            throw Diagnostic(at: word, "range \(text.quotedForMessage) goes down", hint: "write the smaller bound first: \(context) \(hi)..\(lo)")
        }
        return (lo, hi)
    }

    /// `150ms..300ms` or `150ms` (durations), `10..20` or `10` (ticks: whole numbers of at least 1).
    func timeoutRange(_ word: Word, key: SettingKey) throws(Diagnostic) -> SettingValue {
        let text = try literal(word)
        let parts = text.firstRange(of: "..").map { [String(text[..<$0.lowerBound]), String(text[$0.upperBound...])] } ?? [text]
        let isCount = { (s: String) in !s.isEmpty && s.allSatisfy { $0.isASCII && $0.isNumber } }
        if parts.allSatisfy(isCount) {
            guard let lo = Int(parts[0]), let hi = Int(parts[parts.count - 1]), lo >= 1 else {
                throw Diagnostic(at: word, "invalid tick count \(text.quotedForMessage) for '\(key.rawValue)'",
                                 hint: "ticks are whole numbers of at least 1, for example: \(key.rawValue) 10..20")
            }
            guard lo <= hi else {
                throw Diagnostic(at: word, "range \(text.quotedForMessage) goes down", hint: "write the smaller bound first: \(key.rawValue) \(hi)..\(lo)")
            }
            return .tickRange(lo, hi)
        }
        let (lo, hi) = try durationRange(word, context: key.rawValue)
        guard lo > .zero else {
            throw Diagnostic(at: word, "'\(key.rawValue)' must be longer than zero", hint: "for example: \(Self.example(key))")
        }
        return .durationRange(lo, hi)
    }

    /// `1%`, `0.5%` or `0.01`: a probability in [0, 1], exact to the written decimal.
    func probability(_ word: Word) throws(Diagnostic) -> Double {
        let text = try literal(word)
        let hint = "write a percentage (1%, 0.5%) or a fraction from 0 to 1 (0.01)"
        let percent = text.hasSuffix("%")
        let number = percent ? String(text.dropLast()) : text
        var scalars = Substring(number).unicodeScalars[...]
        guard ValueSyntax.takeDecimal(&scalars) != nil, scalars.isEmpty,
              let value = Double(percent ? number + "e-2" : number) else {
            throw Diagnostic(at: word, "invalid probability \(text.quotedForMessage)", hint: hint)
        }
        guard value <= 1 else { throw Diagnostic(at: word, "probability \(text.quotedForMessage) is more than 100%", hint: hint) }
        return value
    }

    /// A word made from part of `word` (for `min=1ms`, `1ms..5ms`), placed at its own column
    /// when `word` is unquoted.
    func subword(_ word: Word, droppingPrefix count: Int, text: String) -> Word {
        var location = word.location
        if !word.isQuoted { location.column += count }
        return Word(text, location: location, length: word.isQuoted ? word.length : max(1, text.unicodeScalars.count), isQuoted: word.isQuoted)
    }
}
