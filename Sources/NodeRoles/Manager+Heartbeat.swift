import SimCore
import Orchestration

/// A heartbeat's reads of the leader's store, made here so that they read the store in place
/// (`readInPlace`): from another module, or handed to a call, `store` would be copied first.
extension Manager {
    /// The cluster's heartbeat period, when the store holds a swarm.
    package var dispatcherHeartbeat: SimDuration? { store.cluster?.dispatcherHeartbeat }

    /// A heartbeat from node `nodeID` on host `origin` (nil: not known) to this manager's
    /// dispatcher (see `Dispatcher.heartbeat`; `newStream`: it came another way than the last one, through `via`; `position`: where the
    /// node's record lay at its last heartbeat, if known).
    /// The period the answer gives is `heartbeat` plus a jitter below `epsilon` drawn from
    /// `jitter`, drawn only for a registered node; `expiryOrder` the event ID reserved for the
    /// node's new expiry timer. Returns false, with nothing drawn or emitted, when the store has
    /// no such node or no dispatcher runs.
    package func dispatcherHeartbeat(nodeID: String, origin: HostID? = nil, incarnation: UInt32, newStream: Bool, via: HostID, position: Int?,
                                     now: SimTime, heartbeat: SimDuration, epsilon: SimDuration, jitter: inout SeededRandom,
                                     expiryOrder: EventID, effects: inout [DispatcherEffect]) -> Bool {
        // No closure inside the read (one capturing `store` would copy it), and one mutating
        // call (a non-mutating one is handed a copy of the store).
        guard dispatcher != nil, let (node, found, lagging) = readInPlace({
            $0.heartbeatReads(ofNode: nodeID, hint: position, unchangedFor: heartbeat, at: now)
        }) else { return false }
        let isRaftMember = node.raftID != 0 && raft.voters.contains(node.raftID)
        let period = heartbeat + SimDuration(nanoseconds: Int64(jitter.below(UInt64(max(epsilon.nanoseconds, 1)))))
        dispatcher?.heartbeat(from: node, origin: origin, incarnation: incarnation, isRaftMember: isRaftMember, leaderTerm: raft.term,
                              newStream: newStream, lagging: lagging, now: now, period: period, expiryOrder: expiryOrder,
                              via: via, position: found, effects: &effects)
        return true
    }

    /// Starts loading what a heartbeat from `origin` reads of the dispatcher and of the store,
    /// so that the two reads wait for memory together, not one after the other. A hint.
    package func prefetchHeartbeatReads(from origin: HostID) {
        guard let position = dispatcher?.prefetchHeartbeat(from: origin) else { return }
        readInPlace { $0.prefetchNode(at: position) }
    }

    /// Files the manager heartbeats of node `nodeID` now come through (`sessions`, which the
    /// leader's assignments follow) and returns whether that changed: a new session stream.
    /// Asks the dispatcher first, whose session of the node keeps the same, so that a heartbeat
    /// on the stream it came by before reads one table, not two. Returns also where the
    /// node's record lay at its last heartbeat. `origin`: the node's host, if known (a hint).
    package func sessionThrough(_ via: HostID, of nodeID: String, from origin: HostID? = nil) -> (moved: Bool, position: Int?) {
        let last = dispatcher?.lastHeartbeat(of: nodeID, from: origin)
        if let last, last.via == via { return (false, last.position) }
        let moved = sessions.updateValue(via, forKey: nodeID) != via
        dispatcher?.heartbeats(of: nodeID, from: origin, comeThrough: via)
        return (moved, last?.position)
    }

    /// Whether the cluster removed the manager `raftID` by a demotion (see
    /// `ClusterStore.removedRaftIDs`) and Raft has carried the removal out: the store records
    /// the demotion one entry before the configuration change, and until that commits the
    /// member's answers still count towards it.
    package func removedByDemotion(_ raftID: UInt64) -> Bool {
        !raft.voters.contains(raftID) && store.removedRaftIDs.contains(raftID)
    }
}
