import SimCore
import ScenarioLanguage
import DockerClient
import Runner

/// The state of `swarmsim shell`: the text accepted so far, the runner, and what each new line
/// does. Independent of the terminal: lines come in, output goes to `io`.
///
/// Each line is parsed together with everything accepted before it (so hosts declared earlier
/// are known), and only the statements it adds are run; its diagnostics say `shell:N`, N
/// counting the lines typed and accepted. A line that does not parse prints its diagnostic and
/// is dropped; a statement that fails prints why; neither ends the session.
///
/// A session started on a file runs the file step by step (`ShellSession+Stepping.swift`):
/// the statements not run yet wait in `queue` for `next`, `continue` and `until`.
final class ShellSession {
    enum Outcome: Equatable {
        /// Ready for the next statement.
        case ready
        /// The line ended in `\`: the statement goes on on the next line.
        case continued
        /// `exit`, `quit`.
        case exit
    }

    let io: IO
    let options: RunOptions
    /// Print each statement with its virtual time before its output, as `run` does (for input
    /// from a pipe, where nobody sees what was typed).
    let echo: Bool
    /// The session's title: the scenario loaded first, or `shell`.
    private(set) var name = "shell"
    /// Every line accepted so far, in the order it ran (a loaded file's lines and typed ones),
    /// each ending in a line break: what `save` writes.
    var text = ""
    /// Lines typed and accepted, each ending in a line break (`shell:N` counts these).
    var typed = ""
    var statementCount = 0
    /// The loaded file, and how many of its lines the statements run so far cover.
    var file: (name: String, bytes: [UInt8], lines: [String])?
    var fileLinesRun = 0
    /// The loaded file's statements that have not run yet.
    var queue: [ScriptStatement] = []
    private(set) var runner: ScenarioRunner
    private var executed: [ScriptStatement] = []
    private var pending: [String] = []
    private let output: Output
    private(set) var sawError = false
    private(set) var sawFailure = false

    /// Where the runner's text goes; muted while settings are replayed on a new runner.
    private final class Output {
        let io: IO
        var muted = false
        init(io: IO) { self.io = io }
    }

    init(options: RunOptions, echo: Bool, io: IO) {
        var o = options
        o.echoStatements = false
        o.recordTimeline = true
        self.options = o
        self.echo = echo
        self.io = io
        output = Output(io: io)
        runner = Self.makeRunner(Script(file: "shell"), o, output)
    }

    private static func makeRunner(_ script: Script, _ options: RunOptions, _ output: Output) -> ScenarioRunner {
        ScenarioRunner(script: script, options: options, emit: { text in if !output.muted { output.io.out(text) } })
    }

    /// `[12.000s] swarm> `, or `... ` while a statement continues.
    var prompt: String { pending.isEmpty ? "[\(runner.now)] swarm> " : "... " }

    /// 0, or as `run` would exit for what was typed: 2 if a line was bad, 1 if an expectation
    /// or a safety check failed.
    var exitCode: Int32 {
        if sawError { return 2 }
        return sawFailure || !runner.finish().violations.isEmpty ? 1 : 0
    }

    // MARK: Loading a file

    /// Runs a scenario's statements up to and including those that start on line `until` (all
    /// of them when nil), stopping early at a failed expectation or an error; the session then
    /// goes on from there, with the file's lines before the first statement not run as its
    /// text. Returns false, having printed why, when the file does not parse.
    func load(bytes: [UInt8], file: String, until: Int?) -> Bool {
        let parsed = ScenarioParser.parse(bytes: bytes, file: file)
        if parsed.hasErrors {
            io.err(parsed.renderedDiagnostics + "\n")
            return false
        }
        name = file
        runner = Self.makeRunner(parsed.script, options, output)
        let source = String(decoding: bytes, as: UTF8.self)
        var lines = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        self.file = (file, bytes, lines)
        queue = parsed.script.statements
        if let until { runFile(blocks: nil, throughLine: until) } else { runFile(blocks: 1, throughLine: nil) }
        return true
    }

    // MARK: Lines

