import SimCore

/// Gives meaning to one statement's words. Remembers the hosts declared so far, so later
/// statements can check the hosts they name.
struct StatementParser {
    let source: SourceText
    /// Checks the words of each `HOST$ docker …` line.
    let commands: CommandCheck
    /// Hosts declared so far, in order.
    var hosts: [HostDeclaration] = []
    /// Index into `hosts` by name (lookups only; never iterated).
    var hostIndex: [String: Int] = [:]
    /// Which host has each explicit address (lookups only).
    var addressOwners: [UInt32: String] = [:]

    init(source: SourceText, commands: @escaping CommandCheck) {
        self.source = source
        self.commands = commands
    }

    /// The words a statement can start with (besides `HOST$`), for suggestions.
    static let keywords = [
        "hosts", "wait", "expect", "partition", "isolate", "heal", "crash", "restart", "cut", "link",
        "say", "show", "curl", "measure", "image", "fail", "seed", "network", "raft", "dispatcher", "mesh", "task", "file", "lang",
    ]

    // MARK: Dispatch

    mutating func parse(_ words: [Word], hereDocument: HereDocument? = nil) throws(Diagnostic) -> Statement {
        let head = words[0]
        let rest = words[1...]
        if head.text == "file", !head.isQuoted { return try parseFile(head, rest, hereDocument: hereDocument) }
        if let hereDocument { throw Self.misplacedHereDocument(hereDocument) }
        if head.hasVariables {
            throw Diagnostic(at: head, "a statement cannot start with a variable",
                             hint: "variables can be used in docker arguments and say text")
        }
        if head.text.count > 1, head.text.hasSuffix("$"), !head.isQuoted {
            return try parseDocker(head, rest)
        }
        switch head.text {
        case "hosts": return try parseHosts(head, rest)
        case "wait": return try parseWait(head, rest)
        case "expect":
            let (condition, within) = try conditionWithOption(rest, after: head, option: "within", other: "timeout")
            return .expect(condition, within: within)
        case "measure": return try parseMeasure(head, rest)
        case "partition": return try parsePartition(head, rest)
        case "isolate": return .isolate(try hostList(head, rest))
        case "crash": return .crash(try hostList(head, rest))
        case "restart": return .restart(try hostList(head, rest))
        case "heal":
            try expectEnd(rest, after: "heal")
            return .heal
        case "cut": return try parseCut(head, rest)
        case "link": return try parseLink(head, rest)
        case "say":
            guard !rest.isEmpty else {
                throw Diagnostic(at: head, "missing text after 'say'", hint: "write say \"text\"")
            }
            return .say(Array(rest))
        case "show": return try parseShow(head, rest)
        case "curl": return try parseCurl(head, rest)
        case "image": return try parseImage(head, rest)
        case "fail": return try parseFail(head, rest)
        default:
            if SettingKey.allCases.contains(where: { $0.words[0] == head.text }) {
                return try parseSetting(head, rest)
            }
            throw unknownStatement(head, rest)
        }
    }

    private func unknownStatement(_ head: Word, _ rest: ArraySlice<Word>) -> Diagnostic {
        let message = "unknown statement \(head.text.quotedForMessage)"
        if hostIndex[head.text] != nil {
            return Diagnostic(at: head, message, hint: "to run a command on \(head.text), write '\(head.text)$ docker …'")
        }
        if head.text == "docker" {
            return Diagnostic(at: head, message, hint: "docker commands run on a host: write '\(hosts.first?.name ?? "m1")$ docker …'")
        }
        if head.text == "----" {
            return Diagnostic(at: head, message, hint: "an expected-output separator '----' starts at the first column")
        }
        return Diagnostic(at: head, message, hint: Suggestions.hint(for: head.text, among: Self.keywords))
    }

    // MARK: Docker

    private func parseDocker(_ head: Word, _ rest: ArraySlice<Word>) throws(Diagnostic) -> Statement {
        let name = String(head.text.dropLast())
        var hostWord = head
        hostWord.text = name
        hostWord.length = max(1, head.length - 1)
        let host = try declaredHost(hostWord)
        guard let command = rest.first else {
            throw Diagnostic(at: head, "missing command after \(head.text.quotedForMessage)", hint: "for example: \(head.text) docker node ls")
        }
        if rest.contains(where: { $0.text == "|" && !$0.isQuoted }), command.text != "docker" {
            return try parsePipedDocker(host: host, rest)
        }
        guard command.text == "docker" else {
            throw Diagnostic(at: command, "only docker commands run on hosts, not \(command.text.quotedForMessage)",
                             hint: Suggestions.hint(for: command.text, among: ["docker"]) ?? "for example: \(head.text) docker node ls")
        }
        if let pipe = rest.first(where: { $0.text == "|" && !$0.isQuoted }) {
            throw Diagnostic(at: pipe, "pipes are not supported in scenarios",
                             hint: "put the command's output under it with '----' to check it")
        }
        let words = Array(rest)
        try commands(words)
        return .docker(host: host, command: words)
    }

    // MARK: Shared pieces

    /// The word's text, refusing variables (which only docker arguments and `say` may hold).
    func literal(_ word: Word) throws(Diagnostic) -> String {
        if word.hasVariables {
            throw Diagnostic(at: word, "variables are not allowed here",
                             hint: "variables can be used in docker arguments and say text")
        }
        return word.text
    }

