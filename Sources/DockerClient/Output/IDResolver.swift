import Orchestration
import Cluster

/// docker/cli's `idresolver`: the names `service ps` and `node ps` print for the IDs a task
/// holds, from the services and nodes the engine answered alongside the tasks.
package struct IDResolver {
    var services: [ServiceRecord]
    var nodes: [NodeRecord]

    package init(services: [ServiceRecord], nodes: [NodeRecord]) {
        self.services = services
        self.nodes = nodes
    }

    /// The service's current name (a task keeps the name it was made with).
    func serviceName(_ id: String) -> String? { services.first { $0.id == id }?.spec.name }

    func hostname(_ nodeID: String) -> String? { nodes.first { $0.id == nodeID }?.hostname }
}
