import SimCore
import Testing
@testable import Raft

/// Leader election, one rule per test (§5.2, §5.4.1).
@Suite struct ElectionTests {
    @Test("a follower that hears from no leader for its election timeout becomes a candidate in the next term and votes for itself (§5.2)")
    func followerTimesOut() {
        var c = TestCluster(voters: 3)
        let timeout = c[1].randomizedElectionTimeout
        c.tick(1, times: timeout - 1)
        #expect(c[1].role == .follower)
        #expect(c.queue.isEmpty)
        c.tick(1)
        #expect(c[1].role == .candidate)
        #expect(c[1].term == 1)
        #expect(c[1].hardState.vote == 1)
        #expect(c.storage(1).hardState == Raft.HardState(term: 1, vote: 1, commit: 3))
        #expect(c.queue.map(\.to) == [2, 3])
        #expect(c.queue.allSatisfy { $0.kind == .vote(lastIndex: 3, lastTerm: 0) && $0.term == 1 })
    }

    @Test("election timeouts are drawn in [electionTicks, 2 × electionTicks) from the node's random stream, and redrawn at each reset (§5.2)")
    func randomizedTimeouts() {
        var seen = Set<Int>()
        for seed in 1...200 as ClosedRange<UInt64> {
            let n = Node(id: 1, voters: [1, 2, 3], config: .init(), random: SeededRandom(seed: seed))
            seen.insert(n.randomizedElectionTimeout)
        }
        #expect(seen == Set(10..<20))

        // One isolated member campaigning again and again draws a new timeout each term.
        var c = TestCluster(voters: 3)
        c.isolate(1)
        var gaps: [Int] = []
        var ticksSinceCampaign = 0
        var lastTerm = c[1].term
        while gaps.count < 12 {
            c.tick(1)
            c.stabilize()
            ticksSinceCampaign += 1
            if c[1].term != lastTerm {
                gaps.append(ticksSinceCampaign)
                ticksSinceCampaign = 0
                lastTerm = c[1].term
            }
        }
        #expect(gaps.allSatisfy { (10..<20).contains($0) })
        #expect(Set(gaps).count > 3)
        // Same seed, same draws.
        let again = Node(id: 1, voters: [1, 2, 3], config: .init(), random: SeededRandom(seed: 1).child(1))
        #expect(again.randomizedElectionTimeout == TestCluster(voters: 3)[1].randomizedElectionTimeout)
    }

    @Test("a candidate that receives votes from a majority becomes leader (§5.2)")
    func majorityWins() {
        var c = TestCluster(voters: 5)
        c.campaign(1)
        c.deliver { $0.to == 2 || $0.to == 3 }           // two vote requests
        #expect(c[1].role == .candidate)
        c.deliver { $0.to == 1 && $0.from == 2 }          // one grant: 2 of 5 votes
        #expect(c[1].role == .candidate)
        c.deliver { $0.to == 1 && $0.from == 3 }          // a second: 3 of 5
        #expect(c[1].role == .leader)
        #expect(c[1].leader == 1)
        #expect(c[1].term == 1)
    }

    @Test("a candidate that learns of a leader of its own term becomes its follower (§5.2)")
    func candidateYieldsToLeader() {
        var c = TestCluster(voters: 3)
        c.campaign(1)                                     // 1: candidate in term 1
        c.drop { $0.from == 1 }                           // its requests are lost
        c.campaign(2)                                     // 2: candidate in term 1 too
        c.deliver { $0.from == 2 && $0.to == 3 }          // 3 votes for 2
        c.deliver { $0.from == 3 }                        // 2 wins and sends its no-op
        #expect(c[2].role == .leader)
        #expect(c[1].role == .candidate && c[1].term == 1)
        c.stabilize()                                     // 1 gets 2's append, same term
        #expect(c[1].role == .follower)
        #expect(c[1].leader == 2)
        #expect(c[1].term == 1)
    }

    @Test("a voter grants at most one vote per term, to the first candidate that asks (§5.2)")
    func oneVotePerTerm() {
        var c = TestCluster(voters: 3)
        c.cut(1, 2)
        c.campaign(1)
        c.campaign(2)            // both at term 1
        c.deliver { $0.from == 1 && $0.to == 3 }
        c.deliver { $0.from == 2 && $0.to == 3 }
        let answers = c.queue.filter { $0.from == 3 }
        #expect(answers.map(\.to) == [1, 2])
        #expect(answers.map(\.isRejection) == [false, true])
        #expect(c[3].hardState.vote == 1)
        // Asking again is answered the same way: the vote stands.
        c.drop { _ in true }
        c.with(3) { $0.step(Msg(from: 1, to: 3, term: 1, kind: .vote(lastIndex: 3, lastTerm: 0))) }
        #expect(c.queue.last?.isRejection == false)
    }

