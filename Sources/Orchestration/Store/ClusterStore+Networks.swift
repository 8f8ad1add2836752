import SimCore

// Swarm networks in the store: lookups, the commands that create and remove them, and the
// allocator's work as commands apply (swarmkit manager/allocator/network.go and cnmallocator):
// a subnet and VXLAN ID per network, a virtual IP per service on each of its networks, an
// address per task on each of its networks, an address per node on the ingress network and on
// each overlay where it runs tasks. Addresses are released when their holder goes (a task when
// it stops, as swarmkit's allocator frees a dead task's addresses).

extension ClusterStore {
    // MARK: Reads

    /// The network with this exact ID. O(log n).
    public func network(id: String) -> NetworkRecord? {
        let i = insertionIndex(ofNetwork: id)
        return i < networks.count && networks[i].id == id ? networks[i] : nil
    }

    public func network(named name: String) -> NetworkRecord? {
        networks.first { $0.name == name }
    }

    /// What a docker command names a network by: a full ID, a name, or a unique ID prefix (the
    /// daemon's order, moby daemon/cluster `getNetwork`).
    public func resolveNetwork(_ reference: String) -> NetworkRecord? {
        if let n = network(id: reference) { return n }
        if let n = network(named: reference) { return n }
        guard !reference.isEmpty else { return nil }
        let matches = networks.filter { $0.id.hasPrefix(reference) }
        return matches.count == 1 ? matches[0] : nil
    }

    /// The routing mesh's network, made by `swarm init`.
    public var ingressNetwork: NetworkRecord? { networks.first { $0.isIngress } }

    /// The addresses the node holds: its ingress sandbox's, then its load balancers', in the
    /// order it got them.
    public func attachments(ofNode nodeID: String) -> [NetworkAttachment] {
        allocations.nodeAttachments[nodeID] ?? []
    }

    /// The node's address on `networkID` (ingress sandbox or load balancer), if it holds one.
    public func nodeAddress(_ nodeID: String, on networkID: String) -> IPv4CIDR? {
        allocations.nodeAddress(nodeID, on: networkID)
    }

    /// Whether `address` is handed out on network `networkID`.
    public func isAllocated(_ address: IPv4CIDR, on networkID: String) -> Bool {
        allocations.pools[networkID]?.isTaken(address) ?? false
    }

    /// Whether a service with this endpoint needs the ingress network: it publishes a port in
    /// ingress mode (swarmkit `IsIngressNetworkNeeded`).
    public static func needsIngress(_ endpoint: EndpointSpec) -> Bool {
        endpoint.ports.contains { $0.publishMode == .ingress }
    }

