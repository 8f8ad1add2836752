// ScenarioLanguage: the `*.swarm` language, and nothing that runs it.
//
// Text in, statements and diagnostics out: the lexer (`ScriptLexer`, `Word`, shell-like
// quoting, `\` continuations, heredocs), the statements (`Statement`, `Setting`, `Condition`,
// `HostDeclaration`), source locations and `file:line:col: error: …` diagnostics with hints,
// the expected-output blocks under statements and `--rewrite`. `ScriptParser` reads a file.
//
// A `HOST$ docker …` line stays words here: the language checks the host and hands the words
// to a `CommandCheck`, which the docker CLI (module DockerClient) supplies. Parse whole files
// through DockerClient's `ScenarioParser`, which does that for you.
//
// May import: SimCore only (durations, IPv4 addresses, latency and loss values). Never the
// cluster, the docker CLI or the runner: a tool that only reads scenarios links this alone.
