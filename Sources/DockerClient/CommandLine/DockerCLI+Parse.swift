// Checking a docker command line against the table, pflag-style.

import ScenarioLanguage

extension DockerCLI {
    /// Parses `argv`, whose first word is `docker`, into an invocation, or a diagnostic with
    /// docker's message (and our hint). The diagnostic has no source line; the scenario parser
    /// adds it.
    ///
    /// - Complexity: O(words × flags of the command).
    public static func parse(_ argv: [Word]) -> Result<DockerInvocation, Diagnostic> {
        do {
            return .success(try parseOrThrow(argv))
        } catch {
            return .failure(error)
        }
    }

    package static func parseOrThrow(_ argv: [Word]) throws(Diagnostic) -> DockerInvocation {
        guard let docker = argv.first, docker.text == "docker" else {
            let location = argv.first?.location ?? SourceLocation(file: "", line: 1, column: 1)
            throw Diagnostic(at: location, length: argv.first?.length ?? 1, "expected 'docker'")
        }
        let (command, rest) = try resolveCommand(argv)
        var invocation = DockerInvocation(path: command.path, location: docker.location)
        try readFlags(rest, of: command, into: &invocation)
        try checkArgumentCount(command, invocation, docker: docker, argv: argv)
        try runChecks(command, &invocation, docker: docker)
        return invocation
    }

    // MARK: Commands

    /// Finds the command the first words name; returns it and the words after its name.
    static func resolveCommand(_ argv: [Word]) throws(Diagnostic) -> (Command, ArraySlice<Word>) {
        guard argv.count > 1 else {
            throw Diagnostic(at: argv[0], "missing docker command", hint: "for example: docker node ls")
        }
        let first = argv[1]
        if first.text.hasPrefix("-") {
            throw Diagnostic(at: first, "'docker \(first.text.shortenedForMessage)' is not supported by swarmsim yet",
                             hint: "swarmsim has no global docker options; write the command right after 'docker'")
        }
        if let command = command([first.text]) { return (command, argv.dropFirst(2)) }
        guard let group = groups.first(where: { $0.name == first.text }) else {
            if unsupportedCommands.contains(first.text) {
                throw Diagnostic(at: first, "'docker \(first.text)' is not supported by swarmsim yet",
                                 hint: "swarmsim simulates swarm mode: docker swarm, node, service, network, secret, config, stack, info, ps, version")
            }
            throw Diagnostic(at: first, "docker: \(first.text.quotedForMessage) is not a docker command.",
                             notes: ["See 'docker --help'"],
                             hint: Suggestions.hint(for: first.text, among: topLevelNames))
        }
        guard argv.count > 2, !argv[2].text.hasPrefix("-") else {
            let subcommands = subcommands(of: group.name)
            throw Diagnostic(at: first, "\"docker \(group.name)\" requires a subcommand.",
                             notes: ["See 'docker \(group.name) --help'."],
                             hint: "one of: " + subcommands.joined(separator: ", "))
        }
        let second = argv[2]
        if let command = command([group.name, second.text]) { return (command, argv.dropFirst(3)) }
        let subcommands = subcommands(of: group.name)
        if group.unsupported.contains(second.text) {
            throw Diagnostic(at: second, "'docker \(group.name) \(second.text)' is not supported by swarmsim yet",
                             hint: "swarmsim simulates docker \(group.name) " + subcommands.joined(separator: ", "))
        }
        let aliases = commands.filter { $0.path.first == group.name }.flatMap(\.aliases)
        throw Diagnostic(at: second, "docker: unknown command: docker \(group.name) \(second.text.shortenedForMessage)",
                         notes: ["Run 'docker \(group.name) --help' for more information"],
                         hint: Suggestions.hint(for: second.text, among: subcommands + aliases))
    }

    // MARK: Flags

    /// Reads flags and arguments as pflag does.
    static func readFlags(_ words: ArraySlice<Word>, of command: Command, into invocation: inout DockerInvocation) throws(Diagnostic) {
        var i = words.startIndex
        var flagsEnded = false
        while i < words.endIndex {
            let word = words[i]
            let t = word.text
            i += 1
            if flagsEnded || !t.hasPrefix("-") || t == "-" || word.startsWithVariable {
                invocation.arguments.append(word)
                if !command.interspersed { flagsEnded = true }
                continue
            }
            if t == "--" { flagsEnded = true; continue }
            if t.hasPrefix("--") {
                try readLongFlag(word, from: words, at: &i, of: command, into: &invocation)
                continue
            }
            try readShorthands(word, from: words, at: &i, of: command, into: &invocation)
        }
    }

