import SimCore
import Testing
@testable import Raft

/// `Config.paperTimers`: the election timer restarts only when a member campaigns, grants a
/// vote or hears from its leader (the Raft paper's Figure 2, LogCabin); etcd's rule (the
/// default) also restarts it whenever the member becomes a follower.
@Suite struct PaperTimerTests {
    static func config(paper: Bool) -> Raft.Config {
        var c = ElectionTimeoutRangeTests.config(20...20)
        c.paperTimers = paper
        c.checkQuorum = false   // no leader lease: a follower of a crashed leader may vote at once
        return c
    }

    /// Member 3 misses an entry, campaigns, waits 5 ticks for answers, then hears the
    /// majority's refusals. Returns its timer afterwards.
    static func refusedCandidate(paper: Bool) -> (role: Raft.Role, elapsed: Int) {
        var c = TestCluster(voters: 3, config: config(paper: paper))
        c.elect(1)
        c.isolate(3)
        _ = try? c.propose("x", at: 1)
        c.stabilize()
        c.heal()
        c.with(1) { $0.becomeFollower(term: $0.term, leader: nil) }
        c.with(2) { $0.becomeFollower(term: $0.term, leader: nil) }
        c.campaign(3)
        c.tick(3, times: 5)
        c.stabilize()
        return (c[3].role, c[3].electionElapsed)
    }

    @Test("a candidate refused by a majority keeps its timer with the paper's timers, and restarts it with etcd's")
    func refusedCandidateKeepsItsTimer() {
        let paper = Self.refusedCandidate(paper: true)
        let etcd = Self.refusedCandidate(paper: false)
        #expect(paper.role == .follower && etcd.role == .follower)
        #expect(paper.elapsed == 5)
        #expect(etcd.elapsed == 0)
    }

    @Test("a follower that sees a higher term keeps its timer with the paper's timers; granting a vote restarts it")
    func higherTermKeepsTheTimerAndAGrantRestartsIt() {
        var c = TestCluster(voters: 3, config: Self.config(paper: true))
        c.elect(1)
        c.crash(1)
        c.tick(2, times: 7)
        c.tick(3, times: 4)
        // 3 asks; 2 sees the higher term and grants: its timer restarts.
        c.campaign(3)
        c.stabilize()
        #expect(c[3].role == .leader)
        #expect(c[2].electionElapsed == 0)
        // A refused vote request of a higher term does not restart it.
        var d = TestCluster(voters: 3, config: Self.config(paper: true))
        d.elect(1)
        d.isolate(3)
        _ = try? d.propose("x", at: 1)
        d.stabilize()
        d.heal()
        d.crash(1)
        d.tick(2, times: 7)
        d.campaign(3)
        d.stabilize()
        #expect(d[2].term == d[3].term)
        #expect(d[2].role == .follower)
        #expect(d[2].electionElapsed == 7)
    }
}
