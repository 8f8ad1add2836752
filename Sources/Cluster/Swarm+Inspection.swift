import SimCore
import Raft
import Orchestration
import NodeRoles

/// What the scenario runner, the pictures and the checkers read of a swarm: god's-eye views
/// that no docker command gives.
extension Swarm {
    /// Raft as one manager sees it.
    public struct RaftView: Sendable, Equatable {
        public var role: Raft.Role
        public var term: UInt64
        public var leader: HostID?
        public var commitIndex: UInt64
        public var appliedIndex: UInt64
        public var voters: Int
    }

    /// `host`'s Raft state, if it runs a manager now.
    public func raftView(_ host: HostID) -> RaftView? {
        guard network.isUp(host), let m = hosts[host.index].manager else { return nil }
        return RaftView(role: m.raft.role, term: m.raft.term, leader: knownLeader(host),
                        commitIndex: m.raft.commitIndex, appliedIndex: m.appliedIndex, voters: m.raft.voters.count)
    }

    /// The leader now: the running manager in the leader role with the highest term. A deposed
    /// leader cut off in a minority may still believe it leads, in an older term, until
    /// CheckQuorum steps it down; it does not count.
    public var leader: HostID? {
        var best: (HostID, UInt64)?
        for h in hosts where network.isUp(h.id) {
            guard let m = h.manager, m.raft.role == .leader, !m.removedFromRaft else { continue }
            if best == nil || m.raft.term > best!.1 { best = (h.id, m.raft.term) }
        }
        return best?.0
    }

    /// Events the simulator has handled so far (for throughput figures).
    public var eventsHandled: UInt64 { simulator.eventsHandled }

    /// Hosts whose engine runs a manager now.
    public var managers: [HostID] { hosts.filter { network.isUp($0.id) && $0.manager != nil }.map(\.id) }

    /// Whether `host`'s engine is in a swarm, and as what.
    public func role(of host: HostID) -> NodeRole? {
        guard hosts[host.index].membership != nil else { return nil }
        return hosts[host.index].manager != nil ? .manager : .worker
    }

    /// The node ID of `host`'s engine, if it is in a swarm.
    public func nodeID(of host: HostID) -> String? { hosts[host.index].membership?.nodeID }

    /// The freshest store a running manager holds: the leader's, else the one that has applied
    /// the most. An observer's read: it looks at every manager, which no node can.
    public var freshestStore: ClusterStore? {
        if let l = leader, let s = hosts[l.index].manager?.store { return s }
        return hosts.compactMap { network.isUp($0.id) ? $0.manager : nil }.max(by: { $0.appliedIndex < $1.appliedIndex })?.store
    }

    /// The store as `host`'s manager has applied it.
    public func store(on host: HostID) -> ClusterStore? { hosts[host.index].manager?.store }

    /// The node record of `host`, from the best store: its current node, or after it left, the
    /// newest node with its hostname (a node that left stays in the store until `node rm`).
    public func nodeRecord(of host: HostID) -> NodeRecord? {
        guard let store = freshestStore else { return nil }
        if let id = nodeID(of: host), let record = store.node(id: id) { return record }
        return store.nodes.filter { $0.hostname == name(of: host) }.max { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
    }

    /// The current join token for `role`, from the best store (for `$WORKER_TOKEN`).
    public func joinToken(_ role: NodeRole) -> String? { freshestStore?.cluster?.token(for: role) }
}
