import SimCore

/// One host's Docker engine, as far as the daemon API goes: where each swarm call is answered.
/// A manager-only call is answered by the leader; a follower forwards it to the leader it
/// knows (swarmkit's raft proxy); with no leader known it polls once a second (LeaderConn)
/// until it has been without one for `lostQuorumTicks` Raft ticks, then refuses. A worker, or
/// an engine outside a swarm, refuses at once.
///
/// The engine decides from its own host's state alone (`EngineHost`) and returns one
/// `EngineEffect` (a call has exactly one fate, so no effect array); `Swarm` carries it out:
/// answers from the manager's store, sends the call, or schedules the retry.
package struct Engine: Sendable {
    /// Manager-only reads are answered by any manager from its own store (`reads local`), not
    /// only by the leader.
    package var readsLocally: Bool
    /// Raft ticks without a leader after which a manager refuses calls at once.
    package var lostQuorumTicks: Int

    package init(readsLocally: Bool, lostQuorumTicks: Int) {
        self.readsLocally = readsLocally
        self.lostQuorumTicks = lostQuorumTicks
    }

    /// A docker call made on this host (`isWrite`: it changes cluster state, so only the leader
    /// may answer it). `polling`: the call is already waiting for a leader; LeaderConn looks at
    /// the ticks without one only when the call arrives, so a waiting call keeps polling until
    /// its deadline, which `Swarm` keeps.
    package func call(isWrite: Bool, on host: EngineHost, polling: Bool = false) -> EngineEffect {
        guard host.inSwarm else { return .refuse(.notInSwarm) }
        // A manager that applied its own removal from Raft has stopped in swarmkit (its Raft
        // node returns ErrMemberRemoved at once): it serves no API.
        guard let manager = host.manager, !manager.removedFromRaft else { return .refuse(.worker) }
        if manager.isLeader || (readsLocally && !isWrite) { return .answerHere }
        if let leader = manager.knownLeader { return .forward(to: leader) }
        return !polling && manager.ticksWithoutLeader > lostQuorumTicks ? .refuse(.noLeader) : .retry(after: .seconds(1))
    }

    /// A call another manager forwarded here: answered if this manager leads, sent on to the
    /// leader it knows otherwise, refused when it knows none (or would send it back to itself).
    package func forwarded(on host: EngineHost, self id: HostID) -> EngineEffect {
        guard let manager = host.manager else { return .refuse(host.inSwarm ? .worker : .notInSwarm) }
        if manager.isLeader { return .answerHere }
        guard let leader = manager.knownLeader, leader != id else { return .refuse(.noLeader) }
        return .forward(to: leader)
    }
}
