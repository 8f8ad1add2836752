import SimCore
import Orchestration

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
    /// What a node learns of one service.
    struct MeshUpdate: Sendable {
        var serviceID: String
        var serviceName: String
        /// Ports published in ingress mode (empty: the service publishes none, or is gone).
        var ingressPorts: [Int]
        var endpoints: [MeshTable.Endpoint]
        /// The leader and store it was made from: a node takes no update older than the last
        /// one it took for the service (updates on different paths may arrive out of order).
        var stamp = LeaderStamp(term: 0, index: 0)
    }

    // MARK: Leader side

    /// Services whose endpoints or ports `changes` may have changed: a task's status or desired
    /// state, a removed task, a service created, respecified or removed. A task the same entry
    /// created is no endpoint yet, so what else the entry does to it is no news to the mesh.
    static func meshServices(touchedBy changes: StoreChanges, into ids: inout [String]) {
        var created: Set<String> = []   // looked up, never iterated
        for change in changes.all {
            switch change {
            case .task(let t) where t.kind == .put:
                created.insert(t.id)
            case .task(let t) where t.kind == .status || t.kind == .desiredState || t.kind == .removed:
                if !created.contains(t.id) { ids.append(t.serviceID) }
            case .service(let s) where s.kind != .updateStatus:
                ids.append(s.id)
            default: break
            }
        }
    }

    /// Schedules the spread of these services' endpoints to every node.
    func scheduleMeshUpdates(_ serviceIDs: [String], from leader: HostID) {
        for id in serviceIDs where !(hosts[leader.index].manager?.meshPending.contains(id) ?? true) {
            hosts[leader.index].manager?.meshPending.append(id)
            schedule(.meshPropagate(leader, incarnation: network.incarnation(leader), serviceID: id), after: options.meshPropagation)
        }
    }

    /// The update for one service, from `store`: its running tasks on nodes still in the swarm.
    /// A node that left stays in the store (Unknown, then Down) until the leader's heartbeat
    /// check and the orchestrators catch up, which after a leader change takes 30 s.
    func meshUpdate(_ serviceID: String, in store: ClusterStore) -> MeshUpdate {
        guard let service = store.service(id: serviceID) else {
            return MeshUpdate(serviceID: serviceID, serviceName: "", ingressPorts: [], endpoints: [])
        }
        let ports = service.endpointPorts.filter { $0.publishMode == .ingress }.compactMap(\.published)
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
        var table = hosts[host.index].mesh ?? MeshTable(nodeID: nodeID)
        for u in updates {
            if let taken = hosts[host.index].meshStamps[u.serviceID], u.stamp < taken { continue }
            hosts[host.index].meshStamps[u.serviceID] = u.stamp
            hosts[host.index].publishedPorts.removeAll { $0.serviceID == u.serviceID }
            for port in u.ingressPorts {
                hosts[host.index].publishedPorts.append((port: port, serviceID: u.serviceID, serviceName: u.serviceName))
            }
            if u.ingressPorts.isEmpty { table.remove(u.serviceID) } else { table.update(u.serviceID, endpoints: u.endpoints) }
        }
        hosts[host.index].mesh = table
    }

    /// `host`, leaving the swarm as node `nodeID`, stops listening on published ports and tells
    /// every other node of the swarm, which stop routing to its tasks (networkdb's leave event).
    /// A node the message misses is repaired at its next heartbeat (Swarm+MeshRepair.swift).
    func announceLeave(of host: HostID, nodeID: String) {
        hosts[host.index].mesh = nil
        hosts[host.index].meshStamps = [:]
        hosts[host.index].publishedPorts = []
        for other in hosts where other.id != host && other.membership != nil {
            send(.meshNodeLeft(nodeID: nodeID), from: host, to: other.id)
        }
    }

    func receiveMeshNodeLeft(_ nodeID: String, at host: HostID) {
        hosts[host.index].mesh?.removeEndpoints(onNode: nodeID)
    }
}

// MARK: - Requests through the mesh

