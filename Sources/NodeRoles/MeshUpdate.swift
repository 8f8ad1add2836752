import Orchestration

/// What a node learns of one service for its routing mesh.
package struct MeshUpdate: Sendable {
    package var serviceID: String
    package var serviceName: String
    /// Ports published in ingress mode (empty: the service publishes none, or is gone).
    package var ingressPorts: [Int]
    package var endpoints: [MeshTable.Endpoint]
    /// The leader and store it was made from: a node takes no update older than the last
    /// one it took for the service (updates on different paths may arrive out of order).
    package var stamp = LeaderStamp(term: 0, index: 0)

    package init(serviceID: String, serviceName: String, ingressPorts: [Int], endpoints: [MeshTable.Endpoint]) {
        self.serviceID = serviceID; self.serviceName = serviceName
        self.ingressPorts = ingressPorts; self.endpoints = endpoints
    }
}
