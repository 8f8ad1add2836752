import SimCore

/// What an engine knows of its own host when a call arrives.
package struct EngineHost: Sendable, Equatable {
    /// The engine has joined a swarm (its membership is on disk).
    package var inSwarm: Bool
    /// Its manager, if it runs one.
    package var manager: Manager?

    package struct Manager: Sendable, Equatable {
        package var isLeader: Bool
        /// The leader as this manager's Raft knows it, by host.
        package var knownLeader: HostID?
        /// Raft ticks since this manager last had a leader.
        package var ticksWithoutLeader: Int
        /// This manager applied its own removal from Raft (a demotion, a forced new cluster).
        package var removedFromRaft: Bool

        package init(isLeader: Bool, knownLeader: HostID?, ticksWithoutLeader: Int, removedFromRaft: Bool = false) {
            self.isLeader = isLeader
            self.knownLeader = knownLeader
            self.ticksWithoutLeader = ticksWithoutLeader
            self.removedFromRaft = removedFromRaft
        }
    }

    package init(inSwarm: Bool, manager: Manager?) {
        self.inSwarm = inSwarm
        self.manager = manager
    }
}
