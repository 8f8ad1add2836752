import SimCore
import Orchestration

/// What one engine knows of networks (moby daemon `GetNetworks` and the network router): the
/// local networks every engine has; the swarm networks it has instantiated — ingress on every
/// node of a swarm, an overlay once a task running here is attached to it; and, on a manager
/// that reached the leader, every swarm network (`cluster`, the leader's answer).
///
/// Simplified: a node learns its own load-balancer addresses, its peers and the services'
/// endpoints from the managers and by gossip (networkdb); here they are read from `reference`,
/// `Swarm.freshestStore`, at the moment of the command (docs/model.md).
struct EngineNetworks {
    let swarm: Swarm
    let host: HostID
    /// The cluster's networks as the leader answered a manager's query, or nil (a worker, no
    /// leader, or a query the leader refused).
    let cluster: [NetworkView]?
    /// Where node addresses, peers and service endpoints come from.
    let reference: ClusterStore?

    init(swarm: Swarm, host: HostID, cluster: [NetworkView]?) {
        self.swarm = swarm
        self.host = host
        self.cluster = cluster
        reference = swarm.freshestStore
    }

    // MARK: Which networks

    /// The engine's own networks: bridge, host, none, and docker_gwbridge once it is in a swarm.
    var localNetworks: [LocalNetwork] {
        swarm.role(of: host) == nil ? [.bridge, .host, .none] : [.bridge, .gatewayBridge, .host, .none]
    }

    /// Swarm networks instantiated here: ingress, then the networks of the tasks running here.
    var instantiated: [NetworkRecord] {
        guard swarm.role(of: host) != nil, let reference else { return [] }
        var ids: [String] = []
        if let ingress = reference.ingressNetwork { ids.append(ingress.id) }
        for t in swarm.containers(on: host) {
            for a in t.networks where a.address != nil && !ids.contains(a.networkID) { ids.append(a.networkID) }
        }
        return ids.compactMap { reference.network(id: $0) }
    }

    /// `docker network ls`: local, instantiated and (on a manager) cluster networks, once each,
    /// those here kept by `keep` (the cluster's came filtered from the leader).
    func list(keeping keep: ([NetworkView]) -> [NetworkView]) -> [NetworkView] {
        let here = instantiated
        var views = keep(localNetworks.map(localView) + here.map { instantiatedView($0, verbose: false) })
        for view in cluster ?? [] where !here.contains(where: { $0.id == view.id }) {
            views.append(view)
        }
        return views
    }

    /// The network `reference` names (ID, name or unique ID prefix), looked up as the daemon's
    /// network router does: this engine's own networks first, then the cluster's (the one the
    /// leader resolved, in `cluster`).
    func find(_ ref: String, verbose: Bool) -> NetworkView? {
        let here = instantiated
        let locals = localNetworks.map(localView) + here.map { instantiatedView($0, verbose: verbose) }
        if let v = locals.first(where: { $0.id == ref || $0.name == ref }) { return v }
        if let record = cluster?.first?.record {
            return here.contains(where: { $0.id == record.id }) ? instantiatedView(record, verbose: verbose) : Self.clusterView(record)
        }
        let prefixed = locals.filter { !ref.isEmpty && $0.id.hasPrefix(ref) }
        return prefixed.count == 1 ? prefixed[0] : nil
    }

    // MARK: Views

    func localView(_ n: LocalNetwork) -> NetworkView {
        NetworkView(form: .local(n), id: hex(64, "engine-network:\(swarm.name(of: host)):\(n.name)"), name: n.name,
                    driver: n.driver, scope: "local", created: .zero)
    }

    static func clusterView(_ r: NetworkRecord) -> NetworkView {
        NetworkView(form: .cluster, id: r.id, name: r.name, driver: r.spec.driver, scope: r.scope, created: r.createdAt, record: r)
    }

    func instantiatedView(_ r: NetworkRecord, verbose: Bool) -> NetworkView {
        var v = NetworkView(form: .instantiated, id: r.id, name: r.name, driver: r.spec.driver, scope: r.scope,
                            created: r.createdAt, record: r)
        for t in swarm.containers(on: host) {
            guard let address = t.networks.first(where: { $0.networkID == r.id })?.address else { continue }
            v.containers.append(.init(key: t.status.containerID ?? t.id, name: t.containerName,
                                      endpointID: endpointID(t.id, r.id), address: address))
        }
        if let nodeID = swarm.nodeID(of: host), let address = reference?.nodeAddress(nodeID, on: r.id) {
            v.containers.append(.init(key: r.isIngress ? "ingress-sbox" : "lb-\(r.name)",
                                      name: r.isIngress ? "ingress-endpoint" : "\(r.name)-endpoint",
                                      endpointID: endpointID(nodeID, r.id), address: address))
        }
        v.containers.sort { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
        for node in reference?.nodes ?? [] where node.state != .down && reference?.nodeAddress(node.id, on: r.id) != nil {
            v.peers.append(.init(name: hex(12, "networkdb:\(node.hostname)"), ip: node.address))
        }
        if verbose { v.services = services(on: r) }
        return v
    }

    /// What the network's DNS and load balancer know: every service with a running task on it.
    func services(on network: NetworkRecord) -> [NetworkView.ServiceEntry] {
        guard let store = reference else { return [] }
        var entries: [NetworkView.ServiceEntry] = []
        for s in store.services {
            var tasks: [NetworkView.TaskEntry] = []
            for t in store.tasks(ofService: s.id) where t.status.state == .running {
                guard let address = t.networks.first(where: { $0.networkID == network.id })?.address else { continue }
                tasks.append(.init(name: t.containerName, endpointID: endpointID(t.id, network.id), endpointIP: address.addressText,
                                   hostIP: t.nodeID.flatMap { store.node(id: $0)?.address } ?? ""))
            }
            guard !tasks.isEmpty else { continue }
            let vip = s.virtualIPs.first { $0.networkID == network.id }
            let ports = network.isIngress
                ? s.endpointPorts.filter { $0.publishMode == .ingress }.compactMap { p in p.published.map { "Target: \(p.target), Publish: \($0)" } }
                : []
            entries.append(.init(name: s.spec.name, vip: vip?.address.addressText ?? "<nil>", ports: ports,
                                 localLBIndex: vip == nil ? 0 : loadBalancerIndex(s.id, network.id, in: store), tasks: tasks))
        }
        return entries.sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
    }

    /// libnetwork numbers each load balancer (one per service and network) from 256 as it
    /// makes them; here, in the order of the services' creation and their VIPs.
    func loadBalancerIndex(_ serviceID: String, _ networkID: String, in store: ClusterStore) -> Int {
        var index = 256
        for s in store.services.sorted(by: { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }) {
            for vip in s.virtualIPs {
                if s.id == serviceID && vip.networkID == networkID { return index }
                index += 1
            }
        }
        return 0
    }

    // MARK: Derived identifiers

    func endpointID(_ owner: String, _ networkID: String) -> String { hex(64, "endpoint:\(owner):\(networkID)") }

    /// `digits` lowercase hex digits drawn from a stream of their own, keyed by `label`: the
    /// same on every replay, and no other stream of the run moves.
    func hex(_ digits: Int, _ label: String) -> String {
        var random = SeededRandom(seed: swarm.options.seed).child(label)
        var text = ""
        while text.count < digits {
            let word = String(random.next(), radix: 16)
            text += String(repeating: "0", count: 16 - word.count) + word
        }
        return String(text.prefix(digits))
    }
}
