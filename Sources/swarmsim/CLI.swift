import SimCore
import ScenarioLanguage

/// The `swarmsim` command: subcommands, options, exit codes (0 success, 1 an expectation or
/// invariant failed, 2 bad usage or bad input). Thin: the work is in the modules below it.
enum CLI {
    static let overview = """
        swarmsim \(SimCore.version): a deterministic simulator of a Docker Swarm mode cluster

        USAGE: swarmsim <command> [options]

        COMMANDS:
          run FILE          Run a scenario and print what happens, at virtual times
          test PATH...      Check scenarios (files, or directories of *.swarm) against the
                            expected output they carry
          shell [FILE]      Type statements and see what they do, step by step (for class)
          quorum            Why managers come in odd numbers, by experiment
          sweep FILE        Run a scenario once per seed, in parallel; summarise the runs
          merge FILE.json…  Combine the results of sharded sweeps into one report
          fuzz              Random swarms under random faults, every invariant checked
          serve [FILE]      Serve the swarm's Docker Engine API on sockets, for the real
                            docker CLI and SDKs

        OPTIONS:
          -h, --help        Show help; 'swarmsim <command> --help' for a command's options
          --version         Print the version

        EXIT CODES: 0 success, 1 an expectation failed, 2 bad usage or bad input.

        """

    static let commands = ["run", "test", "shell", "quorum", "sweep", "merge", "fuzz", "serve", "help"]

    static func main(_ args: [String], io: IO) -> Int32 {
        guard let first = args.first else { io.out(overview); return 0 }
        switch first {
        case "-h", "--help", "help":
            if args.count > 1, let help = help(for: args[1]) { io.out(help); return 0 }
            io.out(overview)
            return 0
        case "--version", "version":
            io.out("swarmsim \(SimCore.version)\n")
            return 0
        case "run": return command(RunCommand.self, Array(args.dropFirst()), io: io)
        case "test": return command(TestCommand.self, Array(args.dropFirst()), io: io)
        // `shell --serve` is `serve`: its standard input is the shell of the served swarm.
        case "shell" where args.contains("--serve"):
            return command(ServeCommand.self, Array(args.dropFirst()).filter { $0 != "--serve" }, io: io)
        case "shell": return command(ShellCommand.self, Array(args.dropFirst()), io: io)
        case "quorum": return command(QuorumCommand.self, Array(args.dropFirst()), io: io)
        case "sweep": return command(SweepCommand.self, Array(args.dropFirst()), io: io)
        case "merge": return command(MergeCommand.self, Array(args.dropFirst()), io: io)
        case "fuzz": return command(FuzzCommand.self, Array(args.dropFirst()), io: io)
        case "serve": return command(ServeCommand.self, Array(args.dropFirst()), io: io)
        default:
            let error = UsageError(message: "unknown command '\(first)'",
                                   hint: Suggestions.hint(for: first, among: commands) ?? "see 'swarmsim --help'")
            io.err(error.rendered)
            return 2
        }
    }

    static func help(for command: String) -> String? {
        switch command {
        case "run": RunCommand.help
        case "test": TestCommand.help
        case "shell": ShellCommand.help
        case "quorum": QuorumCommand.help
        case "sweep": SweepCommand.help
        case "merge": MergeCommand.help
        case "fuzz": FuzzCommand.help
        case "serve": ServeCommand.help
        default: nil
        }
    }

    static func command<C: Subcommand>(_ type: C.Type, _ args: [String], io: IO) -> Int32 {
        if args.contains("-h") || args.contains("--help") { io.out(C.help); return 0 }
        do {
            let parsed = try parseArguments(args, options: C.options, command: "swarmsim \(C.name)")
            return try C.run(parsed, io: io)
        } catch {
            io.err(error.rendered)
            return 2
        }
    }

    /// Reads a scenario file, or explains in one line why it cannot.
    static func read(_ path: String, io: IO) throws(UsageError) -> [UInt8] {
        if io.isDirectory(path) {
            throw UsageError(message: "\(path) is a directory", hint: "'swarmsim run' takes one scenario file; 'swarmsim test' takes directories")
        }
        do { return try io.readFile(path) } catch {
            throw UsageError(message: "\(path): no such file", hint: nil)
        }
    }
}

/// Attaches the source line to a runner's diagnostic (the parser's carry it already).
func withSourceLine(_ d: Diagnostic, source: [UInt8]) -> Diagnostic {
    guard d.sourceLine == nil else { return d }
    var d = d
    let lines = String(decoding: source, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
    if d.location.line >= 1, d.location.line <= lines.count {
        var line = String(lines[d.location.line - 1])
        if line.hasSuffix("\r") { line.removeLast() }
        d.sourceLine = line
    }
    return d
}
