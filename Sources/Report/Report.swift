// Report: the timeline of one run, as a self-contained HTML page with SVG lanes.
//
// `TimelineRecorder` listens to the swarm's notifications and the runner's statements and
// builds a `Timeline` (host lanes and phases, leadership, partitions, service tracks, statement
// marks, requests); `TimelineReport` and `TimelineChart` draw it for `swarmsim run --report`.
//
// May import: SimCore, Raft and Orchestration (the states it draws), Cluster (notifications),
// ScenarioLanguage (statements and settings it marks). Never the runner, which calls it.
