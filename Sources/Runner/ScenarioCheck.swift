import SimCore
import ScenarioLanguage
import DockerClient

/// `swarmsim test`: runs a scenario and compares each statement's output with the expected
/// block under it (cockroachdb/datadriven style).
public struct ScenarioCheck: Sendable {
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
    public static func check(bytes: [UInt8], file: String, options: RunOptions = RunOptions()) -> ScenarioCheck {
        var result = ScenarioCheck(file: file)
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

/// A line diff for failure reports: common lines with two spaces, removed with `-`, added with
/// `+` (longest common subsequence; outputs are small).
enum LineDiff {
    static func unified(_ a: String, _ b: String) -> String {
        let x = a.split(separator: "\n", omittingEmptySubsequences: false)
        let y = b.split(separator: "\n", omittingEmptySubsequences: false)
        var lcs = [[Int]](repeating: [Int](repeating: 0, count: y.count + 1), count: x.count + 1)
        for i in stride(from: x.count - 1, through: 0, by: -1) {
            for j in stride(from: y.count - 1, through: 0, by: -1) {
                lcs[i][j] = x[i] == y[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
            }
        }
        var out = ""
        var i = 0, j = 0
        while i < x.count || j < y.count {
            if i < x.count, j < y.count, x[i] == y[j] { out += "  \(x[i])\n"; i += 1; j += 1 }
            else if i < x.count, j == y.count || lcs[i + 1][j] >= lcs[i][j + 1] { out += "- \(x[i])\n"; i += 1 }
            else { out += "+ \(y[j])\n"; j += 1 }
        }
        return out
    }
}
