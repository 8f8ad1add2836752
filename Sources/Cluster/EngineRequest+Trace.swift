/// Trace names of docker API calls.
extension EngineRequest {
    var traceName: String {
        switch self {
        case .swarmInit: "swarm.init"
        case .swarmInitForceNewCluster: "swarm.init.force-new-cluster"
        case .swarmJoin: "swarm.join"
        case .swarmLeave: "swarm.leave"
        case .swarmInspect: "swarm.inspect"
        case .swarmUpdate: "swarm.update"
        case .nodeUpdate: "node.update"
        case .nodeRemove: "node.remove"
        case .info: "info"
        case .get(let queries): queries.map(\.traceName).joined(separator: "+")
        case .serviceCreate: "service.create"
        case .serviceUpdate: "service.update"
        case .serviceRollback: "service.rollback"
        case .serviceRemove: "service.remove"
        case .networkCreate: "network.create"
        case .networkRemove: "network.remove"
        case .payloadCreate(let k, _): "\(k.rawValue).create"
        case .payloadList(let k, _): "\(k.rawValue).list"
        case .payloadInspect(let k, _): "\(k.rawValue).inspect"
        case .payloadRemove(let k, _): "\(k.rawValue).remove"
        case .swarmAutolock: "swarm.autolock"
        case .swarmUnlockKey: "swarm.unlockkey"
        case .swarmUnlock: "swarm.unlock"
        }
    }
}
