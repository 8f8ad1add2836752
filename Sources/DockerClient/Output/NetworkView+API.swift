import SimCore
import Orchestration

/// The fields of a network view the Engine API's JSON writes (module EngineAPI).
extension NetworkView {
    package var apiName: String { name }
    package var apiDriver: String { driver }
    package var apiScope: String { scope }
    package var apiCreated: SimTime { created }
    /// A local network's subnet and gateway; nil for a swarm network (its record has them).
    package var localIPAM: (subnet: String?, gateway: String?)? {
        if case .local(let l) = form { return (l.subnet, l.gateway) }
        return nil
    }
    package var localOptions: [(String, String)] {
        if case .local(let l) = form { return l.options }
        return []
    }
    /// This engine's endpoints on the network: (key, container name, endpoint ID, MAC, address).
    package var apiEndpoints: [(key: String, name: String, endpointID: String, mac: String, address: String)] {
        containers.map { ($0.key, $0.name, $0.endpointID, $0.macAddress, $0.address.description) }
    }
}