    func insertionIndex(ofNetwork id: String) -> Int {
        var lo = 0, hi = networks.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if networks[mid].id < id { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    // MARK: Default address pool

    /// Swarm's default address pool, 10.0.0.0/8, cut into /24s (`--default-addr-pool`,
    /// `--default-addr-pool-mask-length` at `swarm init`).
    public static let defaultAddressPool = IPv4CIDR(10, 0, 0, 0, prefixLength: 8)
    public static let defaultSubnetSize = 24
    /// The first VXLAN ID swarm's overlay driver gives out.
    public static let firstVXLANID = 4096

    /// The lowest /24 of the default pool that overlaps no network's subnet. O(k) per candidate
    /// for k networks.
    func nextDefaultSubnet() -> IPv4CIDR? {
        let pool = Self.defaultAddressPool
        let step = UInt32(1) << UInt32(32 - Self.defaultSubnetSize)
        let count = UInt32(pool.size / UInt64(step))
        for i in 0..<count {
            let candidate = IPv4CIDR(address: pool.address &+ i &* step, prefixLength: Self.defaultSubnetSize)
            if !networks.contains(where: { $0.subnet.overlaps(candidate) }) { return candidate }
        }
        return nil
    }

    func nextVXLANID() -> Int {
        var id = Self.firstVXLANID
        while networks.contains(where: { $0.vxlanID == id }) { id += 1 }
        return id
    }

    // MARK: Apply: networks

    mutating func applyNetworkCommand(_ command: StoreCommand, into changes: inout StoreChanges) {
        switch command {
        case .createNetwork(var record):
            guard network(id: record.id) == nil, network(named: record.name) == nil,
                  !(record.isIngress && ingressNetwork != nil) else { return }
            let requested = record.spec.subnet.flatMap(IPv4CIDR.init)?.network
            guard let subnet = requested ?? nextDefaultSubnet() else { return }
            let pool = AddressPool(subnet: subnet)
            record.subnet = pool.subnet
            record.gateway = pool.gateway
            record.vxlanID = nextVXLANID()
            networks.insert(record, at: insertionIndex(ofNetwork: record.id))
            allocations.pools[record.id] = pool
            if record.isIngress {
                for node in nodes { allocations.attachNode(node.id, to: record.id) }
            }
            changes.append(StoreChanges.Network(id: record.id, isRemoved: false))
        case .removeNetwork(let id):
            let i = insertionIndex(ofNetwork: id)
            guard i < networks.count, networks[i].id == id else { return }
            networks.remove(at: i)
            for node in nodes { allocations.detachNode(node.id, from: id) }
            allocations.pools[id] = nil
            changes.append(StoreChanges.Network(id: id, isRemoved: true))
        default:
            preconditionFailure("applyNetworkCommand called with a command that is not about networks: \(command)")
        }
    }

    // MARK: Allocation hooks: nodes

    /// A node joined: its ingress sandbox gets an address.
    mutating func allocateNode(_ nodeID: String) {
        if let ingress = ingressNetwork { allocations.attachNode(nodeID, to: ingress.id) }
    }

    /// A node was removed: its addresses go back.
    mutating func releaseNode(_ nodeID: String) {
        allocations.detachNode(nodeID)
    }

    // MARK: Allocation hooks: services

    /// The networks a service wants virtual IPs on: the ingress network when it publishes an
    /// ingress port, then its own networks that exist, in spec order.
    func vipNetworks(of spec: ServiceSpec) -> [String] {
        var ids: [String] = []
        if Self.needsIngress(spec.endpoint), let ingress = ingressNetwork { ids.append(ingress.id) }
        for id in spec.task.networks where !ids.contains(id) && network(id: id) != nil { ids.append(id) }
        return ids
    }

    /// Brings the service's virtual IPs in line with its spec, as swarmkit's cnmallocator
    /// `AllocateService` does: dnsrr services have none; VIPs on networks still wanted keep
    /// their address and order; the others are released; missing ones are appended.
    mutating func allocateVirtualIPs(_ service: inout ServiceRecord) {
        let wanted = service.spec.endpoint.mode == .dnsrr ? [] : vipNetworks(of: service.spec)
        var kept: [VirtualIP] = []
        for vip in service.virtualIPs {
            if wanted.contains(vip.networkID) { kept.append(vip) } else { allocations.release(vip.address, on: vip.networkID) }
        }
        for id in wanted where !kept.contains(where: { $0.networkID == id }) {
            if let address = allocations.allocate(on: id) { kept.append(VirtualIP(networkID: id, address: address)) }
        }
        service.virtualIPs = kept
    }

    mutating func releaseVirtualIPs(_ service: ServiceRecord) {
        for vip in service.virtualIPs { allocations.release(vip.address, on: vip.networkID) }
    }

    // MARK: Allocation hooks: tasks

    /// A new task's attachments, each with an address (swarmkit `taskCreateNetworkAttachments`
    /// then `allocateTask`): the ingress network first when its endpoint publishes an ingress
    /// port, then its networks that exist, in spec order. A task that is already past running
    /// gets none.
    mutating func allocateAttachments(for task: TaskRecord) -> [NetworkAttachment] {
        guard task.status.state <= .running else { return [] }
        var ids: [String] = []
        if Self.needsIngress(task.endpoint), let ingress = ingressNetwork { ids.append(ingress.id) }
        for id in task.spec.networks where !ids.contains(id) && network(id: id) != nil { ids.append(id) }
        return ids.map { NetworkAttachment(networkID: $0, address: allocations.allocate(on: $0)) }
    }

    /// Whether a task holds its addresses: until it stops.
    static func holdsAddresses(_ task: TaskRecord) -> Bool { task.status.state <= .running }

    /// Follows a task from `old` to `new` (either nil when it does not exist): nodes count the
    /// tasks they run per network (their load balancers come and go with them), and a task
    /// that stops gives its addresses back. Returns the attachments `new` should now have, or
    /// nil when they are unchanged.
    ///
    /// - Complexity: O(a log n) for a task on a networks; O(1) for one on none.
    mutating func trackTask(from old: TaskRecord?, to new: TaskRecord?) -> [NetworkAttachment]? {
        let oldNets = old?.networks ?? [], newNets = new?.networks ?? []
        if oldNets.isEmpty && newNets.isEmpty { return nil }
        // Arrivals before departures, so a task that only changes state keeps the load balancer.
        let ingressID = ingressNetwork?.id
        func counted(_ t: TaskRecord?) -> (node: String, networks: [String])? {
            guard let t, let node = t.nodeID, Self.holdsAddresses(t) else { return nil }
            return (node, t.networks.filter { $0.address != nil && $0.networkID != ingressID }.map(\.networkID))
        }
        let before = counted(old), after = counted(new)
        if before?.node != after?.node || before?.networks != after?.networks {
            if let after {
                let exists = index(ofNode: after.node) != nil
                for n in after.networks { allocations.taskArrived(on: after.node, network: n, nodeExists: exists) }
            }
            if let before { for n in before.networks { allocations.taskLeft(before.node, network: n) } }
        }
        guard let new else {
            releaseAddresses(of: oldNets)   // removed: whatever it still held goes back
            return nil
        }
        guard !Self.holdsAddresses(new), newNets.contains(where: { $0.address != nil }) else { return nil }
        releaseAddresses(of: newNets)       // stopped: its addresses go back
        return newNets.map { NetworkAttachment(networkID: $0.networkID, address: nil) }
    }

    private mutating func releaseAddresses(of attachments: [NetworkAttachment]) {
        for a in attachments { if let address = a.address { allocations.release(address, on: a.networkID) } }
    }
}
