import SimCore

/// "Why should managers come in odd numbers?" answered by experiment: for each manager count,
/// the analytic quorum facts beside what simulated swarms did, with 95% intervals.
///
/// Three experiments, each trial on a fresh swarm with its own seed derived from the root seed
/// (so the result does not depend on how many jobs ran it, or in which order):
/// - (a) crash k of N managers chosen at random: a leader remains iff N − k ≥ ⌊N/2⌋ + 1;
/// - (b) split the managers in two at random: neither side keeps a majority iff N is even and
///   the split is exactly N/2 : N/2, with probability C(N, N/2) / 2^N;
/// - (c) managers fail and are repaired at random: the fraction of time a majority is up is
///   P(Binomial(N, p) ≥ ⌊N/2⌋ + 1), p = MTBF/(MTBF+MTTR); the time with a leader is a little
///   less, by what elections take.
public enum QuorumExperiment {
    public struct Options: Sendable, Equatable {
        /// Manager counts to try.
        public var managers: ClosedRange<Int> = 1...9
        /// Trials per (N, k) cell of (a), per N of (b), and per N of (c).
        public var trials = 60
        /// The root seed; every trial's seed is derived from it.
        public var seed: UInt64 = 1
        /// Mean time between failures of one manager, for (c).
        public var mtbf: SimDuration = .minutes(15)
        /// Mean time to repair a failed manager, for (c).
        public var mttr: SimDuration = .minutes(5)
        /// Virtual time watched in each trial of (c). Trials start in the failure process's steady
        /// state, so many short trials estimate the same shares as a few long ones.
        public var horizon: SimDuration = .minutes(15)
        /// Which experiments to run.
        public var experiments: Set<Kind> = [.crash, .split, .availability]

        public init() {}

        /// The probability that one manager is up at a given moment: MTBF / (MTBF + MTTR).
        public var upProbability: Double { mtbf.seconds / (mtbf.seconds + mttr.seconds) }
    }

    public enum Kind: String, Sendable, CaseIterable, Hashable {
        case crash, split, availability
    }

    /// One trial to run: which experiment, how many managers, how many to crash (for (a)), and
    /// which trial of its cell.
    struct Job: Sendable {
        var kind: Kind
        var managers: Int
        var k: Int
        var trial: Int
    }

    enum Outcome: Sendable {
        case crash(QuorumTrials.CrashOutcome?)
        case split(QuorumTrials.SplitOutcome?)
        case availability(QuorumTrials.AvailabilityOutcome?)
    }

    /// The jobs of a run, longest first so the last ones to finish are short.
    static func jobs(_ o: Options) -> [Job] {
        var jobs: [Job] = []
        let counts = Array(o.managers)
        if o.experiments.contains(.availability) {
            for n in counts.reversed() { for t in 0..<o.trials { jobs.append(Job(kind: .availability, managers: n, k: 0, trial: t)) } }
        }
        if o.experiments.contains(.split) {
            for n in counts.reversed() { for t in 0..<o.trials { jobs.append(Job(kind: .split, managers: n, k: 0, trial: t)) } }
        }
        if o.experiments.contains(.crash) {
            for n in counts.reversed() {
                for k in 0..<n { for t in 0..<o.trials { jobs.append(Job(kind: .crash, managers: n, k: k, trial: t)) } }
            }
        }
        return jobs
    }

    /// The seed of one trial: a child of the root seed named by the job, never by its position.
    ///
    /// Trial t of (c) has the same seed for every N (common random numbers): manager i fails and
    /// comes back at the same instants whether the swarm has 7 managers or 8, so the difference
    /// between neighbouring counts is measured with far less noise than either share alone, and
    /// the comparison of odd and even does not hang on the luck of separate samples. Each
    /// row's trials stay independent of each other, so each row's interval is unchanged.
    static func seed(_ job: Job, root: UInt64) -> UInt64 {
        let kind = SeededRandom(seed: root).child("quorum").child(job.kind.rawValue)
        if job.kind == .availability { return kind.child(UInt64(job.trial)).seed }
        return kind.child(UInt64(job.managers)).child(UInt64(job.k)).child(UInt64(job.trial)).seed
    }

    static func perform(_ job: Job, _ o: Options) -> Outcome {
        let s = seed(job, root: o.seed)
        switch job.kind {
        case .crash: return .crash(QuorumTrials.crash(managers: job.managers, k: job.k, seed: s))
        case .split: return .split(QuorumTrials.split(managers: job.managers, seed: s))
        case .availability:
            return .availability(QuorumTrials.availability(managers: job.managers, mtbf: o.mtbf, mttr: o.mttr,
                                                           horizon: o.horizon, seed: s))
        }
    }

    /// Runs every trial, `jobs` at a time, and gathers the table. `progress(done, total)` is
    /// called after each trial.
    public static func run(_ o: Options, jobs: Int, progress: (@Sendable (Int, Int) -> Void)? = nil) -> QuorumTable {
        let list = Self.jobs(o)
        let total = list.count
        var perJob: (@Sendable (Int) -> Void)?
        if let progress { perJob = { done in progress(done, total) } }
        let outcomes: [Outcome] = ParallelRuns.map(count: total, jobs: jobs, progress: perJob) { i in
            perform(list[i], o)
        }
        return QuorumTable(options: o, jobs: list, outcomes: outcomes)
    }
}
