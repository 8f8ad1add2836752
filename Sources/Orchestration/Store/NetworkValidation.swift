import SimCore

// What the daemon and swarmkit's control API refuse before a network change reaches Raft
// (moby api/server/router/network and daemon/cluster, swarmkit manager/controlapi/network.go
// and service.go), in the words the docker CLI prints after "Error response from daemon: ".

extension ClusterStore {
    /// Why `docker network create` with `spec` must fail, or nil.
    public func createNetworkError(_ spec: NetworkSpec) -> String? {
        if network(named: spec.name) != nil {
            return "network with name \(spec.name) already exists"
        }
        if let text = spec.subnet {
            // moby api/types/network `ValidateIPAM`.
            guard let subnet = IPv4CIDR(text) else { return "invalid subnet \(text): invalid CIDR block notation" }
            if !subnet.isNetwork { return "invalid subnet \(text): it should be \(subnet.network)" }
        } else if nextDefaultSubnet() == nil {
            // libnetwork ipam `ErrNoMoreSubnets` (swarmkit's allocator would fail the same way).
            return "could not find an available, non-overlapping IPv4 address pool among the defaults to assign to the network"
        }
        if spec.ingress, let ingress = ingressNetwork {
            return "rpc error: code = AlreadyExists desc = ingress network (\(ingress.id)) is already present"
        }
        return nil
    }

    /// Why `docker network rm` of network `id` must fail, or nil (swarmkit `RemoveNetwork`:
    /// the ingress network while a service publishes an ingress port; another network while a
    /// service names it or a task on it still runs).
    public func removeNetworkError(id: String) -> String? {
        guard let network = network(id: id) else { return "network \(id) not found" }
        if network.isIngress {
            if let s = services.first(where: { Self.needsIngress($0.spec.endpoint) }) {
                return "rpc error: code = FailedPrecondition desc = ingress network cannot be removed because service \(s.id) depends on it"
            }
            return nil
        }
        if let s = services.first(where: { $0.spec.task.networks.contains(id) }) {
            return "rpc error: code = FailedPrecondition desc = network \(id) is in use by service \(s.id)"
        }
        if let t = tasks.first(where: { t in
            t.desiredState <= .running && t.status.state <= .running && t.networks.contains { $0.networkID == id }
        }) {
            return "rpc error: code = FailedPrecondition desc = network \(id) is in use by task \(t.id)"
        }
        return nil
    }

    /// `spec` with its networks named by ID, as the daemon sends it on (moby daemon/cluster
    /// `CreateService` resolves each name; swarmkit refuses the ingress network): the resolved
    /// spec, or the error. A network named twice is kept once.
    public func resolvingNetworks(of spec: ServiceSpec) -> Result<ServiceSpec, NetworkReferenceError> {
        var resolved = spec
        resolved.task.networks = []
        for reference in spec.task.networks {
            guard let network = resolveNetwork(reference) else { return .failure(.notFound(reference)) }
            if network.isIngress { return .failure(.ingress(network.name)) }
            if !resolved.task.networks.contains(network.id) { resolved.task.networks.append(network.id) }
        }
        return .success(resolved)
    }
}

/// Why a service's network could not be used.
public enum NetworkReferenceError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No network has this ID, name or ID prefix.
    case notFound(String)
    /// The ingress network, which services join only by publishing a port.
    case ingress(String)

    /// The daemon's words.
    public var description: String {
        switch self {
        case .notFound(let reference): "network \(reference) not found"
        case .ingress(let name):
            "rpc error: code = InvalidArgument desc = Service cannot be explicitly attached to the ingress network \"\(name)\""
        }
    }
}
