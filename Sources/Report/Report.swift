// Report: the timeline of one run, as a self-contained HTML page with SVG lanes.
//
// `TimelineRecorder` listens to the swarm's notifications, the lines of its trace the runner
// taps (`TraceTap`: Raft messages, task states) and the runner's statements, and builds a
// `Timeline` (host lanes and phases, leadership, partitions, quorum per side, services and
// task slots, requests, messages, statement marks with the cluster picture as each ended);
// `TimelineReport` draws it for `swarmsim run --report` as a presenter page: `StepView` and
// `RingView` (stepping, RaftScope-like ring), `TimelineChart` (the chart), `ReportStyle`,
// `StepScript`, and `ReportStrings` in each `Language` (Language+ReportStrings.swift).
//
// May import: SimCore, Raft and Orchestration (the states it draws), Cluster (notifications),
// ScenarioLanguage (statements and settings it marks). Never the runner, which calls it.
