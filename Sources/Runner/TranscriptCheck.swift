import SimCore
import ScenarioLanguage
import DockerClient

/// `swarmsim test`: runs a scenario and compares each statement's output with the expected
/// block under it (cockroachdb/datadriven style).
public struct TranscriptCheck: Sendable {
    public var file: String
    /// Parse errors (then nothing ran).
    public var diagnostics: [Diagnostic] = []
    public var report: RunReport?
    /// Statements whose output differs from their expected block.
    public var mismatches: [Mismatch] = []
    /// The file with every expected block replaced by the actual output (for `--rewrite`).
    public var rewritten: String?

    public struct Mismatch: Sendable, Equatable {
        public var location: SourceLocation
        public var statement: String
        public var expected: String
        public var actual: String

        public var rendered: String {
            var s = "\(location): error: output differs for '\(statement)'\n"
            s += "--- expected\n+++ actual\n"
            s += LineDiff.unified(ExpectedOutput.normalize(expected), ExpectedOutput.normalize(actual))
            return s
        }
    }

    public var passed: Bool {
        diagnostics.isEmpty && mismatches.isEmpty && (report?.exitCode ?? 2) == 0
    }

    /// Parses and runs `bytes`, comparing outputs. Statements with no expected block are run but
    /// not compared.
    public static func check(bytes: [UInt8], file: String, options: RunOptions = RunOptions()) -> TranscriptCheck {
        var result = TranscriptCheck(file: file)
        let parsed = ScenarioParser.parse(bytes: bytes, file: file)
        guard !parsed.hasErrors else {
            result.diagnostics = parsed.diagnostics
            return result
        }
        var o = options
        o.echoStatements = false
        let report = ScenarioRunner(script: parsed.script, options: o).run()
        result.report = report
        var actual: [Int: String] = [:]
        for (i, s) in parsed.script.statements.enumerated() {
            guard let expected = s.expected else { continue }
            let output = report.outputs[i] ?? ""
            actual[i] = output
            if !expected.matches(output) {
                result.mismatches.append(Mismatch(location: s.location, statement: s.text, expected: expected.text, actual: output))
            }
        }
        let source = String(decoding: bytes, as: UTF8.self)
        result.rewritten = rewrite(source: source, script: parsed.script, actual: actual)
        return result
    }
}
