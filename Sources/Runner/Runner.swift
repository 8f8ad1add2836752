// Runner: runs a parsed scenario on a simulated swarm.
//
// `ScenarioRunner` executes statements in order at the current virtual time: it builds the
// `Swarm` from the settings and hosts, sends each docker invocation to its host's engine and
// prints the answer through DockerClient, applies faults, checks expectations (`expect`,
// `wait until`, `measure`), sends `curl` requests through the routing mesh and draws
// `show cluster`. `TranscriptCheck` is what `swarmsim test` does with one file: parse, run,
// compare every output with the expected block under its statement.
//
// May import: SimCore, SimNetwork, Raft, Orchestration, Cluster, ScenarioLanguage,
// DockerClient and Report (it records the timeline as it runs). Never Experiments or Fuzzer,
// which build on it.
