import Testing
import SimCore
import Cluster
@testable import Experiments

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
