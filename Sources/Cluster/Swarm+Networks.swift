import SimCore
import Orchestration
import NodeRoles

/// The docker API's network calls: `network create` and `network rm` on the leader, the
/// engine's own refusals before that, the ingress network `swarm init` makes, and the
/// networks a service names, resolved to IDs as the daemon does before swarmkit sees them.
extension Swarm {
    /// Names of the networks every engine has, which no swarm network may take (moby
    /// `network.IsPredefined`).
    static let predefinedNetworks = ["bridge", "host", "none"]

    // MARK: On the engine that got the call

    /// Why this engine refuses `network create` before asking a manager (moby daemon
    /// `createNetwork` and libnetwork `NewNetwork`), or nil.
    func localNetworkCreateError(_ spec: NetworkSpec, on host: HostID) -> EngineError? {
        if Self.predefinedNetworks.contains(spec.name) {
            return EngineError("operation is not permitted on predefined \(spec.name) network ")
        }
        guard hosts[host.index].membership != nil else { return .notInSwarm }
        if hosts[host.index].manager == nil {
            return EngineError("Cannot create a multi-host network from a worker node. Please create the network from a manager node.")
        }
        return nil
    }

    // MARK: On the leader

    /// Creates the network unless the daemon or swarmkit refuses; answers with its ID once the
    /// entry is applied.
    func createNetwork(_ spec: NetworkSpec, in store: ClusterStore, on host: HostID, target: ReplyTarget) {
        if let error = store.createNetworkError(spec) { return reply(target, .api(.failure(EngineError(error))), from: host) }
        let id = identity.newID()
        propose([.createNetwork(NetworkRecord(id: id, spec: spec, createdAt: now))], on: host, target: target,
                reply: .api(.success(.created(id: id))))
    }

    /// Removes the network named by `reference` (ID, name or unique ID prefix) unless it is in
    /// use (swarmkit `RemoveNetwork`).
    func removeNetwork(_ reference: String, in store: ClusterStore, on host: HostID, target: ReplyTarget) {
        guard let network = store.resolveNetwork(reference) else {
            return reply(target, .api(.failure(EngineError("network \(reference) not found"))), from: host)
        }
        if let error = store.removeNetworkError(id: network.id) {
            return reply(target, .api(.failure(EngineError(error))), from: host)
        }
        propose([.removeNetwork(id: network.id)], on: host, target: target, reply: .api(.success(.done)))
    }

    /// `spec` with its networks as IDs, or nil after answering with the daemon's refusal.
    func withNetworkIDs(_ spec: ServiceSpec, in store: ClusterStore, else answer: (EngineResult) -> Void) -> ServiceSpec? {
        switch store.resolvingNetworks(of: spec) {
        case .success(let resolved): return resolved
        case .failure(let error):
            answer(.failure(EngineError(error.description)))
            return nil
        }
    }

    // MARK: swarm init

    /// The routing mesh's network, proposed with the new swarm. Its ID comes from a stream of
    /// its own (keyed by the cluster), so making it shifts no other ID of the run.
    func ingressNetwork(clusterID: String) -> NetworkRecord {
        var ids = IDGenerator(random: rootRandom.child("ingress-network:" + clusterID))
        return .ingress(id: ids.newID(), createdAt: now)
    }
}
