import ScenarioLanguage

// MARK: - ScenarioParser

/// The one way in for a whole scenario: the language's `ScriptParser` with every `HOST$ docker
/// …` line checked against the docker CLI's table where it stands, so each mistake, in the
/// language or in a docker command line, is reported once, in file order, as
/// `file:line:col: error: …`. The runner, `swarmsim test`, `swarmsim run`, the shell, sweeps and
/// the parser fuzzer all parse through here.
public enum ScenarioParser {
    /// The most errors reported for one file.
    public static let maxErrors = ScriptParser.maxErrors

    /// Parses `source`, naming it `file` in every location.
    public static func parse(_ source: String, file: String) -> ParseResult {
        ScriptParser.parse(source, file: file, commands: checkDocker)
    }

    /// Parses raw file contents: checks they are UTF-8 text first.
    public static func parse(bytes: [UInt8], file: String) -> ParseResult {
        ScriptParser.parse(bytes: bytes, file: file, commands: checkDocker)
    }

    /// A docker command line is good when `DockerCLI` can read it into an invocation.
    static func checkDocker(_ words: [Word]) throws(Diagnostic) {
        _ = try DockerCLI.parseOrThrow(words)
    }
}
