// Fuzzer: random scenarios from a seed, run with every invariant checked (`swarmsim fuzz`).
//
// `FuzzScenario` writes a scenario text from a seed (hosts, services, faults, waits) and
// `FuzzRun` parses and runs it: a broken safety property, or a liveness phase that does not
// converge, comes back with the scenario file that reproduces it. The scenario is plain text
// on purpose: a failure can be saved and replayed as a `.swarm` file.
//
// May import: SimCore, DockerClient (to parse what it wrote) and Runner. Never Experiments.
