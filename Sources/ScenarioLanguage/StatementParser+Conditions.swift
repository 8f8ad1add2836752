import SimCore

// `wait`, `expect`, `measure`, and the conditions they share.

extension StatementParser {
    func parseWait(_ head: Word, _ rest: ArraySlice<Word>) throws(Diagnostic) -> Statement {
        guard let first = rest.first else {
            throw Diagnostic(at: head, "missing duration after 'wait'", hint: "write wait 10s, or wait until CONDITION [timeout DURATION]")
        }
        if first.text == "until" {
            let (condition, timeout) = try conditionWithOption(rest.dropFirst(), after: first, option: "timeout", other: "within")
            return .waitUntil(condition, timeout: timeout)
        }
        try expectEnd(rest.dropFirst(), after: "wait \(first.text)")
        if first.text.contains("..") {
            let (lo, hi) = try durationRange(first, context: "wait")
            return .waitRandom(lo, hi)
        }
        return .wait(try duration(first))
    }

    func parseMeasure(_ head: Word, _ rest: ArraySlice<Word>) throws(Diagnostic) -> Statement {
        let usage = "write measure NAME until CONDITION [timeout DURATION], for example: measure failover until leader timeout 60s"
        guard let nameWord = rest.first else { throw Diagnostic(at: head, "missing name after 'measure'", hint: usage) }
        let name = try literal(nameWord)
        guard name.unicodeScalars.allSatisfy({ ValueSyntax.isASCIILetter($0) || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0) }) else {
            throw Diagnostic(at: nameWord, "invalid measurement name \(name.quotedForMessage)", hint: "use letters, digits, '-', '_' and '.'")
        }
        let after = rest.dropFirst()
        guard let until = after.first, until.text == "until" else {
            throw Diagnostic(at: after.first ?? nameWord, "expected 'until' after the measurement name", hint: usage)
        }
        let (condition, timeout) = try conditionWithOption(after.dropFirst(), after: until, option: "timeout", other: "within")
        return .measure(name: name, until: condition, timeout: timeout)
    }

    /// A condition followed by an optional `option DURATION` (`within 30s`, `timeout 1m`).
    func conditionWithOption(_ words: ArraySlice<Word>, after: Word, option: String, other: String) throws(Diagnostic) -> (Condition, SimDuration?) {
        var conditionWords = words
        var value: SimDuration?
        if words.count >= 2, words[words.endIndex - 2].text == option {
            value = try duration(words[words.endIndex - 1])
            conditionWords = words.dropLast(2)
        } else if let last = words.last, last.text == option {
            throw Diagnostic(at: last, "missing duration after '\(option)'", hint: "for example: \(option) 30s")
        }
        if let wrong = conditionWords.first(where: { $0.text == other }) {
            let statement = option == "within" ? "expect" : after.text == "until" ? "wait until" : "measure"
            throw Diagnostic(at: wrong, "'\(statement)' takes '\(option) DURATION', not '\(other)'",
                             hint: "write \(option) \(conditionWords.last?.text ?? "30s")")
        }
        return (try condition(conditionWords, after: after), value)
    }

    static let conditionWords = ["leader", "no", "node", "manager", "service", "services", "curl"]
    static let conditionForms = "leader, leader for 3s, leader in m1,m2, leader is m1, no leader, node NAME ready|down|unknown|active|pause|drain, manager NAME [leader|follower|candidate|pre-candidate] [term N], service NAME running N, services converged, curl all-tasks-answered, curl no-failures, curl failures <= K"

    /// Reads a whole condition from `words` (nothing may follow it).
    func condition(_ words: ArraySlice<Word>, after: Word) throws(Diagnostic) -> Condition {
        guard let first = words.first else {
            throw Diagnostic(at: after, "missing condition after \(after.text.quotedForMessage)", hint: "conditions: " + Self.conditionForms)
        }
        let rest = words.dropFirst()
        switch first.text {
        case "leader":
            return try leaderCondition(rest, after: first)
        case "no":
            return try twoWordCondition(rest, after: first, second: "leader", .noLeader)
        case "node":
            return try nodeCondition(rest, after: first)
        case "manager":
            return try managerCondition(rest, after: first)
        case "service":
            return try serviceCondition(rest, after: first)
        case "services":
            return try twoWordCondition(rest, after: first, second: "converged", .servicesConverged)
        case "curl":
            return try curlCondition(rest, after: first)
        default:
            throw Diagnostic(at: first, "unknown condition \(first.text.quotedForMessage)",
                             hint: Suggestions.hint(for: first.text, among: Self.conditionWords) ?? "conditions: " + Self.conditionForms)
        }
    }

    /// A condition of two fixed words (`no leader`, `services converged`), with nothing after them.
    private func twoWordCondition(_ rest: ArraySlice<Word>, after first: Word, second: String,
                                  _ condition: Condition) throws(Diagnostic) -> Condition {
        let phrase = "\(first.text) \(second)"
        guard let word = rest.first, word.text == second else {
            throw Diagnostic(at: rest.first ?? first, "expected '\(phrase)'", hint: "conditions: " + Self.conditionForms)
        }
        try expectEnd(rest.dropFirst(), after: phrase)
        return condition
    }

    /// `leader`, `leader for 3s`, `leader in m1,m2` or `leader is m1`; `rest` follows the word
    /// `leader`.
    func leaderCondition(_ rest: ArraySlice<Word>, after first: Word) throws(Diagnostic) -> Condition {
        guard let how = rest.first else { return .leader }
        switch how.text {
        case "in":
            var names: [String] = []
            for word in rest.dropFirst() {
                for piece in pieces(of: word) { names.append(try declaredHost(piece)) }
            }
            guard !names.isEmpty else { throw Diagnostic(at: how, "missing hosts after 'leader in'", hint: "for example: leader in m2,m3") }
            return .leaderIn(names)
        case "is":
            guard let hostWord = rest.dropFirst().first else {
                throw Diagnostic(at: how, "missing host after 'leader is'", hint: "for example: leader is m1")
            }
            try expectEnd(rest.dropFirst(2), after: "leader is \(hostWord.text)")
            return .leaderIs(try declaredHost(hostWord))
        case "for":
            guard let durationWord = rest.dropFirst().first else {
                throw Diagnostic(at: how, "missing duration after 'leader for'", hint: "for example: leader for 3s")
            }
            try expectEnd(rest.dropFirst(2), after: "leader for \(durationWord.text)")
            return .leaderFor(try duration(durationWord))
        default:
            throw Diagnostic(at: how, "unexpected \(how.text.quotedForMessage) after 'leader'",
                             hint: "write leader, leader for 3s, leader in m1,m2 or leader is m1")
        }
    }

    /// `node NAME STATE`, a status or an availability; `rest` follows the word `node`.
    func nodeCondition(_ rest: ArraySlice<Word>, after first: Word) throws(Diagnostic) -> Condition {
        let states = Condition.NodeStatus.allCases.map(\.rawValue) + Condition.NodeAvailability.allCases.map(\.rawValue)
        guard let nameWord = rest.first else {
            throw Diagnostic(at: first, "missing node name after 'node'", hint: "for example: node w1 down")
        }
        let node = try declaredHost(nameWord)
        guard let stateWord = rest.dropFirst().first else {
            throw Diagnostic(at: nameWord, "missing state after 'node \(node)'", hint: "one of: " + states.joined(separator: ", "))
        }
        try expectEnd(rest.dropFirst(2), after: "node \(node) \(stateWord.text)")
        if let status = Condition.NodeStatus(rawValue: stateWord.text) { return .nodeStatus(node: node, status) }
        if let availability = Condition.NodeAvailability(rawValue: stateWord.text) { return .nodeAvailability(node: node, availability) }
        throw Diagnostic(at: stateWord, "unknown node state \(stateWord.text.quotedForMessage)",
                         hint: Suggestions.hint(for: stateWord.text, among: states) ?? "one of: " + states.joined(separator: ", "))
    }

    /// `service NAME running N`; `rest` follows the word `service`.
    func serviceCondition(_ rest: ArraySlice<Word>, after first: Word) throws(Diagnostic) -> Condition {
        let usage = "write service NAME running N, for example: service web running 6"
        guard let nameWord = rest.first else { throw Diagnostic(at: first, "missing service name after 'service'", hint: usage) }
        let name = try literal(nameWord)
        let tail = rest.dropFirst()
        guard let running = tail.first, running.text == "running" else {
            throw Diagnostic(at: tail.first ?? nameWord, "expected 'running' after 'service \(name.shortenedForMessage)'", hint: usage)
        }
        guard let countWord = tail.dropFirst().first else { throw Diagnostic(at: running, "missing task count after 'running'", hint: usage) }
        guard countWord.text.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(countWord.text) else {
            throw Diagnostic(at: countWord, "invalid task count \(countWord.text.quotedForMessage)", hint: "a whole number, 0 or more")
        }
        try expectEnd(tail.dropFirst(2), after: "service \(name) running \(n)")
        return .serviceRunning(service: name, tasks: n)
    }

    /// `curl all-tasks-answered`, `curl no-failures` or `curl failures <= K`; `rest` follows `curl`.
    func curlCondition(_ rest: ArraySlice<Word>, after first: Word) throws(Diagnostic) -> Condition {
        let forms = ["all-tasks-answered", "no-failures", "failures"]
        guard let what = rest.first else {
            throw Diagnostic(at: first, "missing curl condition after 'curl'", hint: "one of: all-tasks-answered, no-failures, failures <= K")
        }
        switch what.text {
        case "all-tasks-answered":
            try expectEnd(rest.dropFirst(), after: "curl all-tasks-answered")
            return .curlAllTasksAnswered
        case "no-failures":
            try expectEnd(rest.dropFirst(), after: "curl no-failures")
            return .curlNoFailures
        case "failures":
            let tail = Array(rest.dropFirst())
            guard tail.count >= 2, tail[0].text == "<=" else {
                throw Diagnostic(at: tail.first ?? what, "expected 'curl failures <= K'", hint: "for example: curl failures <= 2")
            }
            guard tail[1].text.allSatisfy({ $0.isASCII && $0.isNumber }), let k = Int(tail[1].text) else {
                throw Diagnostic(at: tail[1], "invalid failure count \(tail[1].text.quotedForMessage)", hint: "a whole number, 0 or more")
            }
            try expectEnd(tail.dropFirst(2)[...], after: "curl failures <= \(k)")
            return .curlFailures(atMost: k)
        default:
            throw Diagnostic(at: what, "unknown curl condition \(what.text.quotedForMessage)",
                             hint: Suggestions.hint(for: what.text, among: forms) ?? "one of: all-tasks-answered, no-failures, failures <= K")
        }
    }

    /// `manager NAME [ROLE] [term N]`, at least one of the two.
    func managerCondition(_ rest: ArraySlice<Word>, after first: Word) throws(Diagnostic) -> Condition {
        let usage = "write manager NAME [leader|follower|candidate|pre-candidate] [term N], for example: manager m1 follower term 3"
        guard let nameWord = rest.first else { throw Diagnostic(at: first, "missing host name after 'manager'", hint: usage) }
        let host = try declaredHost(nameWord)
        var tail = rest.dropFirst()
        var role: Condition.RaftRole?
        if let word = tail.first, word.text != "term" {
            guard let r = Condition.RaftRole(rawValue: word.text) else {
                let roles = Condition.RaftRole.allCases.map(\.rawValue) + ["term"]
                throw Diagnostic(at: word, "unknown Raft role \(word.text.quotedForMessage)",
                                 hint: Suggestions.hint(for: word.text, among: roles) ?? usage)
            }
            role = r
            tail = tail.dropFirst()
        }
        var term: UInt64?
        if let word = tail.first {
            guard word.text == "term" else { throw Diagnostic(at: word, "expected 'term' after the role", hint: usage) }
            guard let valueWord = tail.dropFirst().first else { throw Diagnostic(at: word, "missing number after 'term'", hint: usage) }
            guard valueWord.text.allSatisfy({ $0.isASCII && $0.isNumber }), let n = UInt64(valueWord.text) else {
                throw Diagnostic(at: valueWord, "invalid term \(valueWord.text.quotedForMessage)", hint: "a whole number, 0 or more")
            }
            term = n
            tail = tail.dropFirst(2)
            try expectEnd(tail, after: "term \(n)")
        }
        guard role != nil || term != nil else { throw Diagnostic(at: nameWord, "missing role or term after 'manager \(host)'", hint: usage) }
        return .manager(host: host, role: role, term: term)
    }
}
