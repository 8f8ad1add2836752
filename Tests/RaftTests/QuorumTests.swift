import SimCore
import Testing
@testable import Raft

/// Quorum arithmetic, shown in memory: N voters need ⌊N/2⌋+1 and tolerate ⌊(N−1)/2⌋ failures.
@Suite struct QuorumTests {
    /// Ticks every live member until some condition holds or `rounds` pass.
    static func run(_ c: inout TestCluster, rounds: Int = 100, until done: (TestCluster) -> Bool) {
        var r = 0
        while !done(c) && r < rounds {
            c.tickAll()
            r += 1
        }
    }

    @Test("3 voters survive the loss of 1: the other 2 elect a leader and commit")
    func threeSurviveOne() throws {
        var c = TestCluster(voters: 3)
        c.elect(1)
        c.crash(1)
        Self.run(&c) { $0.leaders.count == 1 }
        let leader = try #require(c.leaders.first)
        #expect(leader != 1)
        try c.propose("x", at: leader)
        c.stabilize()
        #expect(c.liveIDs.allSatisfy { c.state($0) == ["x"] })
        #expect(c.checker.isSafe)
    }

    @Test("4 voters survive the loss of 1")
    func fourSurviveOne() throws {
        var c = TestCluster(voters: 4)
        c.elect(1)
        c.crash(1)
        Self.run(&c) { $0.leaders.count == 1 }
        let leader = try #require(c.leaders.first)
        try c.propose("x", at: leader)
        c.stabilize()
        #expect(c.liveIDs.allSatisfy { c.state($0) == ["x"] })
    }

    @Test("4 voters do not survive the loss of 2: no leader, nothing commits")
    func fourDoNotSurviveTwo() {
        var c = TestCluster(voters: 4)
        c.elect(1)
        c.crash(1)
        c.crash(2)
        Self.run(&c, rounds: 200) { _ in false }
        #expect(c.leaders.isEmpty)
        #expect(c[3].commitIndex == 5 && c[4].commitIndex == 5)
        #expect(c[3].term > 1)                // they keep trying
    }

    @Test("a 2/2 split of 4 voters elects a leader on neither side, and the old leader steps down")
    func evenSplitOfFour() {
        var c = TestCluster(voters: 4)
        c.elect(1)
        c.partition([[1, 2], [3, 4]])
        Self.run(&c, rounds: 200) { _ in false }
        #expect(c.leaders.isEmpty)
        #expect(c[1].role != .leader)
        c.heal()
        Self.run(&c) { $0.leaders.count == 1 }
        #expect(c.leaders.count == 1)
        #expect(c.checker.isSafe)
    }

    @Test("a 3/2 split of 5 voters: the 3 side elects a leader, the old leader on the 2 side steps down (CheckQuorum)")
    func splitOfFive() throws {
        var c = TestCluster(voters: 5)
        c.elect(1)
        c.partition([[1, 2], [3, 4, 5]])
        Self.run(&c) { c in c.leaders.contains { $0 >= 3 } && c[1].role != .leader }
        let leader = try #require(c.leaders.first)
        #expect(c.leaders == [leader])
        #expect([3, 4, 5].contains(leader))
        #expect(c[1].role == .follower)
        #expect(throws: Raft.ProposalError.self) { try c.propose("lost", at: 1) }
        try c.propose("kept", at: leader)
        c.stabilize()
        #expect([3, 4, 5].allSatisfy { c.state($0) == ["kept"] })
        #expect(c.state(1).isEmpty && c.state(2).isEmpty)
        c.heal()
        Self.run(&c) { Raft.Convergence.pending($0.nodes).isEmpty }
        #expect(Raft.Convergence.pending(c.nodes) == [])
        #expect(c.ids.allSatisfy { c.state($0) == ["kept"] })
        #expect(c.checker.isSafe)
    }

    @Test("a lone voter leads at once and commits on its own")
    func singleVoter() throws {
        var c = TestCluster(voters: 1)
        c.tick(1, times: 20)
        #expect(c[1].role == .leader)
        try c.propose("x", at: 1)
        #expect(c.state(1) == ["x"])
    }
}
