import SimCore
import Orchestration
import NodeRoles

/// Client requests through the routing mesh (`curl`): the entry node routes by its own
/// `NodeMesh`, the backend answers if it runs the task.
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
        if let task = hosts[entry.index].agent?.runningTask(publishingHostPort: port) {
            meshRequests[id].result = MeshResponse(outcome: .answered(task: task.name, node: name(of: entry)),
                                                   chosenTask: task.name, chosenNode: name(of: entry), elapsed: .zero)
            return id
        }
        // Nothing listens on the port there, or IPVS has no real servers: the connection is refused.
        guard let endpoint = hosts[entry.index].mesh.route(port: port, balance: options.meshBalance) else {
            meshRequests[id].result = MeshResponse(outcome: .refused, elapsed: .zero)
            return id
        }
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
        guard let task = hosts[host.index].agent?.runningTask(taskID) else {
            return   // no such container here any more: the packets go nowhere
        }
        send(.meshResponse(id, task: task.name), from: host, to: entry)
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
    public func taskName(_ id: String) -> String { freshestStore?.task(id: id)?.name ?? id }
}
