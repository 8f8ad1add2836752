import SimCore

/// What a host's `Engine` decides about a swarm API call, for its shell to carry out.
package enum EngineEffect: Sendable, Equatable {
    /// Answer the call here, from this host's own manager (it leads, or reads are local).
    case answerHere
    /// Send the call to the leader this host knows (swarmkit's raft proxy).
    case forward(to: HostID)
    /// Refuse the call with the daemon's error.
    case refuse(EngineRefusal)
    /// Ask again after `delay`: swarmkit's LeaderConn polls for a leader once a second.
    case retry(after: SimDuration)
}