    @Test("a voter refuses a candidate whose last entry has an older term (§5.4.1)")
    func refusesOlderLastTerm() {
        var n = Node(id: 3, restoring: TestCluster.storage(voters: 3, terms: [1, 2], term: 2), config: .init(), random: SeededRandom(seed: 1))
        n.step(Msg(from: 1, to: 3, term: 3, kind: .vote(lastIndex: 9, lastTerm: 1)))
        #expect(n.ready().messages == [Msg(from: 3, to: 1, term: 3, kind: .voteResponse(reject: true))])
        #expect(n.hardState.vote == nil)
    }

    @Test("a voter refuses a candidate whose log is shorter with the same last term, and grants an equal one (§5.4.1)")
    func refusesShorterLog() {
        let storage = TestCluster.storage(voters: 3, terms: [1, 1], term: 1)
        var n = Node(id: 3, restoring: storage, config: .init(), random: SeededRandom(seed: 1))
        n.step(Msg(from: 1, to: 3, term: 2, kind: .vote(lastIndex: 4, lastTerm: 1)))
        #expect(n.ready().messages.map(\.isRejection) == [true])
        n.step(Msg(from: 2, to: 3, term: 2, kind: .vote(lastIndex: 5, lastTerm: 1)))
        #expect(n.ready().messages == [Msg(from: 3, to: 2, term: 2, kind: .voteResponse(reject: false))])
        #expect(n.hardState.vote == 2)
    }

    @Test("a vote is persisted before it is sent: after a restart the voter does not vote again in that term (§5.2, Figure 2)")
    func voteSurvivesRestart() {
        var c = TestCluster(voters: 3)
        c.cut(1, 2)
        c.campaign(1)
        c.deliver { $0.to == 3 }
        #expect(c.storage(3).hardState.vote == 1)
        c.crash(3)
        c.restart(3)
        c.drop { _ in true }
        c.campaign(2)
        c.deliver { $0.to == 3 }
        #expect(c.queue.filter { $0.from == 3 }.map(\.isRejection) == [true])
        #expect(c[3].hardState == Raft.HardState(term: 1, vote: 1, commit: 3))
    }

    @Test("a candidate refused by a majority goes back to being a follower")
    func majorityRefusalLoses() {
        var c = TestCluster(voters: 3)
        c.elect(1)
        c.tickAll()
        // 3 falls behind: it misses an entry.
        c.isolate(3)
        _ = try? c.propose("x", at: 1)
        c.stabilize()
        c.heal()
        c.with(1) { $0.becomeFollower(term: $0.term, leader: nil) }   // 1 forgets it led
        c.with(2) { $0.becomeFollower(term: $0.term, leader: nil) }
        c.campaign(3)
        c.stabilize()
        #expect(c[3].role == .follower)
        #expect(c[3].term == 2)
        #expect(c.delivered.filter { $0.to == 3 && $0.isRejection }.count == 2)
    }

    @Test("a split vote elects nobody; the candidates time out and a later term elects one (§5.2)")
    func splitVote() {
        var c = TestCluster(voters: 4)
        c.partition([[1, 2], [3, 4]])
        c.campaign(1)
        c.campaign(3)
        c.stabilize()
        #expect(c.leaders.isEmpty)
        c.heal()
        var rounds = 0
        while c.leaders.count != 1 && rounds < 100 {
            c.tickAll()
            rounds += 1
        }
        #expect(c.leaders.count == 1)
        #expect(c[c.leaders[0]].term >= 2)
        #expect(c.checker.isSafe)
    }

    @Test("a message with a higher term makes a leader step down and follow that term (§5.1)")
    func higherTermDeposesLeader() {
        var c = TestCluster(voters: 3)
        c.elect(1)
        c.with(1) { $0.step(Msg(from: 2, to: 1, term: 7, kind: .heartbeatResponse)) }
        #expect(c[1].role == .follower)
        #expect(c[1].term == 7)
        #expect(c[1].leader == nil)
        #expect(c.storage(1).hardState.term == 7)
        // A higher-term append names its sender the leader.
        c.with(1) { $0.step(Msg(from: 3, to: 1, term: 8, kind: .heartbeat(commit: 0))) }
        #expect(c[1].leader == 3)
        #expect(c[1].term == 8)
    }

    @Test("a leader sends a heartbeat to every follower each heartbeatTicks ticks")
    func heartbeats() {
        var config = Raft.Config()
        config.heartbeatTicks = 3
        var c = TestCluster(voters: 3, config: config)
        c.elect(1)
        c.tick(1, times: 2)
        #expect(c.queue.isEmpty)
        c.tick(1)
        #expect(c.queue.map(\.to) == [2, 3])
        #expect(c.queue.allSatisfy { $0.isHeartbeat })
    }

    @Test("followers that hear heartbeats never campaign")
    func heartbeatsKeepFollowers() {
        var c = TestCluster(voters: 3)
        c.elect(1)
        c.tickAll(rounds: 200)
        #expect(c[1].role == .leader)
        #expect(c[1].term == 1)
        #expect(c.ids.allSatisfy { c[$0].leader == 1 })
    }
}
