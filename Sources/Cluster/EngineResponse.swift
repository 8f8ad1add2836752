import SimCore
import Orchestration


/// What an engine answers.
public enum EngineResponse: Sendable, Equatable {
    case done
    /// `swarm init` and `swarm join`: the node's ID and whether it joined as a manager.
    case joined(nodeID: String, asManager: Bool, managerAddress: String)
    case cluster(ClusterRecord, managerAddress: String)
    case info(SwarmInfo)
    /// `get`: each query's records or the daemon's error for it, in the order asked.
    case records([Result<EngineRecords, EngineError>])
    /// `service create` and `network create`: the new object's ID.
    case created(id: String)
    /// Secrets or configs (a secret's data left out).
    case payloads([PayloadRecord])
    case payload(PayloadRecord)
    /// The swarm's unlock key, "" when autolock is off.
    case unlockKey(String)
}

/// The outcome of a docker call: an answer or the daemon's error.
public typealias EngineResult = Result<EngineResponse, EngineError>
