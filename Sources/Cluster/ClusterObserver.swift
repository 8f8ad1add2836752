import SimCore
import Raft
import Orchestration
import NodeRoles

/// The all-seeing observer of a running swarm: what `expect`, `show cluster`, the report, the
/// experiments and the invariant checks read. It looks at every host at once, which no node
/// and no docker command can; a docker command asks an engine (`Swarm.submit`) instead, and
/// no docker path reads this (docs/architecture.md).
public struct ClusterObserver {
    let swarm: Swarm

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
        guard swarm.network.isUp(host), let m = swarm.hosts[host.index].manager else { return nil }
        return RaftView(role: m.raft.role, term: m.raft.term, leader: swarm.knownLeader(host),
                        commitIndex: m.raft.commitIndex, appliedIndex: m.appliedIndex, voters: m.raft.voters.count)
    }

    /// The leader now: the running manager in the leader role with the highest term. A deposed
    /// leader cut off in a minority may still believe it leads, in an older term, until
    /// CheckQuorum steps it down; it does not count.
    public var leader: HostID? { swarm.currentLeader }

    /// When the leader now (`leader`) took office: a leader elected where a member with a higher
    /// term can reach it is deposed at its first append (no PreVote), so having led for a while
    /// says more than leading now.
    public var leaderSince: SimTime? { swarm.currentLeader.flatMap { swarm.hosts[$0.index].leaderSince } }

    /// `leader`, for a condition read between events (never from inside one): remembered
    /// across the events that cannot change it, the ticks of a follower that only count.
    public var leaderBetweenEvents: HostID? {
        if let seen = swarm.leaderSeen, seen.epoch == swarm.leaderEpoch { return seen.leader }
        let leader = swarm.currentLeader
        swarm.leaderSeen = (swarm.leaderEpoch, leader)
        return leader
    }

    /// Hosts whose engine runs a manager now.
    public var managers: [HostID] { swarm.hosts.filter { swarm.network.isUp($0.id) && $0.manager != nil }.map(\.id) }

    /// The freshest store a running manager holds: the leader's, else the one that has applied
    /// the most.
    public var freshestStore: ClusterStore? { swarm.freshestStore }

    /// The leader's store as it stands, named without reading it: which manager runtime leads
    /// and how many times its store has changed (`Manager.serial`, `Manager.meshInputs`). Equal
    /// stamps mean the same store, untouched in between (a stamp may also move while the store
    /// stays the same); nil without a leader. A condition re-read after every event compares
    /// stamps to skip reading an unchanged store again.
    public var leaderStoreStamp: StoreStamp? {
        guard let l = swarm.currentLeader, let m = swarm.hosts[l.index].manager else { return nil }
        return StoreStamp(runtime: m.serial, changes: m.meshInputs)
    }

    /// See `leaderStoreStamp`.
    public struct StoreStamp: Sendable, Equatable {
        var runtime: UInt64
        var changes: UInt64
    }

    /// The store as `host`'s manager has applied it.
    public func store(on host: HostID) -> ClusterStore? { swarm.hosts[host.index].manager?.store }

    /// The containers `host`'s engine runs (what `show cluster` counts).
    public func containers(on host: HostID) -> [TaskRecord] { swarm.containers(on: host) }

    /// The node record of `host`, from the freshest store: its current node, or after it left,
    /// the newest node with its hostname (a node that left stays in the store until `node rm`).
    public func nodeRecord(of host: HostID) -> NodeRecord? {
        guard let store = freshestStore else { return nil }
        if let id = swarm.nodeID(of: host), let record = store.node(id: id) { return record }
        return store.nodes.filter { $0.hostname == swarm.name(of: host) }.max { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
    }

    /// What the safety monitor (Raft) and the invariant checker (stores, tasks, slots) found
    /// broken so far, in the order found.
    public var violations: [String] { swarm.safety.violations + swarm.invariants.violations }

    /// The current join token for `role`, from the freshest store (for `$WORKER_TOKEN`).
    public func joinToken(_ role: NodeRole) -> String? { freshestStore?.cluster?.token(for: role) }
}

extension Swarm {
    /// The observer's view of this swarm (not for docker command paths).
    public var allSeeing: ClusterObserver { ClusterObserver(swarm: self) }

    /// Events the simulator has handled so far (for throughput figures).
    public var eventsHandled: UInt64 { simulator.eventsHandled }

    /// Whether `host`'s engine is in a swarm, and as what: what its own engine knows.
    public func role(of host: HostID) -> NodeRole? {
        guard hosts[host.index].membership != nil else { return nil }
        return hosts[host.index].manager != nil ? .manager : .worker
    }

    /// The node ID of `host`'s engine, if it is in a swarm: what its own engine knows.
    public func nodeID(of host: HostID) -> String? { hosts[host.index].membership?.nodeID }

    /// The running manager in the leader role with the highest term (see
    /// `ClusterObserver.leader`).
    var currentLeader: HostID? {
        var best: (HostID, UInt64)?
        // By index: a `for h in hosts` loop copies every host's record, fields and all, and a
        // measure reads this after every event.
        for i in hosts.indices {
            let id = hosts[i].id
            guard network.isUp(id), let m = hosts[i].manager, m.raft.role == .leader, !m.removedFromRaft else { continue }
            if best == nil || m.raft.term > best!.1 { best = (id, m.raft.term) }
        }
        return best?.0
    }

    /// The leader's store, else the one that has applied the most: one definition, read by
    /// the observer (`ClusterObserver.freshestStore`) and, as the stand-in for what networkdb
    /// gossip spreads, by an engine's network answers (`EngineNetworks`, docs/model.md).
    var freshestStore: ClusterStore? {
        if let l = currentLeader, let s = hosts[l.index].manager?.store { return s }
        return hosts.compactMap { network.isUp($0.id) ? $0.manager : nil }.max(by: { $0.appliedIndex < $1.appliedIndex })?.store
    }
}
