import SimCore
import Testing
@testable import Raft

/// `Config.electionTimeoutRange`: the randomized election timeout drawn from a given range of
/// ticks (the Raft paper's "150–155 ms", §9.3) instead of etcd's [T, 2T).
@Suite struct ElectionTimeoutRangeTests {
    static func config(_ range: ClosedRange<Int>, heartbeat: Int = 1) -> Raft.Config {
        var c = Raft.Config()
        c.electionTicks = range.lowerBound
        c.electionTimeoutRange = range
        c.heartbeatTicks = heartbeat
        return c
    }

    @Test("timeouts are drawn uniformly from the closed range, both bounds included")
    func drawsFromTheRange() {
        var counts: [Int: Int] = [:]
        for seed in 1...2000 as ClosedRange<UInt64> {
            let n = Node(id: 1, voters: [1, 2, 3], config: Self.config(150...155), random: SeededRandom(seed: seed))
            counts[n.randomizedElectionTimeout, default: 0] += 1
        }
        #expect(counts.keys.sorted() == Array(150...155))
        // 2000 draws over 6 values: each near 333; a fair die stays well inside 250...420.
        #expect(counts.values.allSatisfy { (250...420).contains($0) })
    }

    @Test("a range of one value gives every member the same timeout, every time")
    func degenerateRange() {
        var c = TestCluster(voters: 3, config: Self.config(15...15))
        #expect((1...3).allSatisfy { c[Raft.NodeID($0)].randomizedElectionTimeout == 15 })
        c.isolate(1)
        var gaps: [Int] = [], since = 0, lastTerm = c[1].term
        while gaps.count < 5 {
            c.tick(1)
            c.stabilize()
            since += 1
            if c[1].term != lastTerm { gaps.append(since); since = 0; lastTerm = c[1].term }
        }
        #expect(gaps == [15, 15, 15, 15, 15])
    }

    @Test("problems: a range below one tick, and heartbeats not shorter than the shortest timeout")
    func problems() {
        #expect(Self.config(150...155, heartbeat: 75).problem == nil)
        #expect(Self.config(10...20, heartbeat: 10).problem
                == "heartbeat ticks (10) must be fewer than the shortest election timeout (10 ticks)")
        var zero = Raft.Config()
        zero.electionTimeoutRange = 0...3
        #expect(zero.problem == "the election timeout must be at least 1 tick (got 0)")
        #expect(zero.normalized.electionTimeoutRange == 2...3)
        #expect(zero.normalized.electionTicks == 2)
    }
}