/// One request's fate, as a client sees it.
public struct MeshResponse: Sendable, Equatable {
    public enum Outcome: Sendable, Equatable {
        /// A task answered.
        case answered(task: String, node: String)
        /// Nothing listens on the port there: `Connection refused`.
        case refused
        /// No answer before the client gave up.
        case timedOut
    }
    public var outcome: Outcome
    /// The task the entry node chose, when it chose one.
    public var chosenTask: String?
    public var chosenNode: String?
    public var elapsed: SimDuration
}

extension Swarm {
    /// Starts one request to `port` on `entry`. Run the swarm until `meshResult(of:)` is set.
    public func sendRequest(to entry: HostID, port: Int) -> Int {
        let id = meshRequests.count
        meshRequests.append(MeshRequestState(startedAt: now))
        guard network.isUp(entry) else {
            // A dead machine answers nothing: the client waits out its timeout.
            schedule(.meshTimeout(id), after: options.requestTimeoutForClients)
            return id
        }
        // Host-mode publishing: only a node running a task of the service listens.
        if let task = hosts[entry.index].agent?.tasks.first(where: { t in
            t.observed == .running && t.record.endpoint.ports.contains { $0.publishMode == .host && $0.published == port }
        }) {
            meshRequests[id].result = MeshResponse(outcome: .answered(task: task.record.name, node: name(of: entry)),
                                                   chosenTask: task.record.name, chosenNode: name(of: entry), elapsed: .zero)
            return id
        }
        guard let service = hosts[entry.index].publishedPorts.first(where: { $0.port == port }),
              var table = hosts[entry.index].mesh else {
            meshRequests[id].result = MeshResponse(outcome: .refused, elapsed: .zero)
            return id
        }
        guard let endpoint = table.pick(service.serviceID, balance: options.meshBalance) else {
            // IPVS with no real servers: the connection is refused.
            meshRequests[id].result = MeshResponse(outcome: .refused, elapsed: .zero)
            return id
        }
        hosts[entry.index].mesh = table
        let backend = hostOfNode[endpoint.nodeID]
        meshRequests[id].chosen = (endpoint.taskID, backend.map(name(of:)) ?? endpoint.nodeID)
        meshRequests[id].entry = entry
        schedule(.meshTimeout(id), after: options.requestTimeoutForClients)
        if let backend { send(.meshRequest(id, taskID: endpoint.taskID), from: entry, to: backend) }
        return id
    }

    public func meshResult(of id: Int) -> MeshResponse? { meshRequests[id].result }

    /// The backend node: answers if it runs the task (its container is there).
    func receiveMeshRequest(_ id: Int, taskID: String, from entry: HostID, at host: HostID) {
        guard let task = hosts[host.index].agent?.tasks.first(where: { $0.record.id == taskID && $0.observed == .running }) else {
            return   // no such container here any more: the packets go nowhere
        }
        send(.meshResponse(id, task: task.record.name), from: host, to: entry)
    }

    func receiveMeshResponse(_ id: Int, task: String, from backend: HostID) {
        guard meshRequests[id].result == nil else { return }
        meshRequests[id].result = MeshResponse(outcome: .answered(task: task, node: name(of: backend)),
                                               chosenTask: meshRequests[id].chosen?.task, chosenNode: meshRequests[id].chosen?.node,
                                               elapsed: now - meshRequests[id].startedAt)
    }

    func meshTimedOut(_ id: Int) {
        guard meshRequests[id].result == nil else { return }
        meshRequests[id].result = MeshResponse(outcome: .timedOut, chosenTask: meshRequests[id].chosen?.task,
                                               chosenNode: meshRequests[id].chosen?.node, elapsed: now - meshRequests[id].startedAt)
    }

    /// The task name of a task ID, as the best store knows it (for printing).
    public func taskName(_ id: String) -> String { bestStore?.task(id: id)?.name ?? id }
}

struct MeshRequestState {
    var startedAt: SimTime
    var entry: HostID?
    var chosen: (task: String, node: String)?
    var result: MeshResponse?
}
