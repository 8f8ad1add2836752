import SimCore

/// The results of `QuorumExperiment.run`: per manager count, the analytic values and what the
/// simulated trials gave, with 95% intervals.
public struct QuorumTable: Sendable {
    public var options: QuorumExperiment.Options
    public var rows: [Row]

    public struct Row: Sendable {
        public var managers: Int
        /// ⌊N/2⌋ + 1.
        public var majority: Int
        /// ⌊(N−1)/2⌋.
        public var tolerated: Int
        /// (a), for k = 0 ..< N.
        public var crash: [CrashCell] = []
        /// (a): crash to new leader, in trials where the leader was among the crashed and a
        /// new one was elected (trial order).
        public var electionTimes: [SimDuration] = []
        public var split: SplitCell?
        public var availability: AvailabilityCell?
        /// Trials whose swarm never formed (a simulator bug if ever non-zero).
        public var formFailures = 0
    }

    /// (a) for one k: how many trials had a leader once things settled.
    public struct CrashCell: Sendable, Equatable {
        public var k: Int
        public var trials: Int
        public var withLeader: Int
        /// The analytic answer: N − k ≥ ⌊N/2⌋ + 1.
        public var leaderExpected: Bool
        /// Every trial agreed with the analytic answer.
        public var agrees: Bool { withLeader == (leaderExpected ? trials : 0) }
    }

    /// (b): how many random splits left no side with a leader.
    public struct SplitCell: Sendable, Equatable {
        public var trials: Int
        public var withoutLeader: Int
        /// Trials where a leader sat on a side without a majority (must be 0).
        public var leaderOnMinority: Int
        /// C(N, N/2) / 2^N for even N, else 0.
        public var analytic: Double
        public var simulated: Double { trials > 0 ? Double(withoutLeader) / Double(trials) : 0 }
        /// Wilson's 95% interval for `simulated`.
        public var interval: ClosedRange<Double> { Statistics.wilson(successes: withoutLeader, trials: trials) }
    }

    /// (c): the fraction of time with a majority up, and with a working leader.
    public struct AvailabilityCell: Sendable, Equatable {
        public var trials: Int
        /// P(Binomial(N, p) ≥ ⌊N/2⌋ + 1).
        public var analytic: Double
        /// Mean over trials of each trial's fraction, and the half-width of its 95% interval.
        public var majorityUp: Double
        public var majorityUpHalfWidth: Double
        public var leader: Double
        public var leaderHalfWidth: Double
        /// Manager failures over all trials.
        public var failures: Int
        /// Virtual time watched over all trials.
        public var observed: SimDuration
        /// Each trial's shares, in trial order (for paired comparisons between rows, whose
        /// trial t saw the same failures on the managers they share).
        public var shares: [TrialShares]
    }

    public struct TrialShares: Sendable, Equatable {
        public var trial: Int
        public var majorityUp: Double
        public var leader: Double
    }

    /// The paired difference in leader share, `odd` minus `even`, over the trials both rows ran:
    /// its mean and the half-width of its 95% interval (t over the paired differences).
    public static func pairedDifference(_ odd: AvailabilityCell, _ even: AvailabilityCell) -> (mean: Double, halfWidth: Double, pairs: Int) {
        var byTrial: [Int: Double] = [:]
        for s in even.shares { byTrial[s.trial] = s.leader }
        let d = odd.shares.compactMap { s in byTrial[s.trial].map { s.leader - $0 } }
        let m = Statistics.meanInterval(d)
        return (m.mean, m.halfWidth, d.count)
    }

    init(options o: QuorumExperiment.Options, jobs: [QuorumExperiment.Job], outcomes: [QuorumExperiment.Outcome]) {
        options = o
        var rows = o.managers.map { n in
            Row(managers: n, majority: Statistics.majority(of: n), tolerated: Statistics.tolerated(by: n),
                crash: (0..<n).map { CrashCell(k: $0, trials: 0, withLeader: 0, leaderExpected: n - $0 >= Statistics.majority(of: n)) })
        }
        // Gather in a fixed order (manager count, k, trial), whatever order the jobs ran in.
        let order = jobs.indices.sorted { a, b in
            let x = jobs[a], y = jobs[b]
            return (x.managers, x.k, x.trial) < (y.managers, y.k, y.trial)
        }
        var shares = [[TrialShares]](repeating: [], count: rows.count)
        var failures = [Int](repeating: 0, count: rows.count)
        var observed = [SimDuration](repeating: .zero, count: rows.count)
        var splits = [SplitCell?](repeating: nil, count: rows.count)
        for i in order {
            let job = jobs[i]
            let r = job.managers - o.managers.lowerBound
            switch outcomes[i] {
            case .crash(let outcome):
                guard let outcome else { rows[r].formFailures += 1; continue }
                rows[r].crash[job.k].trials += 1
                if outcome.leaderAfter { rows[r].crash[job.k].withLeader += 1 }
                if let t = outcome.electionTime { rows[r].electionTimes.append(t) }
            case .split(let outcome):
                guard let outcome else { rows[r].formFailures += 1; continue }
                var cell = splits[r] ?? SplitCell(trials: 0, withoutLeader: 0, leaderOnMinority: 0,
                                                  analytic: Statistics.splitWithoutQuorum(job.managers))
                cell.trials += 1
                if !outcome.leaderAfter { cell.withoutLeader += 1 }
                if outcome.leaderAfter && !outcome.leaderHasMajority { cell.leaderOnMinority += 1 }
                splits[r] = cell
            case .availability(let outcome):
                guard let outcome else { rows[r].formFailures += 1; continue }
                let span = Double(outcome.observed.nanoseconds)
                shares[r].append(TrialShares(trial: job.trial, majorityUp: Double(outcome.majorityUp.nanoseconds) / span,
                                             leader: Double(outcome.workingLeader.nanoseconds) / span))
                failures[r] += outcome.failures
                observed[r] += outcome.observed
            }
        }
        for r in rows.indices {
            rows[r].split = splits[r]
            guard !shares[r].isEmpty else { continue }
            let up = Statistics.meanInterval(shares[r].map(\.majorityUp))
            let leader = Statistics.meanInterval(shares[r].map(\.leader))
            rows[r].availability = AvailabilityCell(
                trials: shares[r].count,
                analytic: Statistics.majorityUp(rows[r].managers, p: o.upProbability),
                majorityUp: up.mean, majorityUpHalfWidth: up.halfWidth,
                leader: leader.mean, leaderHalfWidth: leader.halfWidth,
                failures: failures[r], observed: observed[r], shares: shares[r])
        }
        self.rows = rows
    }

    /// Whether every crash cell ran (experiment (a) was part of the run).
    public var hasCrash: Bool { rows.contains { $0.crash.contains { $0.trials > 0 } } }
    public var hasSplit: Bool { rows.contains { $0.split != nil } }
    public var hasAvailability: Bool { rows.contains { $0.availability != nil } }

    /// Largest k for which every trial of (a) had a leader (-1 when even k = 0 had none).
    public func simulatedTolerance(_ row: Row) -> Int {
        var best = -1
        for cell in row.crash where cell.trials > 0 && cell.withLeader == cell.trials { best = max(best, cell.k) }
        return best
    }
}
