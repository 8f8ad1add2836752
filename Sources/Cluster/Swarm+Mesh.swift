import SimCore
import Orchestration
import NodeRoles

/// The ingress routing mesh: every node listens on every published port and balances new
/// connections over the service's running tasks as its own table knows them.
///
/// Simplified from real Swarm: a node's table learns a service's endpoints from the leader's
/// store (the tasks running and wanted), `meshPropagation` after each change and only if the
/// update reaches it over the network; real Swarm spreads the same facts between nodes by gossip
/// (networkdb). Either way a node keeps sending to an endpoint it has not yet heard is gone.
///
/// A node that leaves the swarm leaves the gossip cluster too, and every node deletes the entries
/// it owned at once (libnetwork networkdb: a node in the left state has its table entries
/// deleted), whatever the store still says of its tasks: the leader counts a task on a node
/// that has left as no endpoint, and the leaving node tells the others (`announceLeave`).
extension Swarm {
    // MARK: Leader side

    /// Schedules the spread of these services' endpoints to every node.
    func scheduleMeshUpdates(_ serviceIDs: [String], from leader: HostID) {
        for id in serviceIDs where !(hosts[leader.index].manager?.meshPending.contains(id) ?? true) {
            hosts[leader.index].manager?.meshPending.append(id)
            schedule(.meshPropagate(leader, incarnation: network.incarnation(leader), serviceID: id), after: options.meshPropagation)
        }
    }

    /// The update for one service, from `store`: its running tasks on nodes still in the swarm
    /// (none listed when it publishes no ingress port: no node would read them).
    /// A node that left stays in the store (Unknown, then Down) until the leader's heartbeat
    /// check and the orchestrators catch up, which after a leader change takes 30 s.
    func meshUpdate(_ serviceID: String, in store: ClusterStore) -> MeshUpdate {
        guard let service = store.service(id: serviceID) else {
            return MeshUpdate(serviceID: serviceID, serviceName: "", ingressPorts: [], endpoints: [])
        }
        let ports = service.endpointPorts.filter { $0.publishMode == .ingress }.compactMap(\.published)
        // A node routes nothing for a service without ingress ports (`NodeMesh.take` forgets
        // it): its endpoints would be listed for no reader.
        guard !ports.isEmpty else {
            return MeshUpdate(serviceID: serviceID, serviceName: service.spec.name, ingressPorts: [], endpoints: [])
        }
        let endpoints = store.tasks(ofService: serviceID)
            .filter { t in
                t.status.state == .running && t.desiredState == .running && t.nodeID.map { hostOfNode[$0] != nil } == true
            }
            .map { MeshTable.Endpoint(taskID: $0.id, nodeID: $0.nodeID ?? "") }
        return MeshUpdate(serviceID: serviceID, serviceName: service.spec.name, ingressPorts: ports, endpoints: endpoints)
    }

    /// Sends the service's current endpoints to every node of the swarm.
    func propagateMesh(_ leader: HostID, serviceID: String) {
        guard let m = hosts[leader.index].manager else { return }
        hosts[leader.index].manager?.meshPending.removeAll { $0 == serviceID }
        guard m.raft.role == .leader else { return }
        var update = meshUpdate(serviceID, in: m.store)
        update.stamp = m.stamp
        for node in m.store.nodes {
            guard let h = host(ofNode: node) else { continue }
            send(.mesh([update]), from: leader, to: h)
        }
    }

    /// Everything a node must know to route: sent when it (re)joins a dispatcher session.
    func sendFullMesh(to nodeHost: HostID, from leader: HostID) {
        guard let m = hosts[leader.index].manager else { return }
        let stamp = m.stamp
        let updates = m.store.services.map { s in
            var u = meshUpdate(s.id, in: m.store)
            u.stamp = stamp
            return u
        }
        send(.mesh(updates), from: leader, to: nodeHost)
    }

    func host(ofNode node: NodeRecord) -> HostID? { hostOfNode[node.id] }

    // MARK: Node side

    func receiveMesh(_ updates: [MeshUpdate], at host: HostID) {
        guard let nodeID = hosts[host.index].membership?.nodeID else { return }
        hosts[host.index].mesh.take(updates, nodeID: nodeID)
    }

    /// `host`, leaving the swarm as node `nodeID`, stops listening on published ports and tells
    /// every other node of the swarm, which stop routing to its tasks (networkdb's leave event).
    /// A node the message misses is repaired at its next heartbeat (Swarm+MeshRepair.swift).
    func announceLeave(of host: HostID, nodeID: String) {
        hosts[host.index].mesh.reset()
        for other in hosts where other.id != host && other.membership != nil {
            send(.meshNodeLeft(nodeID: nodeID), from: host, to: other.id)
        }
    }

    func receiveMeshNodeLeft(_ nodeID: String, at host: HostID) {
        hosts[host.index].mesh.nodeLeft(nodeID)
    }
}