    /// Reads `--name`, `--name=value` or `--name value`; `i` is past `word` and moves past a
    /// value taken from the next word.
    static func readLongFlag(_ word: Word, from words: ArraySlice<Word>, at i: inout Int, of command: Command,
                             into invocation: inout DockerInvocation) throws(Diagnostic) {
        let seeHelp = ["See '\(command.name) --help'."]
        let t = word.text
        let body = t.dropFirst(2)
        let name = String(body.prefix { $0 != "=" })
        if name.isEmpty || name.hasPrefix("-") || name.contains("$") {
            throw Diagnostic(at: word, "bad flag syntax: \(t.shortenedForMessage)", notes: seeHelp)
        }
        let spec = try lookupLong(name, in: command, word: word)
        var value: Word?
        if body.count > name.count {
            value = word.droppingLiteralPrefix(2 + name.count + 1)
        } else if spec.kind != .bool {
            guard i < words.endIndex else {
                throw Diagnostic(at: word, "flag needs an argument: --\(name)", notes: seeHelp)
            }
            value = words[i]
            i += 1
        }
        invocation.flags.append(try makeFlag(spec, value: value, flagWord: word, command: command))
    }

    /// Reads shorthands: -q, -aq, -p8080:80, -p=8080:80, -p 8080:80; `i` is past `word` and
    /// moves past a value taken from the next word.
    static func readShorthands(_ word: Word, from words: ArraySlice<Word>, at i: inout Int, of command: Command,
                               into invocation: inout DockerInvocation) throws(Diagnostic) {
        let seeHelp = ["See '\(command.name) --help'."]
        let t = word.text
        let shorthands = Array(t.dropFirst())
        var k = 0
        while k < shorthands.count {
            let c = shorthands[k]
            guard let spec = command.flags.first(where: { $0.shorthand == c }) else {
                throw Diagnostic(at: word, "unknown shorthand flag: '\(c)' in \(t.shortenedForMessage)", notes: seeHelp)
            }
            guard spec.isSupported else { throw unsupported(spec, of: command, at: word) }
            let restStart = k + 1
            if spec.kind == .bool {
                if restStart < shorthands.count, shorthands[restStart] == "=" {
                    let value = word.droppingLiteralPrefix(1 + restStart + 1)
                    invocation.flags.append(try makeFlag(spec, value: value, flagWord: word, command: command))
                    break
                }
                invocation.flags.append(try makeFlag(spec, value: nil, flagWord: word, command: command))
                k += 1
                continue
            }
            var value: Word?
            if restStart < shorthands.count {
                let skip = shorthands[restStart] == "=" ? restStart + 1 : restStart
                value = word.droppingLiteralPrefix(1 + skip)
            } else {
                guard i < words.endIndex else {
                    throw Diagnostic(at: word, "flag needs an argument: '\(c)' in \(t.shortenedForMessage)", notes: seeHelp)
                }
                value = words[i]
                i += 1
            }
            invocation.flags.append(try makeFlag(spec, value: value, flagWord: word, command: command))
            break
        }
    }

    static func lookupLong(_ name: String, in command: Command, word: Word) throws(Diagnostic) -> FlagSpec {
        guard let spec = command.flags.first(where: { $0.name == name }) else {
            let known = command.flags.filter(\.isSupported).map(\.name)
            throw Diagnostic(at: word, "unknown flag: --\(name.shortenedForMessage)",
                             notes: ["See '\(command.name) --help'."],
                             hint: Suggestions.hint(for: name, among: known, format: { "--\($0)" }))
        }
        guard spec.isSupported else { throw unsupported(spec, of: command, at: word) }
        return spec
    }

    static func unsupported(_ spec: FlagSpec, of command: Command, at word: Word) -> Diagnostic {
        if spec.name == "help" {
            return Diagnostic(at: word, "'\(command.name) --help' is not supported by swarmsim yet",
                              hint: "docs/scenarios.md lists the commands and flags swarmsim simulates")
        }
        return Diagnostic(at: word, "'\(command.name) --\(spec.name)' is not supported by swarmsim yet")
    }

