import SimCore
import Orchestration

/// A call on a Docker engine's API, as the docker CLI makes it. The CLI (module Runner)
/// composes commands from these the way the real CLI does (`node promote` is an inspect and an
/// update).
public enum EngineRequest: Sendable, Equatable {
    case swarmInit(advertiseAddress: String?, dispatcherHeartbeat: SimDuration?, taskHistoryLimit: Int?)
    /// `docker swarm init --force-new-cluster`: see `Swarm.forceNewCluster`.
    case swarmInitForceNewCluster(dispatcherHeartbeat: SimDuration?, taskHistoryLimit: Int?)
    case swarmJoin(token: String, remoteAddress: String, advertiseAddress: String?)
    case swarmLeave(force: Bool)
    case swarmInspect
    case swarmUpdate(dispatcherHeartbeat: SimDuration?, taskHistoryLimit: Int?, rotateWorkerToken: Bool, rotateManagerToken: Bool)
    case nodeUpdate(String, NodeUpdate)
    case nodeRemove(String, force: Bool)
    case info
    /// The list and inspect calls of one docker command (`GET /nodes`, `/services/web`,
    /// `/tasks?filters=…`, `/networks`), answered by the engine with only the records each
    /// query selects, filtered on the daemon's side, as `.records`, one result per query in
    /// the order asked. The real CLI makes them one after another; the simulator sends them
    /// in one round trip, so a command costs the network the same one call it always has.
    /// A query cannot use an earlier one's answer: where docker/cli resolves a name first, the
    /// query names it and the engine resolves it, as moby's `GetTasks` does for `service` and
    /// `node` filters.
    case get([EngineQuery])
    case serviceCreate(ServiceSpec)
    case serviceUpdate(id: String, ServiceSpec)
    case serviceRollback(id: String)
    case serviceRemove(id: String)
    /// `docker network create -d overlay NAME`: answered with `.created(id:)`.
    case networkCreate(NetworkSpec)
    /// `docker network rm`: the network by ID, name or unique ID prefix.
    case networkRemove(String)
    /// `docker secret|config create`: answered with `.created(id:)` (Swarm+Payloads.swift).
    case payloadCreate(PayloadKind, PayloadSpec)
    /// `docker secret|config ls` and the CLI's look-ups by name: `.payloads`, filtered by the daemon.
    case payloadList(PayloadKind, PayloadFilters)
    /// `docker secret|config inspect`: by ID, name or unique ID prefix; `.payload`.
    case payloadInspect(PayloadKind, String)
    /// `docker secret|config rm`: by ID, name or unique ID prefix.
    case payloadRemove(PayloadKind, String)
    /// `--autolock` on `swarm init` and `swarm update`: turn autolock on (a new key) or off.
    case swarmAutolock(Bool)
    /// `docker swarm unlock-key [--rotate]`: answered with `.unlockKey` ("" when autolock is off).
    case swarmUnlockKey(rotate: Bool)
    /// `docker swarm unlock`: the key typed, for this engine's locked manager (Swarm+Autolock.swift).
    case swarmUnlock(key: String)

    var isInit: Bool { if case .swarmInit = self { true } else { false } }

    /// Whether the call changes cluster state (and so needs the leader and a Raft commit).
    var isWrite: Bool {
        switch self {
        case .swarmUpdate, .nodeUpdate, .nodeRemove, .serviceCreate, .serviceUpdate, .serviceRollback, .serviceRemove,
             .networkCreate, .networkRemove, .payloadCreate, .payloadRemove,
             .swarmAutolock, .swarmUnlockKey: true
        default: false
        }
    }
}
