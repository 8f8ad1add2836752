import SimCore
import Runner

/// `swarmsim shell [FILE]`: an interactive session in the scenario language, for class.
enum ShellCommand: Subcommand {
    static let name = "shell"
    static let options = [
        OptionSpec(name: "--until", takesValue: true, valueName: "LINE", help: "Run FILE only up to the statements that start on LINE, then take over"),
        OptionSpec(name: "--seed", takesValue: true, valueName: "N", help: "Seed for every random choice (overrides the file's 'seed')"),
        OptionSpec(name: "--report", takesValue: true, valueName: "FILE", help: "Write the session's HTML timeline to FILE when it ends"),
        ColorChoice.option,
        LanguageOption.option,
    ]
    static var help: String {
        """
        USAGE: swarmsim shell [FILE] [options]

        Starts an interactive session: type statements of the scenario language and see what
        they print, at the virtual time in the prompt. With FILE, runs it first (all of it, or
        up to --until LINE) and goes on from there. 'help' lists the statements; 'report
        FILE.html' writes the timeline so far; 'save FILE.swarm' keeps what was typed; Ctrl-D
        or 'exit' leaves. A mistake prints its diagnostic and the prompt comes back.

        Reads a pipe too (no prompt, no editing; each statement is echoed with its time, as
        'run' does); it then exits 2 if a line was bad, 1 if an expectation failed, else 0.

        OPTIONS:
        \(optionsHelp(options))
        EXAMPLES:
          swarmsim shell
          swarmsim shell Scenarios/teaching/02-majority-and-minority.swarm --until 23
          printf 'hosts m1\\nm1$ docker swarm init\\nshow cluster\\n' | swarmsim shell

        """
    }

    static func run(_ args: ParsedArguments, io: IO) throws(UsageError) -> Int32 {
        guard args.positionals.count <= 1 else {
            throw UsageError(message: "'swarmsim shell' takes at most one scenario file", hint: "swarmsim shell Scenarios/quickstart.swarm")
        }
        var until: Int?
        if let text = args.value("--until") {
            guard let n = Int(text), n >= 1 else { throw UsageError(message: "invalid line '\(text)' for '--until'", hint: "a line number of FILE, from 1") }
            guard !args.positionals.isEmpty else { throw UsageError(message: "'--until' needs a scenario file to run first") }
            until = n
        }
        let interactive = io.isTerminal(0)
        var options = RunOptions()
        options.color = try ColorChoice.parse(args).isOn(io)
        options.language = try LanguageOption.parse(args)
        if let seed = args.value("--seed") {
            guard let v = UInt64(seed) else { throw UsageError(message: "invalid seed '\(seed)'", hint: "a whole number from 0 to 18446744073709551615") }
            options.seed = v
        }
        let path = args.positionals.first
        options.rerunCommand = "swarmsim shell" + (path.map { " \($0)" } ?? "")
        let session = ShellSession(options: options, echo: !interactive, io: io)
        if let path {
            let bytes = try CLI.read(path, io: io)
            guard session.load(bytes: bytes, file: path, until: until) else { return 2 }
        }
        if interactive {
            io.out("swarmsim \(SimCore.version) shell: type statements, 'help' for the list, Ctrl-D to leave.\n")
        }
        // The editor redraws with escape sequences: only when both ends are the terminal.
        var terminal = TerminalLineReader(color: options.color)
        terminal.editor.completer = { ShellCompletion.candidates(for: $0, hosts: session.hostNames) }
        var reader: any LineReader = interactive && io.isTerminal(1) ? terminal : PlainLineReader(io: io, showsPrompt: interactive)
        while let line = reader.readLine(prompt: session.prompt) {
            if session.handle(line) == .exit { break }
        }
        if let reportPath = args.value("--report"), var timeline = session.runner.finish().timeline {
            timeline.title = path ?? "shell"
            guard writeReport(timeline, to: reportPath, io: io, language: session.runner.language) else { return 2 }
        }
        return interactive ? 0 : session.exitCode
    }
}
