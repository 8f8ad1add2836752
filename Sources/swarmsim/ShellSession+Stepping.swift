import ScenarioLanguage
import DockerClient
import Runner

/// Stepping through the file a shell was started on: `next [N]`, `continue`, `until LINE`. The
/// file pauses after each narration block (consecutive `say` statements), where a lesson has
/// said what is about to happen and the class can be asked what they expect.
extension ShellSession {
    /// The file's lines that the statements run so far cover, each ending in a line break.
    var fileTextRun: String {
        file.map { $0.lines.prefix(fileLinesRun).map { $0 + "\n" }.joined() } ?? ""
    }

    /// Runs the file's queued statements: to the end of the `blocks`-th narration block from
    /// here (nil: no limit), and only those that start on lines up to `throughLine` (nil: all).
    /// Stops at a failed expectation or an error. Then says where the file stands.
    func runFile(blocks: Int?, throughLine: Int?) {
        guard let file else { return }
        var left = blocks ?? Int.max
        while let s = queue.first, left > 0 {
            if let throughLine, s.location.line > throughLine { break }
            queue.removeFirst()
            let ran = run(s, source: file.bytes, echo: true)
            coverFile()
            if ran != .ok {
                io.out("(stopped at line \(s.location.line) of \(file.name); the session goes on from there)\n")
                return
            }
            if Self.isSay(s), !(queue.first.map(Self.isSay) ?? false) { left -= 1 }
        }
        if let next = queue.first {
            io.out("(paused before line \(next.location.line) of \(file.name); 'next' goes on)\n")
        } else {
            io.out("(end of \(file.name))\n")
        }
    }

    /// Extends the session's text with the file's lines up to the next queued statement (or
    /// to the end): comments and expected-output blocks included, as in the file.
    private func coverFile() {
        guard let file else { return }
        let end = queue.first.map { $0.lines.lowerBound - 1 } ?? file.lines.count
        guard end > fileLinesRun else { return }
        text += file.lines[fileLinesRun..<end].map { $0 + "\n" }.joined()
        fileLinesRun = end
        statementCount = ScenarioParser.parse(fileTextRun + typed, file: "shell").script.statements.count
    }

    static func isSay(_ s: ScriptStatement) -> Bool {
        if case .say = s.statement { return true }
        return false
    }

    /// The hosts declared so far, for Tab completion.
    var hostNames: [String] {
        ScenarioParser.parse(fileTextRun + typed, file: "shell").script.hosts.map(\.name)
    }

    /// `next [N]`, `continue`, `until LINE`.
    func stepCommand(_ word: String, _ args: [String]) {
        guard let file else {
            io.err("error: '\(word)' steps through a scenario file: start the shell on one, e.g. swarmsim shell Scenarios/teaching/02-majority-and-minority.swarm\n")
            return
        }
        guard let next = queue.first else {
            io.out("(nothing left to run in \(file.name))\n")
            return
        }
        switch word {
        case "next":
            guard args.count <= 1, let n = args.isEmpty ? 1 : Int(args[0]), n >= 1 else {
                io.err("error: write 'next' or 'next N', N a number of narration blocks from 1\n")
                return
            }
            runFile(blocks: n, throughLine: nil)
        case "until":
            guard args.count == 1, let line = Int(args[0]), line >= 1 else {
                io.err("error: write 'until LINE', a line number of \(file.name)\n")
                return
            }
            guard line >= next.location.line else {
                io.err("error: line \(line) of \(file.name) has run already; the next statement is on line \(next.location.line)\n")
                return
            }
            runFile(blocks: nil, throughLine: line)
        default:
            guard args.isEmpty else {
                io.err("error: 'continue' takes nothing after it\n")
                return
            }
            runFile(blocks: nil, throughLine: nil)
        }
    }

    /// A diagnostic of a typed line, placed at `shell:N`; one in the file's lines keeps the
    /// file's name.
    func renumbered(_ d: Diagnostic, offset: Int) -> Diagnostic {
        var d = d
        if d.location.line > offset {
            d.location.line -= offset
        } else if let file {
            d.location.file = file.name
        }
        return d
    }
}
