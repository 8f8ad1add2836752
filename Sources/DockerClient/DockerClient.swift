// DockerClient: what the docker CLI does on a host, minus the daemon.
//
// CommandLine/ reads a command line: `DockerCLI` is the table of simulated commands and flags
// and the pflag-style parser with docker's own messages; a good line becomes a
// `DockerInvocation`. `ScenarioParser` is the one entry point for parsing a whole scenario:
// the language's `ScriptParser` with every docker line checked here, so diagnostics stay in
// file order. CommandLine/ needs only SimCore and ScenarioLanguage (the parser fuzzer builds it
// alone).
//
// Output/ prints the engine's answers as docker/cli prints them (`DockerFormat`: tables,
// inspect JSON, messages), turns `service create/update` flags into a `ServiceSpec`, and holds
// an engine's view of networks.
//
// May import: SimCore, ScenarioLanguage, Orchestration (specs and records it prints) and
// Cluster (the engine's answers). Never the runner, the report or experiments.
