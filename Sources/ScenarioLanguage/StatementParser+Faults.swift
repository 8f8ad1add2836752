// `partition m1 m2 | m3 w1`, `cut m1 -> m2`, `link m1 m2 latency=…`, `link m1 -> m2 reset`

extension StatementParser {
    func parsePartition(_ head: Word, _ rest: ArraySlice<Word>) throws(Diagnostic) -> Statement {
        let usage = "for example: partition m1 m2 | m3 w1"
        var groups: [[String]] = [[]]
        var listed: [String] = []
        var lastSeparator: Word?
        for word in rest {
            if word.text == "|", !word.isQuoted {
                if groups[groups.count - 1].isEmpty {
                    throw Diagnostic(at: word, "empty group before '|' in partition", hint: usage)
                }
                groups.append([])
                lastSeparator = word
                continue
            }
            let name = try declaredHost(word)
            if listed.contains(name) {
                throw Diagnostic(at: word, "host '\(name)' is in two groups", hint: "each host belongs to one group")
            }
            listed.append(name)
            groups[groups.count - 1].append(name)
        }
        if let lastSeparator, groups[groups.count - 1].isEmpty {
            throw Diagnostic(at: lastSeparator, "empty group after '|' in partition", hint: usage)
        }
        guard groups.count >= 2 else {
            throw Diagnostic(at: rest.first ?? head, "partition needs two or more groups separated by '|'", hint: usage)
        }
        // Hosts not listed join the first group, in declaration order.
        groups[0] += hosts.map(\.name).filter { !listed.contains($0) }
        return .partition(groups)
    }

    func parseCut(_ head: Word, _ rest: ArraySlice<Word>) throws(Diagnostic) -> Statement {
        var words = Array(rest)
        let usage = "write cut FROM -> TO, with spaces around ->, for example: cut m1 -> m2 (or cut m1 -> m2 raft-entries)"
        let entriesOnly = words.count == 4 && words[3].text == "raft-entries"
        if entriesOnly { words.removeLast() }
        guard words.count == 3, words[1].text == "->" else {
            let at = words.first(where: { $0.text.contains("->") && $0.text != "->" }) ?? words.first ?? head
            throw Diagnostic(at: at, "expected 'cut HOST -> HOST'", hint: usage)
        }
        let from = try declaredHost(words[0]), to = try declaredHost(words[2])
        guard from != to else { throw Diagnostic(at: words[2], "a host cannot be cut from itself") }
        return .cut(from: from, to: to, entriesOnly: entriesOnly)
    }

    static let linkOptions = ["latency", "loss", "duplication"]

    func parseLink(_ head: Word, _ rest: ArraySlice<Word>) throws(Diagnostic) -> Statement {
        let usage = "for example: link m1 m2 latency=200ms loss=10%, link m1 -> m2 loss=5%, or link m1 m2 reset"
        var words = rest
        guard let fromWord = words.popFirst() else { throw Diagnostic(at: head, "missing hosts after 'link'", hint: usage) }
        var both = true
        if words.first?.text == "->" {
            both = false
            words = words.dropFirst()
        }
        guard let toWord = words.popFirst() else { throw Diagnostic(at: fromWord, "missing second host after '\(fromWord.text)'", hint: usage) }
        if fromWord.text.contains("->") || toWord.text.contains("->") && toWord.text != "->" {
            throw Diagnostic(at: fromWord.text.contains("->") ? fromWord : toWord, "write '->' with spaces around it", hint: usage)
        }
        let from = try declaredHost(fromWord), to = try declaredHost(toWord)
        guard from != to else { throw Diagnostic(at: toWord, "a link joins two different hosts") }
        if words.first?.text == "reset" {
            try expectEnd(words.dropFirst(), after: "reset")
            return .link(LinkChange(from: from, to: to, bothDirections: both, action: .reset))
        }
        guard !words.isEmpty else {
            throw Diagnostic(at: toWord, "missing link settings: latency=, loss=, duplication= or reset", hint: usage)
        }
        var properties = LinkProperties()
        var seen: [String] = []
        for word in words {
            let text = try literal(word)
            let (key, value) = ValueSyntax.splitKeyValue(text)
            guard let value, Self.linkOptions.contains(key) else {
                throw Diagnostic(at: word, "unknown link setting \(key.quotedForMessage)",
                                 hint: Suggestions.hint(for: key, among: Self.linkOptions + ["reset"]) ?? usage)
            }
            if seen.contains(key) { throw Diagnostic(at: word, "\(key)= is given twice") }
            seen.append(key)
            let valueWord = subword(word, droppingPrefix: key.count + 1, text: value)
            switch key {
            case "latency": properties.latency = try latency(valueWord)
            case "loss": properties.loss = try probability(valueWord)
            default: properties.duplication = try probability(valueWord)
            }
        }
        return .link(LinkChange(from: from, to: to, bothDirections: both, action: .set(properties)))
    }
}
