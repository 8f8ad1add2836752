import SimCore
import Orchestration

/// A call on a Docker engine's API, as the docker CLI makes it. The CLI (module Scenario)
/// composes commands from these the way the real CLI does (`node promote` is an inspect and an
/// update).
public enum EngineRequest: Sendable, Equatable {
    case swarmInit(advertiseAddress: String?, dispatcherHeartbeat: SimDuration?, taskHistoryLimit: Int?)
    case swarmJoin(token: String, remoteAddress: String, advertiseAddress: String?)
    case swarmLeave(force: Bool)
    case swarmInspect
    case swarmUpdate(dispatcherHeartbeat: SimDuration?, taskHistoryLimit: Int?, rotateWorkerToken: Bool, rotateManagerToken: Bool)
    case nodeList
    case nodeInspect(String)
    case nodeUpdate(String, NodeUpdate)
    case nodeRemove(String, force: Bool)
    case info
    /// The cluster's state as the leader has it: what the CLI's list and inspect calls read
    /// (services, tasks and nodes, filtered and formatted by the CLI).
    case read
    case serviceCreate(ServiceSpec)
    case serviceUpdate(id: String, ServiceSpec)
    case serviceRollback(id: String)
    case serviceRemove(id: String)
    /// `docker network create -d overlay NAME`: answered with `.created(id:)`.
    case networkCreate(NetworkSpec)
    /// `docker network rm`: the network by ID, name or unique ID prefix.
    case networkRemove(String)

    var isInit: Bool { if case .swarmInit = self { true } else { false } }

    /// Whether the call changes cluster state (and so needs the leader and a Raft commit).
    var isWrite: Bool {
        switch self {
        case .swarmUpdate, .nodeUpdate, .nodeRemove, .serviceCreate, .serviceUpdate, .serviceRollback, .serviceRemove,
             .networkCreate, .networkRemove: true
        default: false
        }
    }
}

/// A node as `docker node ls` and `node inspect` see it: the stored record plus the manager
/// status the answering manager's Raft view gives.
public struct NodeView: Sendable, Equatable {
    public var record: NodeRecord
    public var managerStatus: ManagerStatus?

    public struct ManagerStatus: Sendable, Equatable {
        public var leader: Bool
        public var reachable: Bool
        public var address: String
        public var display: String { leader ? "Leader" : reachable ? "Reachable" : "Unreachable" }
    }
}

/// The Swarm section of `docker info` on one engine.
public struct SwarmInfo: Sendable, Equatable {
    public enum LocalState: String, Sendable { case inactive, pending, active, error, locked }
    public var localState: LocalState
    public var nodeID: String
    public var nodeAddress: String
    public var isManager: Bool
    public var clusterID: String?
    public var managers: Int?
    public var nodes: Int?
    public var managerAddresses: [String]
    public var dispatcherHeartbeat: SimDuration?
    public var taskHistoryLimit: Int?
    public var snapshotInterval: UInt64
    public var electionTicks: Int
    public var heartbeatTicks: Int
    public var logEntriesForSlowFollowers: UInt64
    /// moby `Info().Swarm.Error`: on a manager whose control API has no leader to ask.
    public var error: String? = nil
}

/// What an engine answers.
public enum EngineResponse: Sendable, Equatable {
    case done
    /// `swarm init` and `swarm join`: the node's ID and whether it joined as a manager.
    case joined(nodeID: String, asManager: Bool, managerAddress: String)
    case cluster(ClusterRecord, managerAddress: String)
    case nodes([NodeView])
    case node(NodeView)
    case info(SwarmInfo)
    case store(ClusterStore)
    /// `service create` and `network create`: the new object's ID.
    case created(id: String)
}

/// An error as the daemon reports it. `text` is what follows "Error response from daemon: ".
public struct EngineError: Error, Sendable, Equatable {
    public var text: String
    public init(_ text: String) { self.text = text }

    /// gRPC status wording, as swarmkit's errors reach the CLI.
    static func rpc(_ code: String, _ message: String) -> EngineError {
        EngineError("rpc error: code = \(code) desc = \(message)")
    }

    public static let noLeader = rpc("Unknown", "The swarm does not have a leader. It's possible that too few managers are online. Make sure more than half of the managers are online.")
    static let notInSwarm = EngineError("This node is not a swarm manager. Use \"docker swarm init\" or \"docker swarm join\" to connect this node to swarm and try again.")
    static let worker = EngineError("This node is not a swarm manager. Worker nodes can't be used to view or modify cluster state. Please run this command on a manager node or promote the current node to a manager.")
    static let alreadyInSwarm = EngineError("This node is already part of a swarm. Use \"docker swarm leave\" to leave this swarm and join another one.")
    static let notPartOfSwarm = EngineError("This node is not part of a swarm")
    static let invalidToken = rpc("InvalidArgument", "A valid join token is necessary to join this cluster")
    static let deadline = rpc("DeadlineExceeded", "context deadline exceeded")
    /// moby `errSwarmJoinTimeoutReached`: `swarm join` gives up waiting, the engine does not.
    static let joinTimeout = EngineError("Timeout was reached before node joined. The attempt to join the swarm will continue in the background. Use the \"docker info\" command to see the current swarm status of your node.")
    static let lostLeadership = rpc("Unknown", "raft: failed to process the request: node lost leader status")
    static let lossOfQuorum = rpc("FailedPrecondition", "can't remove member from the raft: this would result in a loss of quorum")
    public static func noSuchNode(_ ref: String) -> EngineError { EngineError("node \(ref) not found") }
}

public typealias EngineResult = Result<EngineResponse, EngineError>
