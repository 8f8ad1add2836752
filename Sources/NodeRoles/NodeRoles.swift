import SimCore

/// NodeRoles: one host's Swarm software, each role a value type that owns its host's state and
/// answers an event (a message, a timer, a call) with effects, in the manner of `SWIM.Instance`
/// (apple/swift-cluster-membership) and etcd raft's `Ready`.
///
/// - `Agent`: the tasks this node runs and their containers, its heartbeats and status reports
///   (swarmkit agent, agent/exec). Effects: `AgentEffect`.
/// - `NodeMesh`: this node's routing-mesh table, the ports it listens on and the endpoints
///   behind them (IPVS, programmed from networkdb). Queries only; its updates return nothing.
/// - `Engine`: where the engine's daemon API sends a swarm call (answer here, forward to the
///   leader, refuse, poll again). One `EngineEffect` per call.
/// - `Manager`: the Raft node, the store it applied, the proposals waiting, and the leader pass
///   (swarmkit manager/: orchestrators and scheduler, the dispatcher's start, the role
///   manager). A tick, a Raft message or a proposal changes it; `drainReady` hands out
///   `ManagerReady` (messages, role changes, what applying changed) and `settle` the proposals
///   to answer; the leader pass, the role manager and the disk's timing answer with
///   `ManagerEffect` (schedule a pass, propose, start or stop the dispatcher, send Raft
///   messages now or once written, trace). A class, held by one host (see `Manager`).
///
/// A role reads only its own host's state (passed in as a value, such as `AgentHost`) and what
/// arrives in messages. Time, IDs and random draws come in as arguments. Effects are plain
/// enums collected in an array the caller owns and reuses: no closure or existential per event.
/// `Cluster.Swarm` keeps the clock and the network, routes messages to roles and carries out
/// their effects in the order the role emitted them.
///
/// May use: SimCore, Raft (the manager's node), Orchestration (the store's records, the mesh
/// table). Never SimNetwork or Cluster. The engine's answering, joining and leaving are still
/// `Swarm` methods over these roles (docs/architecture.md, "Node roles").
public enum NodeRoles {}