    /// Parses the value (nil for a bare boolean) into a flag, or throws pflag's message.
    static func makeFlag(_ spec: FlagSpec, value: Word?, flagWord: Word, command: Command) throws(Diagnostic) -> DockerInvocation.Flag {
        guard let value else {
            if spec.kind == .bool { return .init(name: spec.name, value: .bool(true), location: flagWord.location) }
            throw Diagnostic(at: flagWord, "flag needs an argument: --\(spec.name)", notes: ["See '\(command.name) --help'."])
        }
        switch parseValue(value, kind: spec.kind) {
        case .success(let v):
            return .init(name: spec.name, value: v, location: flagWord.location)
        case .failure(let e):
            let at = value.location.line == flagWord.location.line && value.location.column > flagWord.location.column ? value : flagWord
            throw Diagnostic(at: at, "invalid argument \(value.text.goQuoted) for \(spec.displayName.goQuoted) flag: \(e.reason)",
                             notes: ["See '\(command.name) --help'."], hint: e.hint)
        }
    }

    // MARK: Arguments

    /// cobra's argument-count checks, worded as docker/cli's `cli/required.go`.
    static func checkArgumentCount(_ command: Command, _ invocation: DockerInvocation, docker: Word, argv: [Word]) throws(Diagnostic) {
        let n = invocation.arguments.count
        guard !command.arguments.accepts(n) else { return }
        func plural(_ k: Int) -> String { k == 1 ? "argument" : "arguments" }
        let message: String
        switch command.arguments {
        case .none: message = "\"\(command.name)\" accepts no arguments."
        case .exactly(let k): message = "\"\(command.name)\" requires exactly \(k) \(plural(k))."
        case .atLeast(let k): message = "\"\(command.name)\" requires at least \(k) \(plural(k))."
        case .between(let lo, let hi): message = "\"\(command.name)\" requires at least \(lo) and at most \(hi) \(plural(hi))."
        }
        let notes = ["See '\(command.name) --help'.", "Usage:  \(command.usage)"]
        // Too many: point at the first extra argument; too few: at the whole command.
        let maxAllowed: Int? = switch command.arguments {
        case .none: 0
        case .exactly(let k): k
        case .between(_, let hi): hi
        case .atLeast: nil
        }
        if let maxAllowed, n > maxAllowed {
            throw Diagnostic(at: invocation.arguments[maxAllowed], message, notes: notes)
        }
        throw Diagnostic(at: docker.location, length: span(from: docker, to: argv.last ?? docker), message, notes: notes)
    }

    /// Columns from the start of `first` to the end of `last` when both are on one line.
    static func span(from first: Word, to last: Word) -> Int {
        guard last.location.line == first.location.line else { return first.length }
        return max(first.length, last.location.column + last.length - first.location.column)
    }

    // MARK: Checks

    static func runChecks(_ command: Command, _ invocation: inout DockerInvocation, docker: Word) throws(Diagnostic) {
        for check in command.checks {
            switch check {
            case .scaleSpecifiers:
                for arg in invocation.arguments {
                    let (key, value) = ValueSyntax.splitKeyValue(arg.text)
                    guard !key.isEmpty, let value, !value.isEmpty else {
                        throw Diagnostic(at: arg, "Invalid scale specifier '\(arg.text.shortenedForMessage)'.",
                                         notes: ["See '\(command.name) --help'.", "Usage:  \(command.usage)"],
                                         hint: "write SERVICE=REPLICAS, for example web=3")
                    }
                    if case .failure(let e) = parseGoInt(value, signed: false) {
                        throw Diagnostic(at: arg, "invalid replicas value \(value.shortenedForMessage): \(e.reason)")
                    }
                }
            case .joinTokenRole:
                if let role = invocation.arguments.first, role.text != "worker", role.text != "manager" {
                    throw Diagnostic(at: role, "unknown role \(role.text.shortenedForMessage)",
                                     hint: Suggestions.hint(for: role.text, among: ["worker", "manager"]) ?? "use worker or manager")
                }
            case .requiredFlag(let name):
                if !invocation.has(name) {
                    throw Diagnostic(at: docker.location, length: docker.length, "required flag(s) \"\(name)\" not set",
                                     notes: ["See '\(command.name) --help'."])
                }
            case .rollbackAlone:
                if invocation.has("rollback"), let other = invocation.flags.first(where: { $0.name != "rollback" }) {
                    throw Diagnostic(at: other.location, "other flags may not be combined with --rollback")
                }
            case .replicasNeedReplicatedMode:
                if case .choice("global") = invocation.value("mode") {
                    for name in ["replicas", "replicas-max-per-node"] {
                        if let flag = invocation.flags.first(where: { $0.name == name }) {
                            throw Diagnostic(at: flag.location, length: name.count + 2, "\(name) can only be used with replicated mode")
                        }
                    }
                }
            }
        }
    }
}
