import Orchestration

/// One node's routing mesh: the ports it listens on in ingress mode, the service behind each,
/// and its IPVS table of endpoints per service, as far as updates have reached it.
///
/// It changes only by the updates that arrive (`take`), the leave gossip of other nodes
/// (`nodeLeft`) and the connections it balances (`route`). A crash or a leave empties it.
package struct NodeMesh: Sendable {
    /// A port published in ingress mode, and the service behind it.
    package struct PublishedPort: Sendable, Equatable {
        package var port: Int
        package var serviceID: String
        package var serviceName: String
    }

    // What every heartbeat reads comes first (`sessionFollows`, and mesh repair's `version`).

    /// The highest term among `stamps`, and the leaders whose stamps have it (one, unless a
    /// cluster forced anew reached the term too): `sessionFollows` checks these on every
    /// heartbeat instead of every service's stamp. The check only asks whether a leader other
    /// than its own has that term, so the first leader and whether there are more are enough,
    /// and reading them reads no array.
    private var highestTerm: UInt64 = 0
    private var firstLeaderAtHighestTerm: UInt64?
    private var severalLeadersAtHighestTerm = false
    /// Counts the changes to the ports and endpoints (not the balancer's turns), for mesh repair.
    package private(set) var version: UInt64 = 0
    /// This node's IPVS; nil until the first update reaches it.
    package private(set) var table: MeshTable?
    /// The stamp of the last update taken, per service.
    private var stamps: [String: LeaderStamp] = [:]
    /// Ports published in ingress mode, in the order learnt.
    package private(set) var publishedPorts: [PublishedPort] = []

    package init() {}

    /// Takes the updates no older than the last taken for their service (`LeaderStamp`).
    package mutating func take(_ updates: [MeshUpdate], nodeID: String) {
        var table = self.table ?? MeshTable(nodeID: nodeID)
        self.table = nil   // uniquely held while it changes
        version &+= 1
        for u in updates {
            if let taken = stamps[u.serviceID], !u.stamp.mayReplace(taken) { continue }
            stamps[u.serviceID] = u.stamp
            if u.stamp.term > highestTerm {
                (highestTerm, firstLeaderAtHighestTerm, severalLeadersAtHighestTerm) = (u.stamp.term, u.stamp.leader, false)
            } else if u.stamp.term == highestTerm {
                if firstLeaderAtHighestTerm == nil {
                    firstLeaderAtHighestTerm = u.stamp.leader
                } else if firstLeaderAtHighestTerm != u.stamp.leader {
                    severalLeadersAtHighestTerm = true
                }
            }
            publishedPorts.removeAll { $0.serviceID == u.serviceID }
            releasePorts(u.ingressPorts, to: u.serviceID, in: &table)
            for port in u.ingressPorts {
                publishedPorts.append(PublishedPort(port: port, serviceID: u.serviceID, serviceName: u.serviceName))
            }
            if u.ingressPorts.isEmpty { table.remove(u.serviceID) } else { table.update(u.serviceID, endpoints: u.endpoints) }
        }
        self.table = table
    }

    /// A published port belongs to one service in the swarm: the leader's update giving `ports`
    /// to `serviceID` displaces whatever other service this node still routes them to (a
    /// service a forced new cluster never knew, whose removal no leader will ever send).
    private mutating func releasePorts(_ ports: [Int], to serviceID: String, in table: inout MeshTable) {
        let displaced = publishedPorts.filter { $0.serviceID != serviceID && ports.contains($0.port) }.map(\.serviceID)
        guard !displaced.isEmpty else { return }
        publishedPorts.removeAll { $0.serviceID != serviceID && ports.contains($0.port) }
        for id in displaced where !publishedPorts.contains(where: { $0.serviceID == id }) { table.remove(id) }
    }

    /// The node's session is now with the leader of `term` (runtime `leader`). When some
    /// updates taken came from a lower term's or another leader of this term: a cluster forced
    /// anew (`--force-new-cluster`), whose terms go on from the recovered manager's. Updates
    /// stamped by the earlier leaders no longer hold back this leader's.
    package mutating func sessionFollows(term: UInt64, leader: UInt64) {
        // Another leader at this term: there are several, or the one is not this one.
        let anotherLeader = severalLeadersAtHighestTerm || firstLeaderAtHighestTerm.map { $0 != leader } == true
        guard highestTerm > term || (highestTerm == term && anotherLeader) else { return }
        for key in stamps.keys.sorted() where stamps[key].map({ $0.isOtherCluster(term: term, leader: leader) }) == true {
            stamps[key] = LeaderStamp(term: term, index: 0, leader: leader)
        }
        (highestTerm, firstLeaderAtHighestTerm, severalLeadersAtHighestTerm) = (term, leader, false)
    }

    /// Another node left the swarm (gossip): stop routing to its tasks.
    package mutating func nodeLeft(_ nodeID: String) {
        table?.removeEndpoints(onNode: nodeID)
        version &+= 1
    }

    /// Forgets everything (this node crashed or left).
    package mutating func reset() {
        let version = self.version
        self = NodeMesh()
        self.version = version &+ 1
    }

    /// Where a new connection to `port` goes: nil when nothing listens or no endpoint is known
    /// (IPVS with no real servers refuses it). Advances the balancer.
    package mutating func route(port: Int, balance: MeshTable.Balance) -> MeshTable.Endpoint? {
        guard let service = publishedPorts.first(where: { $0.port == port }), table != nil else { return nil }
        return table?.pick(service.serviceID, balance: balance)
    }

    /// The ingress ports this node listens on for `serviceID`.
    package func ports(of serviceID: String) -> [Int] {
        publishedPorts.filter { $0.serviceID == serviceID }.map(\.port)
    }

    /// The endpoints this node routes `serviceID` to (nil before any update).
    package func endpoints(of serviceID: String) -> [MeshTable.Endpoint]? { table?.endpoints(of: serviceID) }
}
