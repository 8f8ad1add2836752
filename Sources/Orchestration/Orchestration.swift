import SimCore

/// Orchestration: Swarm's own logic, as pure values and functions.
///
/// The cluster store (nodes, and services, tasks, secrets and configs as they come) and the
/// commands that change it; the scheduler; the orchestrators. Every decision here is a function
/// of the state handed in: no network, no Raft, no simulator. The Cluster module replicates
/// `StoreCommand`s through Raft and applies them, in log order, on every manager.
public enum Orchestration {}
