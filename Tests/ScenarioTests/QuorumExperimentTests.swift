import Testing
import SimCore
@testable import Experiments

/// The quorum table: its analytic columns exactly, and its simulated columns against them within
/// a tolerance derived from the interval the table states.
///
/// Tolerance: the stated interval is 95% (z = 1.96). The tests widen it to z = 3.92 (twice the
/// stated half-width for a mean; Wilson's interval at twice the z for a share), where correct
/// code falls outside with a chance of about 1 in 10,000 per comparison, so a failure means a
/// wrong simulation, not bad luck. The trial counts are small to keep the test fast.
@Suite struct QuorumExperimentTests {
    // MARK: Analytic values

    @Test func majorityAndFailuresTolerated() {
        #expect((1...9).map(Statistics.majority(of:)) == [1, 2, 2, 3, 3, 4, 4, 5, 5])
        #expect((1...9).map(Statistics.tolerated(by:)) == [0, 0, 1, 1, 2, 2, 3, 3, 4])
    }

    @Test func splitWithoutQuorumIsTheEvenSplitsShare() {
        #expect(Statistics.splitWithoutQuorum(1) == 0)
        #expect(Statistics.splitWithoutQuorum(2) == 0.5)
        #expect(Statistics.splitWithoutQuorum(3) == 0)
        #expect(Statistics.splitWithoutQuorum(4) == 0.375)          // 6/16
        #expect(Statistics.splitWithoutQuorum(6) == 0.3125)         // 20/64
        #expect(Statistics.splitWithoutQuorum(8) == 70.0 / 256)
    }

    @Test func majorityUpIsTheBinomialTail() {
        #expect(Statistics.majorityUp(1, p: 0.75) == 0.75)
        #expect(Statistics.majorityUp(2, p: 0.75) == 0.5625)
        #expect(abs(Statistics.majorityUp(3, p: 0.75) - 0.84375) < 1e-15)   // p³ + 3p²(1-p)
        #expect(abs(Statistics.majorityUp(4, p: 0.75) - 0.73828125) < 1e-15) // p⁴ + 4p³(1-p)
    }

    @Test func intervals() {
        // Wilson 95% for 0/10 and 10/10: [0, 0.2775] and [0.7225, 1].
        let none = Statistics.wilson(successes: 0, trials: 10)
        #expect(none.lowerBound == 0 && abs(none.upperBound - 0.27753) < 1e-5)
        let all = Statistics.wilson(successes: 10, trials: 10)
        #expect(abs(all.lowerBound - 0.72247) < 1e-5 && all.upperBound == 1)
        let half = Statistics.wilson(successes: 50, trials: 100)
        #expect(abs(half.lowerBound - 0.40383) < 1e-5 && abs(half.upperBound - 0.59617) < 1e-5)
        // t(0.975): the table's rows, and between them.
        #expect(Statistics.t975(degreesOfFreedom: 1) == 12.706)
        #expect(Statistics.t975(degreesOfFreedom: 99) > 1.980 && Statistics.t975(degreesOfFreedom: 99) < 2.000)
        #expect(abs(Statistics.t975(degreesOfFreedom: 35) - 2.030) < 0.001)
        // Mean ± t·s/√n of 1, 2, 3: mean 2, s 1, t(2) 4.303.
        let m = Statistics.meanInterval([1, 2, 3])
        #expect(m.mean == 2 && abs(m.halfWidth - 4.303 / 3.0.squareRoot()) < 1e-12)
    }

    // MARK: Simulated against analytic

    static let table: QuorumTable = {
        var o = QuorumExperiment.Options()
        o.managers = 3...4
        o.trials = 20
        o.seed = 11
        return QuorumExperiment.run(o, jobs: 2)
    }()

