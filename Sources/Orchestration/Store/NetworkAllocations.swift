/// The network allocator's books, kept in the replicated store so that every manager, applying
/// the same commands in the same order, hands out the same addresses (swarmkit's allocator
/// runs on the leader and writes its results into the store; here the allocation is part of
/// applying a command, which gives the same agreement without a second proposal).
///
/// Only looked up by key, never iterated: every decision follows an order that comes from the
/// store's sorted arrays or from the command being applied (DESIGN.md §2).
public struct NetworkAllocations: Equatable, Sendable {
    /// Each network's address pool, by network ID.
    var pools: [String: AddressPool] = [:]
    /// What each node holds, in allocation order: its ingress sandbox's address on the ingress
    /// network (every node has one) and its load balancer's address on each overlay where it
    /// runs a task (swarmkit `Node.Attachments`, allocated by `allocateNode` for the networks
    /// of the node's tasks).
    var nodeAttachments: [String: [NetworkAttachment]] = [:]
    /// How many tasks that hold an address each node runs, per network: the node keeps its
    /// load-balancer address on the network while this is positive.
    var liveTasks: [NodeNetwork: Int] = [:]

    public init() {}

    struct NodeNetwork: Hashable, Sendable {
        var nodeID: String
        var networkID: String
    }

    // MARK: Pools

    /// The next address of network `id`, serially; nil when the network is unknown or full.
    mutating func allocate(on networkID: String) -> IPv4CIDR? {
        pools[networkID]?.allocate()
    }

    /// Gives `address` back to network `id` (ignored when the network is gone).
    mutating func release(_ address: IPv4CIDR, on networkID: String) {
        pools[networkID]?.release(address)
    }

    // MARK: Nodes

    /// The node's address on `networkID`, if it holds one.
    func nodeAddress(_ nodeID: String, on networkID: String) -> IPv4CIDR? {
        nodeAttachments[nodeID]?.first { $0.networkID == networkID }?.address
    }

    /// Gives the node an address on `networkID` unless it has one.
    mutating func attachNode(_ nodeID: String, to networkID: String) {
        guard nodeAddress(nodeID, on: networkID) == nil, let address = allocate(on: networkID) else { return }
        nodeAttachments[nodeID, default: []].append(NetworkAttachment(networkID: networkID, address: address))
    }

    /// Releases the node's address on `networkID`, if it holds one.
    mutating func detachNode(_ nodeID: String, from networkID: String) {
        guard var list = nodeAttachments[nodeID], let i = list.firstIndex(where: { $0.networkID == networkID }) else { return }
        if let address = list[i].address { release(address, on: networkID) }
        list.remove(at: i)
        nodeAttachments[nodeID] = list.isEmpty ? nil : list
    }

    /// Releases everything the node holds (it left the swarm).
    mutating func detachNode(_ nodeID: String) {
        for a in nodeAttachments[nodeID] ?? [] {
            if let address = a.address { release(address, on: a.networkID) }
        }
        nodeAttachments[nodeID] = nil
    }

    /// One more task with an address on `networkID` runs on the node: the first gives the node
    /// its load balancer there (a later one tries again if the subnet was full then). A node
    /// no longer in the swarm gets none.
    mutating func taskArrived(on nodeID: String, network networkID: String, nodeExists: Bool) {
        let key = NodeNetwork(nodeID: nodeID, networkID: networkID)
        liveTasks[key, default: 0] += 1
        if nodeExists { attachNode(nodeID, to: networkID) }
    }

    /// One task fewer: the last takes the node's load balancer with it.
    mutating func taskLeft(_ nodeID: String, network networkID: String) {
        let key = NodeNetwork(nodeID: nodeID, networkID: networkID)
        guard let n = liveTasks[key] else { return }
        if n <= 1 {
            liveTasks[key] = nil
            detachNode(nodeID, from: networkID)
        } else {
            liveTasks[key] = n - 1
        }
    }
}
