import Foundation
import SimCore
import Cluster
import Runner
import EngineAPI

/// `swarmsim serve [FILE | HOST…]`: the simulated swarm's engines on unix sockets (and
/// loopback TCP), for the real docker CLI and SDKs; virtual time follows the wall clock.
enum ServeCommand: Subcommand {
    static let name = "serve"
    static let options = [
        OptionSpec(name: "--speed", takesValue: true, valueName: "X", help: "Virtual seconds per wall-clock second (default 1)"),
        OptionSpec(name: "--dir", takesValue: true, valueName: "DIR", help: "Where the sockets go, HOST.sock each (default: a new private directory in /tmp)"),
        OptionSpec(name: "--tcp", takesValue: false, help: "Also listen on a loopback TCP port per host"),
        OptionSpec(name: "--record", takesValue: true, valueName: "OUT", help: "Write the session as a scenario that 'swarmsim run' replays"),
        OptionSpec(name: "--seed", takesValue: true, valueName: "N", help: "Seed for every random choice (overrides the file's 'seed')"),
        OptionSpec(name: "--max-connections", takesValue: true, valueName: "N", help: "Connections served at once, over all hosts (default 64)"),
    ]
    static var help: String {
        """
        USAGE: swarmsim serve [FILE | HOST…] [options]
               swarmsim shell --serve [FILE | HOST…] [options]   (the same)

        Builds the swarm FILE declares and runs its statements (or declares the hosts given,
        such as 'm1..m3 w1 w2'), then serves each host's Docker Engine API on DIR/HOST.sock
        and prints the DOCKER_HOST line to reach it. Virtual time then follows the wall clock
        (times --speed), and timestamps are real dates, so docker's "2 minutes ago" is right.

        Standard input is a shell on the served swarm: type statements ('partition m1 | m2 m3',
        'heal', 'show cluster', 'm1$ docker node ls') while clients run docker against the
        sockets. Ctrl-C (or 'exit') stops serving. docs/serve.md has a class session.

        OPTIONS:
        \(optionsHelp(options))
        EXAMPLES:
          swarmsim serve m1..m3 w1 w2
          swarmsim serve Scenarios/quickstart.swarm --speed 10 --tcp
          swarmsim serve m1 m2 --record session.swarm

        """
    }

    struct Settings {
        var speed = 1.0
        var maxConnections = 64
        var tcp = false
        var dir: String?
        var record: String?
    }

    static func run(_ args: ParsedArguments, io: IO) throws(UsageError) -> Int32 {
        var settings = Settings()
        if let text = args.value("--speed") {
            guard let v = Double(text), v > 0, v <= 1_000_000 else { throw UsageError(message: "invalid speed '\(text)'", hint: "a number above 0, such as 1, 10 or 0.5") }
            settings.speed = v
        }
        if let text = args.value("--max-connections") {
            guard let v = Int(text), v >= 1, v <= 1024 else { throw UsageError(message: "invalid connection limit '\(text)'", hint: "a number from 1 to 1024") }
            settings.maxConnections = v
        }
        settings.tcp = args.has("--tcp")
        settings.dir = args.value("--dir")
        settings.record = args.value("--record")
        var options = RunOptions()
        if let seed = args.value("--seed") {
            guard let v = UInt64(seed) else { throw UsageError(message: "invalid seed '\(seed)'", hint: "a whole number from 0 to 18446744073709551615") }
            options.seed = v
        }
        options.rerunCommand = "swarmsim serve"
        let session = ShellSession(options: options, echo: true, io: io)
        let setup = try build(session, args.positionals, io: io)
        guard let setup, let swarm = session.runner.servedSwarm, !session.runner.servedHosts.isEmpty else {
            if setup != nil { io.err("error: no hosts to serve\nhint: declare them in FILE ('hosts m1..m3') or give them: swarmsim serve m1..m3\n") }
            return 2
        }
        let loop: ServeLoop
        do {
            loop = try ServeLoop(session: session, swarm: swarm, settings: settings, setupText: setup, io: io)
        } catch {
            io.err("error: \(error.message)\n")
            return 2
        }
        return loop.run()
    }

    /// Runs FILE, or declares the hosts given; returns the scenario text that did it (what a
    /// recording starts with), nil when it failed (having said why).
    static func build(_ session: ShellSession, _ positionals: [String], io: IO) throws(UsageError) -> String? {
        guard !positionals.isEmpty else {
            throw UsageError(message: "'swarmsim serve' needs a scenario file or host names", hint: "swarmsim serve m1..m3 w1 w2")
        }
        if positionals.count == 1, positionals[0].hasSuffix(".swarm") || io.isDirectory(positionals[0]) {
            let bytes = try CLI.read(positionals[0], io: io)
            guard session.load(bytes: bytes, file: positionals[0], until: Int.max) else { return nil }
            var text = String(decoding: bytes, as: UTF8.self)
            if !text.hasSuffix("\n") { text += "\n" }
            return text
        }
        let line = "hosts " + positionals.joined(separator: " ")
        _ = session.handle(line)
        return line + "\n"
    }
}
