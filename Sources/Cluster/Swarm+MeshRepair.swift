import SimCore
import Orchestration
import NodeRoles

/// Anti-entropy for the routing mesh. Swarm spreads endpoints by gossip (libnetwork's NetworkDB),
/// whose periodic sync between nodes repairs what a partition made a node miss. The simulator
/// sends mesh updates from the leader instead, so a node cut off when an update went out would
/// keep a stale table; the dispatcher repairs it at the node's next heartbeat.
extension Swarm {
    /// Whether the node on `nodeHost` routes differently from what the leader's store says, for
    /// a service whose update is not on its way already.
    ///
    /// - Complexity: O(services · endpoints) of the leader's store when something changed;
    ///   O(1) when nothing it compares changed since it last found the node up to date.
    func meshIsStale(on nodeHost: HostID, leader: HostID) -> Bool {
        guard let stamp = meshRepairStamp(on: nodeHost, leader: leader) else { return false }
        if let fresh = hosts.withUnsafeBufferPointer({ $0[nodeHost.index].meshCheckedFresh }), fresh == stamp { return false }
        let stale = compareMesh(on: nodeHost, leader: leader)
        hosts[nodeHost.index].meshCheckedFresh = stale ? nil : stamp
        return stale
    }

    /// Everything `compareMesh` reads, as counts of changes: the leader's runtime, its store and
    /// pending updates, the nodes in the swarm, and the node's mesh.
    typealias MeshRepairStamp = (leader: HostID, manager: UInt64, inputs: UInt64, nodes: UInt64, mesh: UInt64)

    func meshRepairStamp(on nodeHost: HostID, leader: HostID) -> MeshRepairStamp? {
        guard let runtime = withManager(leader, { ($0.serial, $0.meshInputs) }) else { return nil }
        let mesh = hosts.withUnsafeBufferPointer { $0[nodeHost.index].mesh.version }
        return (leader, runtime.0, runtime.1, hostOfNodeChanges, mesh)
    }

    /// The full comparison behind `meshIsStale`.
    ///
    /// - Complexity: O(services · endpoints) of the leader's store.
    private func compareMesh(on nodeHost: HostID, leader: HostID) -> Bool {
        guard let m = hosts[leader.index].manager else { return false }
        let mesh = hosts[nodeHost.index].mesh
        for service in m.store.services where !m.meshPending.contains(service.id) {
            // A service that publishes nothing in ingress mode has no endpoints to compare: the
            // node must just not listen for it (cheap, and most services of a big swarm).
            if !service.endpointPorts.contains(where: { $0.publishMode == .ingress && $0.published != nil }) {
                if mesh.publishedPorts.contains(where: { $0.serviceID == service.id }) { return true }
                continue
            }
            let u = meshUpdate(service.id, in: m.store)
            let published = mesh.ports(of: service.id).sorted()
            if published != u.ingressPorts.sorted() { return true }
            if !u.ingressPorts.isEmpty, mesh.endpoints(of: service.id)?.sorted() != u.endpoints.sorted() { return true }
        }
        // Ports of services the store no longer has.
        return mesh.publishedPorts.contains { p in m.store.service(id: p.serviceID) == nil && !m.meshPending.contains(p.serviceID) }
    }
}
