import SimCore
import Cluster

/// One trial of each quorum experiment: a fresh swarm of N managers, one fault pattern drawn
/// from the trial's seed, and what the swarm did. Pure functions of their arguments.
public enum QuorumTrials {
    /// How long after a fault the swarm is given to settle before it is judged: six election
    /// timeouts of swarmkit's defaults (10 ticks of 1 s). A lone leader that lost its quorum
    /// steps down within two (CheckQuorum, Raft thesis §6.2); an election takes one or two.
    public static let settle = SimDuration.seconds(60)

    // MARK: (a) crash k managers

    public struct CrashOutcome: Sendable, Equatable {
        /// Whether the leader was among the crashed managers (an election was needed).
        public var leaderCrashed: Bool
        /// Whether a leader exists `settle` after the crash.
        public var leaderAfter: Bool
        /// From the crash to the first moment a new leader exists, when the leader crashed and
        /// one was elected.
        public var electionTime: SimDuration?
    }

    /// Forms a swarm of `managers` managers, crashes `k` of them chosen at random, and watches.
    /// Nil when the swarm could not even form (a simulator bug, reported as such).
    public static func crash(managers: Int, k: Int, seed: UInt64) -> CrashOutcome? {
        let random = SeededRandom(seed: seed)
        guard let s = ManagerSwarm(count: managers, seed: random.child("swarm").seed) else { return nil }
        var pick = random.child("faults")
        var order = s.managers
        pick.shuffle(&order)
        let victims = Array(order.prefix(k))
        let leaderCrashed = s.leader.map(victims.contains) ?? false
        let start = s.now
        var firstLeader: SimTime?
        s.onLeadershipChange = { time, present in
            if present && firstLeader == nil { firstLeader = time }
        }
        for v in victims { s.swarm.crash(v) }
        s.run(until: start + settle)
        let electionTime = leaderCrashed ? firstLeader.map { $0 - start } : nil
        return CrashOutcome(leaderCrashed: leaderCrashed, leaderAfter: s.hasLeader, electionTime: electionTime)
    }

    // MARK: (b) a random two-way split

    public struct SplitOutcome: Sendable, Equatable {
        /// Managers on the first side (each manager went there with probability 1/2).
        public var firstSide: Int
        /// Whether a leader exists `settle` after the split.
        public var leaderAfter: Bool
        /// Whether that leader is on a side with a majority of all managers (always, unless the
        /// simulator is wrong).
        public var leaderHasMajority: Bool
    }

    /// Forms a swarm, puts each manager on one of two sides with probability 1/2, partitions
    /// the network between the sides, and looks for a leader once things settle.
    public static func split(managers: Int, seed: UInt64) -> SplitOutcome? {
        let random = SeededRandom(seed: seed)
        guard let s = ManagerSwarm(count: managers, seed: random.child("swarm").seed) else { return nil }
        var coin = random.child("faults")
        var first: [HostID] = [], second: [HostID] = []
        for m in s.managers {
            if coin.chance(0.5) { first.append(m) } else { second.append(m) }
        }
        let start = s.now
        if !first.isEmpty && !second.isEmpty { s.swarm.partition([first, second]) }
        s.run(until: start + settle)
        let leader = s.leader
        let side = leader.map { first.contains($0) ? first.count : second.count } ?? 0
        return SplitOutcome(firstSide: first.count, leaderAfter: leader != nil, leaderHasMajority: side >= s.majority)
    }

    // MARK: (c) failures and repairs

    public struct AvailabilityOutcome: Sendable, Equatable {
        /// Virtual time watched.
        public var observed: SimDuration
        /// Of which a majority of the managers was up.
        public var majorityUp: SimDuration
        /// Of which a leader existed and a majority was up: the swarm could make changes.
        public var workingLeader: SimDuration
        /// Manager failures in the trial.
        public var failures: Int
    }

    /// Virtual time each trial of (c) runs its failures before it starts watching, so that the
    /// election the first failures may cause is not charged to the watched time.
    public static let warmUp = SimDuration.seconds(60)

    /// Forms a swarm, then lets each manager fail after an exponential time of mean `mtbf` and
    /// come back after an exponential time of mean `mttr`, independently; watches `horizon`
    /// after a warm-up of `warmUp`.
    ///
    /// Each manager starts up with probability p = MTBF/(MTBF+MTTR), so the failure process is
    /// in its steady state from the first instant (the exponential's lack of memory), and the
    /// share of time with a majority up estimates P(Binomial(N, p) ≥ ⌊N/2⌋+1) with no bias.
    /// The share with a leader also pays for every election.
    public static func availability(managers: Int, mtbf: SimDuration, mttr: SimDuration,
                                    horizon: SimDuration, seed: UInt64) -> AvailabilityOutcome? {
        let random = SeededRandom(seed: seed)
        guard let s = ManagerSwarm(count: managers, seed: random.child("swarm").seed) else { return nil }
        let start = s.now
        let watch = start + warmUp
        let end = watch + horizon
        let schedule = faultSchedule(managers: s.managers, mtbf: mtbf, mttr: mttr, from: start, to: end,
                                     random: random.child("faults"))
        var outcome = AvailabilityOutcome(observed: horizon, majorityUp: .zero, workingLeader: .zero, failures: 0)
        var up = s.upCount
        func apply(_ fault: Fault) {
            if fault.up {
                s.swarm.restart(fault.host)
                up += 1
            } else {
                s.swarm.crash(fault.host)
                up -= 1
            }
        }
        var next = 0
        while next < schedule.count, schedule[next].time < watch {
            s.run(until: schedule[next].time)
            apply(schedule[next])
            next += 1
        }
        s.run(until: watch)
        // From here the share of time with a majority up changes only at the scheduled faults;
        // the share with a leader also at the instants the swarm reports (elections, step-downs).
        var last = watch
        var leaderSince: SimTime? = s.hasLeader ? watch : nil
        func account(until t: SimTime) {
            if up >= s.majority {
                outcome.majorityUp += t - last
                if let since = leaderSince { outcome.workingLeader += t - max(since, last) }
            }
            last = t
        }
        s.onLeadershipChange = { time, present in
            if present {
                leaderSince = time
            } else {
                account(until: time)
                leaderSince = nil
            }
        }
        for fault in schedule[next...] {
            s.run(until: fault.time)
            account(until: fault.time)
            apply(fault)
            if !fault.up { outcome.failures += 1 }
        }
        s.run(until: end)
        account(until: end)
        return outcome
    }

    struct Fault {
        var time: SimTime
        var host: HostID
        /// Whether the host comes back (else it fails).
        var up: Bool
    }

    /// Every failure and repair of every manager in [from, to), in time order (ties by host).
    static func faultSchedule(managers: [HostID], mtbf: SimDuration, mttr: SimDuration,
                              from start: SimTime, to end: SimTime, random: SeededRandom) -> [Fault] {
        let p = mtbf.seconds / (mtbf.seconds + mttr.seconds)
        var faults: [Fault] = []
        for (i, m) in managers.enumerated() {
            var r = random.child(UInt64(i))
            var up = r.chance(p)
            var t = start
            if !up { faults.append(Fault(time: start, host: m, up: false)) }
            while true {
                let mean = up ? mtbf.seconds : mttr.seconds
                t = t + SimDuration.seconds(exactly: r.exponential(mean: mean))
                guard t < end else { break }
                up.toggle()
                faults.append(Fault(time: t, host: m, up: up))
            }
        }
        faults.sort { ($0.time, $0.host.index) < ($1.time, $1.host.index) }
        return faults
    }
}