    @Test func crashingKManagersLeavesALeaderExactlyWhenAMajorityRemains() {
        for row in Self.table.rows {
            #expect(row.formFailures == 0)
            #expect(row.crash.count == row.managers)
            for cell in row.crash {
                #expect(cell.trials == 20)
                #expect(cell.leaderExpected == (row.managers - cell.k >= row.majority))
                #expect(cell.agrees, "N=\(row.managers) k=\(cell.k): \(cell.withLeader) of \(cell.trials) had a leader")
            }
            #expect(Self.table.simulatedTolerance(row) == row.tolerated)
            // Elections after the leader crashed take an election timeout (10-20 ticks of 1 s,
            // less the part of a tick since the last heartbeat) and a vote, perhaps twice.
            #expect(!row.electionTimes.isEmpty)
            for t in row.electionTimes { #expect(t >= .seconds(8) && t <= .seconds(45), "\(t)") }
        }
    }

    @Test func randomSplitsLoseQuorumAtTheAnalyticRate() throws {
        for row in Self.table.rows {
            let c = try #require(row.split)
            #expect(c.trials == 20)
            #expect(c.leaderOnMinority == 0)
            let widened = Statistics.wilson(successes: c.withoutLeader, trials: c.trials, z: 2 * Statistics.z95)
            #expect(widened.contains(c.analytic), "N=\(row.managers): \(c.withoutLeader)/\(c.trials), analytic \(c.analytic)")
            if row.managers % 2 == 1 { #expect(c.withoutLeader == 0) }
        }
    }

    @Test func theShareOfTimeWithAMajorityUpMatchesTheBinomialAndElectionsCostALittle() throws {
        for row in Self.table.rows {
            let c = try #require(row.availability)
            #expect(c.trials == 20)
            #expect(c.analytic == Statistics.majorityUp(row.managers, p: 0.75))
            #expect(abs(c.majorityUp - c.analytic) <= 2 * c.majorityUpHalfWidth,
                    "N=\(row.managers): \(c.majorityUp) ± \(c.majorityUpHalfWidth), analytic \(c.analytic)")
            // The leader column sits below by what elections take: something, but little.
            let lost = c.majorityUp - c.leader
            #expect(lost > 0 && lost < 0.05, "N=\(row.managers): lost \(lost)")
            #expect(abs(c.leader + lost - c.analytic) <= 2 * c.majorityUpHalfWidth)
        }
        // Paired trials: 4 managers have a leader less of the time than 3.
        let three = try #require(Self.table.rows.first?.availability), four = try #require(Self.table.rows.last?.availability)
        let d = QuorumTable.pairedDifference(three, four)
        #expect(d.pairs == 20)
        #expect(abs(d.mean - (three.analytic - four.analytic)) <= 2 * d.halfWidth, "\(d)")
    }

    @Test func theTableIsTheSameWhateverTheNumberOfJobs() {
        var o = QuorumExperiment.Options()
        o.managers = 1...4
        o.trials = 5
        o.horizon = .minutes(2)
        let one = QuorumExperiment.run(o, jobs: 1)
        let two = QuorumExperiment.run(o, jobs: 2)
        #expect(one.text == two.text)
        #expect(one.json == two.json)
        #expect(one.text.contains("ODD OR EVEN?\n  2 managers tolerate 0 failures, no more than 1 do, and lose quorum more often:"))
        #expect(one.text.contains("\n  4 managers tolerate 1 failure, no more than 3 do, and lose quorum more often:"))
    }

    @Test func theJSONIsValidAndCarriesEveryRow() throws {
        var o = QuorumExperiment.Options()
        o.managers = 2...3
        o.trials = 3
        o.experiments = [.split]
        let table = QuorumExperiment.run(o, jobs: 1)
        let v = try JSONParser.parse(Array(table.json.utf8))
        #expect(v["format"]?.string == "swarmsim-quorum")
        let rows = try #require(v["rows"]?.array)
        #expect(rows.map { $0["managers"]?.int } == [2, 3])
        #expect(rows[0]["split"]?["analytic"]?.double == 0.5)
        #expect(rows[0]["crash"] == nil && rows[0]["availability"] == nil)
    }
}
