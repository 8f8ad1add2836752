// A libFuzzer target over the scenario parser and the docker flag parser.
//
// `run.sh` compiles this file together with Sources/DockerClient/CommandLine/ into one module
// (so no `import DockerClient`), against ScenarioLanguage and SimCore, with `-sanitize=fuzzer`;
// libFuzzer supplies `main`.
//
// Each input is parsed as a scenario file (lexer, statement parser, diagnostics and their
// rendering), then again as the tail of a docker command line on a host, which goes through
// the docker flag parser (`DockerCLI.parse`) and its value checks. Any trap (a failed
// precondition, an index out of range, an arithmetic overflow) is a bug: the parser must turn
// every input into statements or diagnostics.

import ScenarioLanguage

/// The docker command line the second parse puts in front of the input.
let dockerPrefix = Array("hosts m1 w1\nm1$ docker ".utf8)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    exercise(ScenarioParser.parse(bytes: bytes, file: "fuzz.swarm"))
    exercise(ScenarioParser.parse(bytes: dockerPrefix + bytes, file: "fuzz.swarm"))
    return 0
}

/// Renders what the parser produced, so the message and caret code runs too.
func exercise(_ result: ParseResult) {
    if result.hasErrors {
        _ = result.renderedDiagnostics
    } else {
        for s in result.script.statements { _ = s.text }
    }
}
