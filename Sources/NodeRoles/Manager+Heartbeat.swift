import SimCore
import Orchestration

/// A heartbeat's reads of the leader's store, made here so that they read the store in place
/// (`readInPlace`): from another module, or handed to a call, `store` would be copied first.
extension Manager {
    /// The cluster's heartbeat period, when the store holds a swarm.
    package var dispatcherHeartbeat: SimDuration? { store.cluster?.dispatcherHeartbeat }

    /// A heartbeat from node `nodeID` to this manager's dispatcher (see `Dispatcher.heartbeat`;
    /// `newStream`: it came another way than the last one).
    /// The period the answer gives is `heartbeat` plus a jitter below `epsilon` drawn from
    /// `jitter`, drawn only for a registered node; `expiryOrder` the event ID reserved for the
    /// node's new expiry timer. Returns false, with nothing drawn or emitted, when the store has
    /// no such node or no dispatcher runs.
    package func dispatcherHeartbeat(nodeID: String, incarnation: UInt32, newStream: Bool, now: SimTime, heartbeat: SimDuration,
                                     epsilon: SimDuration, jitter: inout SeededRandom, expiryOrder: EventID,
                                     effects: inout [DispatcherEffect]) -> Bool {
        // No closure inside the read (one capturing `store` would copy it), and one mutating
        // call (a non-mutating one is handed a copy of the store).
        guard dispatcher != nil, let (node, lagging) = readInPlace({
            $0.heartbeatReads(ofNode: nodeID, unchangedFor: heartbeat, at: now)
        }) else { return false }
        let isRaftMember = node.raftID != 0 && raft.voters.contains(node.raftID)
        let period = heartbeat + SimDuration(nanoseconds: Int64(jitter.below(UInt64(max(epsilon.nanoseconds, 1)))))
        dispatcher?.heartbeat(from: node, incarnation: incarnation, isRaftMember: isRaftMember, leaderTerm: raft.term,
                              newStream: newStream, lagging: lagging, now: now, period: period, expiryOrder: expiryOrder,
                              effects: &effects)
        return true
    }

    /// Whether the cluster removed the manager `raftID` by a demotion (see
    /// `ClusterStore.removedRaftIDs`) and Raft has carried the removal out: the store records
    /// the demotion one entry before the configuration change, and until that commits the
    /// member's answers still count towards it.
    package func removedByDemotion(_ raftID: UInt64) -> Bool {
        !raft.voters.contains(raftID) && store.removedRaftIDs.contains(raftID)
    }
}