    /// The name of a host declared above, or "unknown host" with a suggestion.
    func declaredHost(_ word: Word) throws(Diagnostic) -> String {
        let name = try literal(word)
        guard hostIndex[name] == nil else { return name }
        let hint: String
        if hosts.isEmpty {
            hint = "declare hosts first, for example: hosts m1..m3 w1..w3"
        } else if let s = Suggestions.closest(to: name, among: hosts.map(\.name)) {
            hint = "did you mean '\(s)'?"
        } else {
            let names = hosts.prefix(8).map(\.name).joined(separator: ", ")
            hint = "declared hosts: \(names)\(hosts.count > 8 ? ", …" : "")"
        }
        throw Diagnostic(at: word, "unknown host \(name.quotedForMessage)", hint: hint)
    }

    /// One or more distinct declared hosts.
    func hostList(_ head: Word, _ rest: ArraySlice<Word>) throws(Diagnostic) -> [String] {
        guard !rest.isEmpty else {
            throw Diagnostic(at: head, "missing hosts after '\(head.text)'", hint: "for example: \(head.text) m1 w2")
        }
        var names: [String] = []
        for word in rest {
            let name = try declaredHost(word)
            if names.contains(name) { throw Diagnostic(at: word, "host '\(name)' is listed twice") }
            names.append(name)
        }
        return names
    }

    /// A duration word, with SimCore's explanation when it is not one.
    func duration(_ word: Word) throws(Diagnostic) -> SimDuration {
        let text = try literal(word)
        do {
            return try SimDuration(parsing: text)
        } catch {
            throw Diagnostic(at: word, error.message, hint: error.hint)
        }
    }

    /// Throws "unexpected 'x'" if any words are left.
    func expectEnd(_ rest: ArraySlice<Word>, after what: String, hint: String? = nil) throws(Diagnostic) {
        if let extra = rest.first {
            throw Diagnostic(at: extra, "unexpected \(extra.text.quotedForMessage) after '\(what.shortenedForMessage)'", hint: hint)
        }
    }

    /// A piece of a comma-separated word, with its own column when the word is unquoted.
    func pieces(of word: Word) -> [Word] {
        var out: [Word] = []
        var offset = 0
        for piece in word.text.split(separator: ",", omittingEmptySubsequences: false) {
            if !piece.isEmpty {
                var location = word.location
                if !word.isQuoted { location.column += offset }
                out.append(Word(String(piece), location: location,
                                length: word.isQuoted ? word.length : piece.unicodeScalars.count, isQuoted: word.isQuoted))
            }
            offset += piece.unicodeScalars.count + 1
        }
        return out
    }

    // MARK: Narration and traffic

    private func parseShow(_ head: Word, _ rest: ArraySlice<Word>) throws(Diagnostic) -> Statement {
        let names = ShowTarget.allCases.map(\.rawValue)
        guard let what = rest.first else {
            throw Diagnostic(at: head, "missing what to show after 'show'", hint: "for example: show cluster")
        }
        guard let target = ShowTarget(rawValue: what.text) else {
            throw Diagnostic(at: what, "cannot show \(what.text.quotedForMessage)",
                             hint: Suggestions.hint(for: what.text, among: names) ?? "show can show: " + names.joined(separator: ", "))
        }
        try expectEnd(rest.dropFirst(), after: "show \(what.text)")
        return .show(target)
    }

    private func parseCurl(_ head: Word, _ rest: ArraySlice<Word>) throws(Diagnostic) -> Statement {
        let usage = "write curl HOST:PORT [x COUNT], for example: curl w1:8080 x 6"
        guard let targetWord = rest.first else { throw Diagnostic(at: head, "missing HOST:PORT after 'curl'", hint: usage) }
        let text = try literal(targetWord)
        guard let colon = text.lastIndex(of: ":") else {
            throw Diagnostic(at: targetWord, "missing port in \(text.quotedForMessage)", hint: usage)
        }
        let hostText = String(text[..<colon])
        let portText = String(text[text.index(after: colon)...])
        guard portText.allSatisfy({ $0.isASCII && $0.isNumber }), let port = Int(portText), (1...65535).contains(port) else {
            throw Diagnostic(at: targetWord, "invalid port \(portText.quotedForMessage)", hint: "a port is a number from 1 to 65535")
        }
        let target: CurlRequest.Target
        if let address = IPv4Address(hostText) {
            target = .address(address)
        } else {
            var hostWord = targetWord
            hostWord.text = hostText
            hostWord.length = max(1, hostText.unicodeScalars.count)
            target = .host(try declaredHost(hostWord))
        }
        var count = 1
        var tail = rest.dropFirst()
        if let x = tail.first {
            var countText: String?
            var countWord = x
            if x.text == "x", tail.count >= 2 {
                countWord = tail[tail.startIndex + 1]
                countText = countWord.text
                tail = tail.dropFirst(2)
            } else if x.text.hasPrefix("x"), x.text.count > 1 {
                countText = String(x.text.dropFirst())
                tail = tail.dropFirst()
            } else {
                throw Diagnostic(at: x, "unexpected \(x.text.quotedForMessage) after the curl target", hint: usage)
            }
            guard let t = countText, t.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(t), (1...100_000).contains(n) else {
                throw Diagnostic(at: countWord, "invalid request count \((countText ?? "").quotedForMessage)",
                                 hint: "a count is a number from 1 to 100000")
            }
            count = n
        }
        try expectEnd(tail, after: "curl \(text)")
        return .curl(CurlRequest(target: target, port: port, count: count))
    }
}
