import SimCore
import Cluster

/// The parts of an engine's network view the Engine API's JSON writes that are not plain fields.
extension NetworkView {
    /// A local network's subnet and gateway; nil for a swarm network (its record has them).
    var localIPAM: (subnet: String?, gateway: String?)? {
        if case .local(let l) = form { return (l.subnet, l.gateway) }
        return nil
    }
    var localOptions: [(String, String)] {
        if case .local(let l) = form { return l.options }
        return []
    }
    /// This engine's endpoints on the network: (key, container name, endpoint ID, MAC, address).
    var apiEndpoints: [(key: String, name: String, endpointID: String, mac: String, address: String)] {
        containers.map { ($0.key, $0.name, $0.endpointID, $0.macAddress, $0.address.description) }
    }
}
