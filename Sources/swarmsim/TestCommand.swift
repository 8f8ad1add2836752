import SimCore
import Runner

/// `swarmsim test PATH…`: checks every scenario against its expected output.
enum TestCommand: Subcommand {
    static let name = "test"
    static let options = [
        OptionSpec(name: "--rewrite", takesValue: false, help: "Replace each expected block that differs with the actual output"),
        OptionSpec(name: "--seed", takesValue: true, valueName: "N", help: "Run every scenario with this seed instead of its own"),
        LanguageOption.option,
    ]
    static var help: String {
        """
        USAGE: swarmsim test PATH... [options]

        Runs each scenario (a file, or every *.swarm under a directory) and compares each
        statement's output with the expected block under it. Ends with 'N passed, N failed'.

        OPTIONS:
        \(optionsHelp(options))
        """
    }

    static func run(_ args: ParsedArguments, io: IO) throws(UsageError) -> Int32 {
        guard !args.positionals.isEmpty else {
            throw UsageError(message: "missing scenario file or directory", hint: "swarmsim test Scenarios/")
        }
        var files: [String] = []
        for path in args.positionals {
            if io.isDirectory(path) {
                let found = (io.listDirectory(path) ?? []).filter { $0.hasSuffix(".swarm") }.sorted()
                if found.isEmpty { throw UsageError(message: "\(path) holds no scenarios (*.swarm files)") }
                files += found
            } else {
                files.append(path)
            }
        }
        var options = RunOptions()
        options.language = try LanguageOption.parse(args)
        if let seed = args.value("--seed") {
            guard let v = UInt64(seed) else { throw UsageError(message: "invalid seed '\(seed)'") }
            options.seed = v
        }
        var passed = 0, failed = 0, badInput = false
        for file in files {
            let bytes = try CLI.read(file, io: io)
            options.rerunCommand = "swarmsim run \(file)"
            let check = TranscriptCheck.check(bytes: bytes, file: file, options: options)
            if !check.diagnostics.isEmpty {
                io.err(check.diagnostics.map(\.rendered).joined(separator: "\n\n") + "\n")
                badInput = true
            }
            if let error = check.report?.error { io.err(withSourceLine(error, source: bytes).rendered + "\n"); badInput = true }
            if let failure = check.report?.failure { io.err(failure.rendered) }
            for v in check.report?.violations ?? [] { io.err("\(file): error: safety violation: \(v)\n") }
            if args.has("--rewrite"), let rewritten = check.rewritten, check.diagnostics.isEmpty {
                let new = Array(rewritten.utf8)
                if new != bytes {
                    do { try io.writeFile(file, new) } catch { throw UsageError(message: "cannot write \(file)") }
                    io.out("rewrote \(file)\n")
                }
                if check.report?.exitCode == 0 { passed += 1 } else { failed += 1 }
                continue
            }
            for m in check.mismatches { io.err(m.rendered) }
            if check.passed { passed += 1; io.out("ok    \(file)\n") } else { failed += 1; io.out("FAIL  \(file)\n") }
        }
        io.out("\(passed) passed, \(failed) failed\n")
        return badInput ? 2 : (failed > 0 ? 1 : 0)
    }
}