    /// Handles one line of input.
    func handle(_ rawLine: String) -> Outcome {
        var line = rawLine
        if line.hasSuffix("\r") { line.removeLast() }
        if pending.isEmpty {
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            guard let first = words.first else { return .ready }
            if let outcome = command(first, Array(words.dropFirst())) { return outcome }
        }
        if Self.continues(line) {
            pending.append(line)
            return .continued
        }
        let statement = (pending + [line]).joined(separator: "\n")
        pending = []
        if statement.drop(while: { $0 == " " || $0 == "\t" }).hasPrefix("----") {
            io.err("error: expected-output blocks ('----') belong in scenario files; the shell prints each output as it runs\n")
            return .ready
        }
        // The file's lines run so far come first, for the hosts they declare; typed lines are
        // then renumbered as lines of `shell`.
        let offset = fileLinesRun
        let candidate = fileTextRun + typed + statement + "\n"
        let parsed = ScenarioParser.parse(candidate, file: "shell")
        if parsed.hasErrors {
            io.err(parsed.diagnostics.map { renumbered($0, offset: offset).rendered }.joined(separator: "\n\n") + "\n")
            sawError = true
            return .ready
        }
        let new = parsed.script.statements.dropFirst(statementCount).map { s in
            var s = s
            s.location.line -= offset
            return s
        }
        if runner.hasSwarm, let seed = new.first(where: { Self.seed(in: $0.statement) != nil }) {
            io.err("error: too late for '\(seed.text)': this session's seed is \(runner.seed), and a seed takes effect only before the first hosts statement\nhint: start the shell with --seed N\n")
            sawError = true
            return .ready
        }
        let before = (text, typed, statementCount)
        text += statement + "\n"
        typed += statement + "\n"
        statementCount = parsed.script.statements.count
        var ranAll = true
        for s in new { ranAll = run(s, source: Array(typed.utf8), echo: echo) != .error && ranAll }
        // A statement that could not run changed nothing: keep it out of the session's text
        // (and out of a saved file). One whose expectation failed did run, and stays.
        if !ranAll { (text, typed, statementCount) = before }
        return .ready
    }

    /// Whether a line ends in an unescaped `\`, which continues the statement.
    static func continues(_ line: String) -> Bool {
        var backslashes = 0
        for c in line.reversed() {
            guard c == "\\" else { break }
            backslashes += 1
        }
        return backslashes % 2 == 1
    }

    enum Ran { case ok, failed, error }

    /// Runs one statement and says how it went.
    func run(_ s: ScriptStatement, source: [UInt8], echo: Bool) -> Ran {
        if let seed = Self.seed(in: s.statement), !runner.hasSwarm { reseed(seed, with: s) }
        if echo && Self.echoes(s.statement) { io.out("[\(runner.now)] \(s.text)\n") }
        let result = runner.run(s)
        executed.append(s)
        if let error = result.error {
            io.err(withSourceLine(error, source: source).rendered + "\n")
            sawError = true
        }
        if result.failure != nil { sawFailure = true }
        return result.error != nil ? .error : result.failure != nil ? .failed : .ok
    }

    static func seed(in s: Statement) -> UInt64? {
        if case .setting(let setting) = s, setting.key == .seed, case .seed(let seed) = setting.value { return seed }
        return nil
    }

    static func echoes(_ s: Statement) -> Bool {
        switch s {
        case .setting, .hosts, .say: false
        default: true
        }
    }

    /// A `seed` typed before the swarm exists starts the session over with that seed, replaying
    /// the settings typed so far. (Once the swarm exists, `handle` refuses it.) A seed given on
    /// the command line wins, as with `run`.
    private func reseed(_ seed: UInt64, with s: ScriptStatement) {
        guard options.seed == nil else { return }
        runner = Self.makeRunner(Script(file: name, statements: executed + [s]), options, output)
        output.muted = true
        for e in executed { if case .setting = e.statement { _ = runner.run(e) } }
        output.muted = false
    }

    // MARK: Shell commands

    /// The shell's own commands, which are not scenario statements; nil for anything else.
    private func command(_ word: String, _ args: [String]) -> Outcome? {
        switch word {
        case "next", "continue", "until":
            stepCommand(word, args)
            return .ready
        case "help":
            io.out(ShellHelp.text)
            return .ready
        case "exit", "quit":
            return .exit
        case "report":
            guard args.count == 1, let path = args.first else {
                io.err("error: write 'report FILE.html'\n")
                return .ready
            }
            guard let timeline = runner.finish().timeline else { return .ready }
            var t = timeline
            t.title = name
            if writeReport(t, to: path, io: io, language: runner.language) { io.out("wrote the report of the session so far to \(path)\n") }
            return .ready
        case "save":
            guard args.count == 1, let path = args.first else {
                io.err("error: write 'save FILE.swarm'\n")
                return .ready
            }
            // A seed from the command line is not in the text: say how to replay with it.
            let header = options.seed.map { "# Saved from swarmsim shell with --seed \($0): run it with --seed \($0) to replay the session.\n" } ?? ""
            do {
                try io.writeFile(path, Array((header + text).utf8))
                io.out("saved the session's statements to \(path)\n")
            } catch {
                io.err("error: cannot write \(path)\n")
            }
            return .ready
        default:
            return nil
        }
    }
}
