extension Raft {
    /// The tunables of one Raft member. Defaults are swarmkit's (`manager/state/raft/raft.go`:
    /// `DefaultNodeConfig`, `DefaultRaftConfig`).
    ///
    /// A node uses `normalized` values, so a nonsensical setting never traps; a scenario parser
    /// reports `problem` to the user instead.
    public struct Config: Sendable, Equatable {
        /// Ticks a follower waits without hearing from a leader before it campaigns; the actual
        /// timeout is drawn in [electionTicks, 2 × electionTicks) at each reset (§5.2).
        /// swarmkit `ElectionTick` = 10.
        public var electionTicks = 10
        /// When set, the randomized election timeout is drawn uniformly from this closed range
        /// of ticks at each reset instead of [electionTicks, 2 × electionTicks): the Raft paper's
        /// "150–300 ms" (§9.3, Figure 16). `electionTicks` should then be its lower bound: it
        /// stays the span of CheckQuorum and the leader lease. nil (swarmkit, etcd): etcd's range.
        public var electionTimeoutRange: ClosedRange<Int>? = nil
        /// Ticks between a leader's heartbeats. swarmkit `HeartbeatTick` = 1.
        public var heartbeatTicks = 1
        /// A leader that hears from no quorum within `electionTicks` steps down, and a follower
        /// that has heard from its leader within `electionTicks` ignores vote requests (the
        /// leader lease, thesis §6.2). swarmkit: on.
        public var checkQuorum = true
        /// Campaign first with a pre-vote that changes no term (thesis §9.6). swarmkit: off.
        public var preVote = false
        /// The election timer restarts only when the member campaigns, grants a vote (with a
        /// fresh timeout) or hears from its leader: the rules of the Raft paper's Figure 2, as
        /// LogCabin, the paper's implementation, follows them. Off (etcd, swarmkit): it also
        /// restarts whenever the member becomes a follower, after a lost election or on seeing
        /// a higher term.
        public var paperTimers = false
        /// Entries applied since the last snapshot after which `needsSnapshot` turns true.
        /// swarmkit `SnapshotInterval` = 10,000.
        public var snapshotInterval: UInt64 = 10_000
        /// Entries kept before a snapshot's index so slow followers can catch up from the log.
        /// swarmkit `LogEntriesForSlowFollowers` = 500.
        public var logEntriesForSlowFollowers: UInt64 = 500
        /// At most this many entries in one append message (etcd limits bytes; we count entries).
        public var maxEntriesPerAppend = 64
        /// At most this many unacknowledged append messages to a follower in the replicate state
        /// (etcd `MaxInflightMsgs`; swarmkit sets 256).
        public var maxInflightAppends = 256

        public init() {}

        /// Why this configuration cannot be used as given, or nil when it can.
        public var problem: String? {
            if electionTicks < 1 { return "election ticks must be at least 1 (got \(electionTicks))" }
            if heartbeatTicks < 1 { return "heartbeat ticks must be at least 1 (got \(heartbeatTicks))" }
            if let range = electionTimeoutRange {
                if range.lowerBound < 1 { return "the election timeout must be at least 1 tick (got \(range.lowerBound))" }
                if heartbeatTicks >= range.lowerBound {
                    return "heartbeat ticks (\(heartbeatTicks)) must be fewer than the shortest election timeout (\(range.lowerBound) ticks)"
                }
            }
            if heartbeatTicks >= electionTicks {
                return "heartbeat ticks (\(heartbeatTicks)) must be fewer than election ticks (\(electionTicks))"
            }
            if snapshotInterval < 1 { return "snapshot interval must be at least 1 entry" }
            if maxEntriesPerAppend < 1 { return "max entries per append must be at least 1" }
            if maxInflightAppends < 1 { return "max inflight appends must be at least 1" }
            return nil
        }

        /// This configuration with every value clamped into its usable range.
        public var normalized: Config {
            var c = self
            c.electionTicks = max(electionTicks, 2)
            if let range = electionTimeoutRange {
                let low = max(range.lowerBound, 2)
                c.electionTimeoutRange = low...max(range.upperBound, low)
                c.electionTicks = min(c.electionTicks, low)
            }
            c.heartbeatTicks = min(max(heartbeatTicks, 1), c.electionTicks - 1)
            c.snapshotInterval = max(snapshotInterval, 1)
            c.maxEntriesPerAppend = max(maxEntriesPerAppend, 1)
            c.maxInflightAppends = max(maxInflightAppends, 1)
            return c
        }
    }
}
