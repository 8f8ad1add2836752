// `file` statements and the pipes that give a docker command its standard input
// (docs/scenarios.md, "Files and standard input").

extension StatementParser {
    /// `file NAME "text"` or `file NAME <<EOF` with the body on the lines that follow.
    mutating func parseFile(_ head: Word, _ rest: ArraySlice<Word>, hereDocument: HereDocument?) throws(Diagnostic) -> Statement {
        let usage = "write file NAME \"text\", or file NAME <<EOF, the lines of the file, then EOF"
        guard let nameWord = rest.first else { throw Diagnostic(at: head, "missing file name after 'file'", hint: usage) }
        let name = try literal(nameWord)
        guard !name.isEmpty, !name.hasSuffix("/") else {
            throw Diagnostic(at: nameWord, "invalid file name \(name.quotedForMessage)", hint: usage)
        }
        if let hereDocument {
            try expectEnd(rest.dropFirst(), after: "file \(name)", hint: usage)
            return .file(name: name, contents: hereDocument.text)
        }
        guard let textWord = rest.dropFirst().first else {
            throw Diagnostic(at: nameWord, "missing the text of file \(name.quotedForMessage)", hint: usage)
        }
        let text = try literal(textWord)
        try expectEnd(rest.dropFirst(2), after: "file \(name) \(text)", hint: "quote text that holds spaces: file \(name) \"two words\"")
        return .file(name: name, contents: text)
    }

    /// `HOST$ echo … | docker …` or `HOST$ printf … | docker …`: the one pipe a scenario knows.
    func parsePipedDocker(host: String, _ rest: ArraySlice<Word>) throws(Diagnostic) -> Statement {
        let producer = rest[rest.startIndex]
        guard producer.text == "echo" || producer.text == "printf", !producer.hasVariables else {
            throw Diagnostic(at: producer, "only 'echo …|' and 'printf …|' can feed a docker command, not \(producer.text.quotedForMessage)",
                             hint: "give the text with printf, or declare a file: file NAME \"text\"")
        }
        guard let pipe = rest.firstIndex(where: { $0.text == "|" && !$0.isQuoted }) else {
            throw Diagnostic(at: producer, "only docker commands run on hosts, not \(producer.text.quotedForMessage)")
        }
        let input = Array(rest[(rest.startIndex + 1)..<pipe])
        let command = Array(rest[(pipe + 1)...])
        guard let docker = command.first else {
            throw Diagnostic(at: rest[pipe], "missing a docker command after '|'", hint: "for example: printf 's3cr3t' | docker secret create db_pass -")
        }
        guard docker.text == "docker" else {
            throw Diagnostic(at: docker, "only docker commands read the pipe, not \(docker.text.quotedForMessage)")
        }
        if let second = command.first(where: { $0.text == "|" && !$0.isQuoted }) {
            throw Diagnostic(at: second, "pipes are not supported in scenarios",
                             hint: "put the command's output under it with '----' to check it")
        }
        if producer.text == "printf", input.isEmpty {
            throw Diagnostic(at: producer, "printf: usage: printf format [arguments]")
        }
        try commands(command)
        return .pipedDocker(host: host, input: producer.text == "echo" ? .echo(input) : .printf(input), command: command)
    }

    /// A here-document after a statement other than `file`.
    static func misplacedHereDocument(_ document: HereDocument) -> Diagnostic {
        Diagnostic(at: document.location, length: 2 + document.delimiter.count,
                   "a here-document can only give the text of a 'file' statement",
                   hint: "write file NAME <<\(document.delimiter), then read the file by its name; or pipe printf into docker")
    }
}
