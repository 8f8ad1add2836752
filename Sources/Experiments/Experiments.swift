// Experiments: many runs, summarised.
//
// `swarmsim quorum` (odd against even manager counts: `QuorumExperiment`, `QuorumTrials`,
// `QuorumTable`), `swarmsim sweep` and `merge` (a scenario over a range of seeds, in parallel
// and in shards: `Sweep`, `SeedRange`, `SweepResults`), their statistics and their JSON (a small
// `JSONParser` of our own, since the package has no dependencies). Each run stays
// single-threaded and deterministic; `ParallelRuns` spreads runs over cores.
//
// May import: SimCore, Raft, Cluster, ScenarioLanguage, DockerClient (for its table writer)
// and Runner. Never Fuzzer or the executable.
