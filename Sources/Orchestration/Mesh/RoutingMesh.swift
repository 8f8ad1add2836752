/// The ingress routing mesh, as one node's IPVS sees it: for each published port, the task
/// endpoints this node knows of, and where its round robin stands.
///
/// Real Swarm programs IPVS on every node with a virtual server per published port; new
/// connections go round-robin over the service's task endpoints, local or not (IPVS has no
/// preference for the local task). The study notes this project grew from describe a variant in
/// which a node with a local task serves it directly; `Balance.localFirst` models that, for
/// comparison. A node learns endpoints some time after tasks start or stop (see the shell), and
/// keeps sending to an endpoint it has not yet learned is gone.
public struct MeshTable: Sendable, Equatable {
    public enum Balance: String, Sendable { case roundRobin = "round-robin", localFirst = "local-first" }

    /// A task that answers on a service's target port.
    public struct Endpoint: Sendable, Equatable, Comparable {
        public var taskID: String
        /// The node running the task.
        public var nodeID: String
        public init(taskID: String, nodeID: String) { self.taskID = taskID; self.nodeID = nodeID }
        public static func < (a: Endpoint, b: Endpoint) -> Bool { a.taskID < b.taskID }
    }

    struct Service: Sendable, Equatable {
        var serviceID: String
        var endpoints: [Endpoint]
        var next = 0
        var nextLocal = 0
    }

    /// The node this table belongs to.
    public let nodeID: String
    private var services: [Service] = []

    public init(nodeID: String) { self.nodeID = nodeID }

    /// The endpoints known for `serviceID`, in task ID order.
    public func endpoints(of serviceID: String) -> [Endpoint] {
        services.first(where: { $0.serviceID == serviceID })?.endpoints ?? []
    }

    /// Replaces what this node knows of a service's endpoints (as a propagated update does).
    /// The rotation carries on from where it was: IPVS keeps its position when real servers
    /// are added or removed.
    public mutating func update(_ serviceID: String, endpoints: [Endpoint]) {
        let sorted = endpoints.sorted()
        if let i = services.firstIndex(where: { $0.serviceID == serviceID }) {
            if sorted.isEmpty { services.remove(at: i); return }
            let previous = services[i].endpoints
            // Keep pointing at the endpoint that was next, if it is still there.
            let nextTask = previous.isEmpty ? nil : previous[services[i].next % previous.count].taskID
            services[i].endpoints = sorted
            services[i].next = nextTask.flatMap { t in sorted.firstIndex(where: { $0.taskID >= t }) } ?? 0
        } else if !sorted.isEmpty {
            let at = services.firstIndex(where: { $0.serviceID > serviceID }) ?? services.count
            services.insert(Service(serviceID: serviceID, endpoints: sorted), at: at)
        }
    }

    /// Forgets a service (removed, or its port unpublished).
    public mutating func remove(_ serviceID: String) {
        services.removeAll { $0.serviceID == serviceID }
    }

    /// Forgets every endpoint on `nodeID`, in every service (the node left the swarm). The
    /// rotation carries on as `update` keeps it.
    ///
    /// - Complexity: O(endpoints) of the table.
    public mutating func removeEndpoints(onNode nodeID: String) {
        for service in services where service.endpoints.contains(where: { $0.nodeID == nodeID }) {
            update(service.serviceID, endpoints: service.endpoints.filter { $0.nodeID != nodeID })
        }
    }

    /// The endpoint that gets the next new connection to `serviceID`, advancing the rotation;
    /// nil when this node knows none.
    public mutating func pick(_ serviceID: String, balance: Balance = .roundRobin) -> Endpoint? {
        guard let i = services.firstIndex(where: { $0.serviceID == serviceID }) else { return nil }
        let endpoints = services[i].endpoints
        guard !endpoints.isEmpty else { return nil }
        if balance == .localFirst {
            let local = endpoints.filter { $0.nodeID == nodeID }
            if !local.isEmpty {
                let e = local[services[i].nextLocal % local.count]
                services[i].nextLocal = (services[i].nextLocal + 1) % local.count
                return e
            }
        }
        let e = endpoints[services[i].next % endpoints.count]
        services[i].next = (services[i].next + 1) % endpoints.count
        return e
    }
}
