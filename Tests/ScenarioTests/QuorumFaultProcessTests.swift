import Testing
import SimCore
import Cluster
@testable import Scenario

/// The failure-and-repair process of experiment (c), without a swarm: its share of time with a
/// majority up must match the binomial steady state.
@Suite struct QuorumFaultProcessTests {
    /// Share of [start, end) with at least a majority of `n` managers up, from a schedule.
    static func majorityUpShare(_ n: Int, _ faults: [QuorumTrials.Fault], start: SimTime, end: SimTime) -> Double {
        var up = n, last = start, total = SimDuration.zero
        for f in faults {
            if up >= Statistics.majority(of: n) { total += f.time - last }
            last = f.time
            up += f.up ? 1 : -1
        }
        if up >= Statistics.majority(of: n) { total += end - last }
        return Double(total.nanoseconds) / Double((end - start).nanoseconds)
    }

    @Test(arguments: [3, 4, 7])
    func theMajorityUpShareMatchesTheBinomialSteadyState(_ n: Int) {
        let hosts = (0..<n).map { HostID($0) }
        let mtbf = SimDuration.minutes(15), mttr = SimDuration.minutes(5)
        var shares: [Double] = []
        for trial in 0..<2_000 {
            let start = SimTime.zero, end = start + .minutes(10)
            let faults = QuorumTrials.faultSchedule(managers: hosts, mtbf: mtbf, mttr: mttr, from: start, to: end,
                                                    random: SeededRandom(seed: 99).child(UInt64(trial)))
            shares.append(Self.majorityUpShare(n, faults, start: start, end: end))
        }
        let m = Statistics.meanInterval(shares)
        let analytic = Statistics.majorityUp(n, p: 0.75)
        #expect(abs(m.mean - analytic) <= 1.5 * m.halfWidth, "mean \(m.mean) ± \(m.halfWidth), analytic \(analytic)")
    }
}

@Suite struct QuorumDebug {
    @Test func coverage() {
        var o = QuorumExperiment.Options()
        o.mtbf = .minutes(15); o.mttr = .minutes(5); o.horizon = .minutes(10); o.trials = 100
        for n in [2, 4, 8] {
            var covered = 0, lowOut = 0, highOut = 0
            let analytic = Statistics.majorityUp(n - 1, p: 0.75) - Statistics.majorityUp(n, p: 0.75)
            var worstRoot1 = 0.0
            for root in UInt64(1)...400 {
                var d: [Double] = []
                for t in 0..<100 {
                    let job = QuorumExperiment.Job(kind: .availability, managers: n, k: 0, trial: t)
                    let seed = QuorumExperiment.seed(job, root: root)
                    let faults = QuorumTrials.faultSchedule(managers: (0..<n).map { HostID($0) }, mtbf: o.mtbf, mttr: o.mttr,
                                                            from: .zero, to: .zero + o.horizon, random: SeededRandom(seed: seed).child("faults"))
                    let oddFaults = faults.filter { $0.host.index < n - 1 }
                    d.append(QuorumFaultProcessTests.majorityUpShare(n - 1, oddFaults, start: .zero, end: .zero + o.horizon) - QuorumFaultProcessTests.majorityUpShare(n, faults, start: .zero, end: .zero + o.horizon))
                }
                let m = Statistics.meanInterval(d)
                if root == 1 { worstRoot1 = (m.mean - analytic) / m.halfWidth }
                if abs(m.mean - analytic) <= m.halfWidth { covered += 1 } else if m.mean < analytic { lowOut += 1 } else { highOut += 1 }
            }
            print("pair \(n-1)/\(n) coverage \(covered)/400 low \(lowOut) high \(highOut); root 1 at \(worstRoot1) half-widths")
        }
    }
}
