import SimCore

/// Cluster: the shell that joins the pure cores into a running swarm.
///
/// A `Swarm` owns the simulator, the network and one `Host` per machine. Each host runs a
/// Docker engine; an engine in a swarm runs an agent (`Agent`) and a routing mesh (`NodeMesh`),
/// and on managers also a `RaftNode` whose committed `StoreCommand`s build the replicated
/// `ClusterStore`. The leader runs the leader-only work (the `Dispatcher`, the orchestrators
/// and the scheduler) and stops it when it steps down. The roles' logic lives in NodeRoles;
/// this module hands them their events and carries out their effects (docs/architecture.md,
/// "Roles"). Docker commands reach an engine as `EngineRequest`s and answer with
/// `EngineResponse`s after however much virtual time the cluster takes; reads are list and
/// inspect `EngineQuery`s, filtered on the engine's side (`Engine/`). What sees every host at
/// once is `ClusterObserver`, for expectations, pictures, reports and checks, never for docker
/// commands.
///
/// This is the one module where consensus, orchestration and the network meet (DESIGN.md §1).
public enum Cluster {}
