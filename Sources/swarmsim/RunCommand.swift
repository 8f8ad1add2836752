import SimCore
import DockerClient
import ScenarioLanguage
import Report
import Runner

/// `swarmsim run FILE`: runs a scenario and prints each statement with its virtual time, then
/// its output.
enum RunCommand: Subcommand {
    static let name = "run"
    static let options = [
        OptionSpec(name: "--seed", takesValue: true, valueName: "N", help: "Seed for every random choice (overrides the file's 'seed')"),
        OptionSpec(name: "--trace", takesValue: true, valueName: "FILE", help: "Write every event as JSON Lines to FILE"),
        OptionSpec(name: "--trace-messages", takesValue: false, help: "Also trace each message delivered or dropped"),
        OptionSpec(name: "--report", takesValue: true, valueName: "FILE", help: "Write an HTML timeline of the run to FILE (also when it fails)"),
        ColorChoice.option,
        LanguageOption.option,
        OptionSpec(name: "--quiet", short: "-q", takesValue: false, help: "Print outputs, narration and faults only, not the other statements"),
        OptionSpec(name: "--present", takesValue: false, help: "For a projector: statements with their times, but no expects, and join tokens cut short"),
        OptionSpec(name: "--no-safety-checks", takesValue: false, help: "Skip the safety checks after each event (long soak runs)"),
    ]
    static var help: String {
        """
        USAGE: swarmsim run FILE [options]

        Runs the scenario in FILE on virtual time and prints each statement, with the time it
        ran at, and what it printed; a 'say' prints its text once. Exits 1 at the first
        expectation that fails, 2 on bad input.
        With --report, also writes a self-contained HTML page: a timeline of every host's role,
        partitions, crashes and node status, with the statements as markers.

        OPTIONS:
        \(optionsHelp(options))
        EXAMPLE:
          swarmsim run Scenarios/quickstart.swarm --seed 7 --trace run.jsonl
          swarmsim run Scenarios/teaching/02-majority-and-minority.swarm --report partition.html
          swarmsim run Scenarios/teaching/04-isolated-leader.swarm --present --lang ko

        """
    }

    static func run(_ args: ParsedArguments, io: IO) throws(UsageError) -> Int32 {
        guard args.positionals.count == 1, let path = args.positionals.first else {
            throw UsageError(message: args.positionals.isEmpty ? "missing scenario file" : "'swarmsim run' takes one scenario file",
                             hint: "swarmsim run Scenarios/quickstart.swarm")
        }
        var options = RunOptions()
        if args.has("--quiet") && args.has("--present") {
            throw UsageError(message: "'--quiet' and '--present' do not go together", hint: "--present already keeps the output short")
        }
        options.echoStatements = !args.has("--quiet")
        options.echoFaults = true
        options.traceMessages = args.has("--trace-messages")
        options.color = try ColorChoice.parse(args).isOn(io)
        options.language = try LanguageOption.parse(args)
        options.recordTimeline = args.value("--report") != nil
        options.checkSafety = !args.has("--no-safety-checks")
        if let seed = args.value("--seed") {
            guard let v = UInt64(seed) else { throw UsageError(message: "invalid seed '\(seed)'", hint: "a whole number from 0 to 18446744073709551615") }
            options.seed = v
        }
        let bytes = try CLI.read(path, io: io)
        let parsed = ScenarioParser.parse(bytes: bytes, file: path)
        if parsed.hasErrors {
            io.err(parsed.renderedDiagnostics + "\n")
            return 2
        }
        options.rerunCommand = "swarmsim run \(path)"
        options.lessonTitle = LessonTitle.first(in: String(decoding: bytes, as: UTF8.self))
        var traceBytes: [UInt8] = []
        let trace = args.value("--trace") != nil ? TraceWriter(chunkSize: 1 << 20) { traceBytes += $0 } : .disabled()
        let present = args.has("--present")
        options.echoExpectations = !present
        let emit: (String) -> Void = present ? { io.out(Presenter.shortenTokens($0)) } : io.out
        let runner = ScenarioRunner(script: parsed.script, options: options, trace: trace, emit: emit)
        let report = runner.run()
        trace.flush()
        if let tracePath = args.value("--trace") {
            do { try io.writeFile(tracePath, traceBytes) } catch {
                io.err("error: cannot write the trace to \(tracePath)\n")
                return 2
            }
        }
        if let reportPath = args.value("--report"), let timeline = report.timeline {
            guard writeReport(timeline, to: reportPath, io: io, language: runner.language) else { return 2 }
        }
        if let error = report.error { io.err(withSourceLine(error, source: bytes).rendered + "\n") }
        for v in report.violations { io.err("error: safety violation: \(v)\n") }
        return report.exitCode
    }
}

/// Writes the HTML report of `timeline` to `path`, its own words in `language`; says why on
/// standard error when it cannot.
func writeReport(_ timeline: Timeline, to path: String, io: IO, language: Language = .en) -> Bool {
    do {
        try io.writeFile(path, Array(TimelineReport.html(timeline, language: language).utf8))
        return true
    } catch {
        io.err("error: cannot write the report to \(path)\n")
        return false
    }
}
