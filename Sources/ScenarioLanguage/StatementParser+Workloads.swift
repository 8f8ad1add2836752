import SimCore

// `image REF exits CODE after DURATION[..DURATION]`, `image REF completes after …`,
// `image REF unhealthy after …`, `image REF pull fails`; `fail SERVICE.SLOT [exit CODE]`,
// `fail SERVICE on HOST [exit CODE]`.

extension StatementParser {
    static let imageUsage = "write image REF exits CODE after 5s, image REF completes after 30s, "
        + "image REF unhealthy after 20s, or image REF pull fails"

    func parseImage(_ head: Word, _ rest: ArraySlice<Word>) throws(Diagnostic) -> Statement {
        var words = rest
        guard let refWord = words.popFirst() else { throw Diagnostic(at: head, "missing image after 'image'", hint: Self.imageUsage) }
        let ref = try literal(refWord)
        guard !ref.isEmpty, !ref.contains(where: { $0 == " " || $0.isUppercase }) else {
            throw Diagnostic(at: refWord, "invalid image reference \(ref.quotedForMessage)", hint: "image references are lowercase, like web:2")
        }
        guard let verb = words.popFirst() else { throw Diagnostic(at: refWord, "missing behaviour after the image", hint: Self.imageUsage) }
        switch verb.text {
        case "pull":
            guard let fails = words.popFirst(), fails.text == "fails" else {
                throw Diagnostic(at: words.first ?? verb, "expected 'pull fails'", hint: Self.imageUsage)
            }
            try expectEnd(words, after: "pull fails")
            return .image(ref, .pullFails)
        case "exits":
            guard let codeWord = words.popFirst(), let code = Int(codeWord.text), (1...255).contains(code) else {
                throw Diagnostic(at: words.first ?? verb, "expected an exit code from 1 to 255 after 'exits'",
                                 hint: "an image whose containers exit with 0 completes: write image REF completes after 30s")
            }
            let (lo, hi) = try afterMoment(&words, after: codeWord)
            return .image(ref, .exits(code: code, after: lo, upTo: hi))
        case "completes":
            let (lo, hi) = try afterMoment(&words, after: verb)
            return .image(ref, .completes(after: lo, upTo: hi))
        case "unhealthy":
            let (lo, hi) = try afterMoment(&words, after: verb)
            return .image(ref, .unhealthy(after: lo, upTo: hi))
        default:
            throw Diagnostic(at: verb, "unknown image behaviour \(verb.text.quotedForMessage)",
                             hint: Suggestions.hint(for: verb.text, among: ["exits", "completes", "unhealthy", "pull"]) ?? Self.imageUsage)
        }
    }

    /// `after 5s` or `after 10s..60s`, and nothing more.
    private func afterMoment(_ words: inout ArraySlice<Word>, after previous: Word) throws(Diagnostic) -> (SimDuration, SimDuration) {
        guard let after = words.popFirst(), after.text == "after" else {
            throw Diagnostic(at: words.first ?? previous, "expected 'after DURATION'", hint: Self.imageUsage)
        }
        guard let when = words.popFirst() else { throw Diagnostic(at: after, "missing duration after 'after'", hint: "for example: after 5s or after 10s..60s") }
        try expectEnd(words, after: "after \(when.text)")
        if when.text.contains("..") { return try durationRange(when, context: "image") }
        let d = try duration(when)
        return (d, d)
    }

    func parseFail(_ head: Word, _ rest: ArraySlice<Word>) throws(Diagnostic) -> Statement {
        let usage = "write fail SERVICE.SLOT [exit CODE] or fail SERVICE on HOST [exit CODE], for example: fail web.2 exit 137"
        var words = rest
        guard let targetWord = words.popFirst() else { throw Diagnostic(at: head, "missing task after 'fail'", hint: usage) }
        let text = try literal(targetWord)
        let target: FailTarget
        if words.first?.text == "on" {
            words.removeFirst()
            guard let hostWord = words.popFirst() else { throw Diagnostic(at: targetWord, "missing host after 'on'", hint: usage) }
            target = .host(service: text, host: try declaredHost(hostWord))
        } else if let dot = text.lastIndex(of: "."), let slot = Int(text[text.index(after: dot)...]), slot > 0, dot > text.startIndex {
            target = .slot(service: String(text[..<dot]), slot: slot)
        } else {
            throw Diagnostic(at: targetWord, "expected SERVICE.SLOT or SERVICE on HOST", hint: usage)
        }
        var code = 1
        if let exitWord = words.popFirst() {
            guard exitWord.text == "exit" else { throw Diagnostic(at: exitWord, "unexpected \(exitWord.text.quotedForMessage)", hint: usage) }
            guard let codeWord = words.popFirst(), let c = Int(codeWord.text), (1...255).contains(c) else {
                throw Diagnostic(at: words.first ?? exitWord, "expected an exit code from 1 to 255 after 'exit'", hint: usage)
            }
            code = c
            try expectEnd(words, after: "exit \(c)")
        }
        return .fail(target, exitCode: code)
    }
}
