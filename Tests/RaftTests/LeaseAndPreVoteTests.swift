import SimCore
import Testing
@testable import Raft

/// CheckQuorum, the leader lease, and PreVote (thesis §6.2, §9.6; etcd raft.go).
@Suite struct LeaseAndPreVoteTests {
    @Test("with CheckQuorum, a leader that hears from no quorum for an election timeout steps down")
    func checkQuorumStepsDown() {
        var c = TestCluster(voters: 3)
        c.elect(1)
        c.isolate(1)
        c.tick(1, times: 19)      // the check at tick 10 counts the answers to the no-op
        #expect(c[1].role == .leader)
        c.tick(1)                 // the second finds nobody heard from in 10 ticks
        #expect(c[1].role == .follower)
        #expect(c[1].leader == nil)
        #expect(c[1].term == 1)
    }

    @Test("with CheckQuorum, a leader that hears from a quorum keeps leading")
    func checkQuorumKeepsLeader() {
        var c = TestCluster(voters: 5)
        c.elect(1)
        c.cut(1, 4)
        c.cut(1, 5)
        for _ in 0..<50 {
            c.tick(1)
            c.stabilize()
        }
        #expect(c[1].role == .leader)
    }

    @Test("without CheckQuorum, an isolated leader keeps leading")
    func noCheckQuorum() {
        var config = Raft.Config()
        config.checkQuorum = false
        var c = TestCluster(voters: 3, config: config)
        c.elect(1)
        c.isolate(1)
        c.tick(1, times: 100)
        #expect(c[1].role == .leader)
    }

    @Test("with CheckQuorum, a follower that heard from its leader within the election timeout ignores a vote request (leader lease)")
    func leaseIgnoresVotes() {
        var c = TestCluster(voters: 3)
        c.elect(1)
        c.tick(2, times: 5)
        c.with(2) { $0.step(Msg(from: 3, to: 2, term: 2, kind: .vote(lastIndex: 99, lastTerm: 1))) }
        #expect(c.queue.isEmpty)          // not even an answer
        #expect(c[2].term == 1)
        #expect(c[2].leader == 1)
        // Once the lease has run out, the same request is granted.
        c.tick(2, times: 5)
        c.drop { _ in true }
        c.with(2) { $0.step(Msg(from: 3, to: 2, term: 2, kind: .vote(lastIndex: 99, lastTerm: 1))) }
        #expect(c.queue == [Msg(from: 2, to: 3, term: 2, kind: .voteResponse(reject: false))])
        #expect(c[2].term == 2)
    }

    @Test("without CheckQuorum, a higher-term vote request deposes a leader's follower at once")
    func noLeaseWithoutCheckQuorum() {
        var config = Raft.Config()
        config.checkQuorum = false
        var c = TestCluster(voters: 3, config: config)
        c.elect(1)
        c.with(2) { $0.step(Msg(from: 3, to: 2, term: 2, kind: .vote(lastIndex: 99, lastTerm: 1))) }
        #expect(c[2].term == 2)
        #expect(c.queue.last?.kind == .voteResponse(reject: false))
    }

    @Test("PreVote: a pre-candidate asks for votes for the next term without changing its own term or vote (thesis §9.6)")
    func preVoteKeepsTerm() {
        var config = Raft.Config()
        config.preVote = true
        var c = TestCluster(voters: 3, config: config)
        c.campaign(1)
        #expect(c[1].role == .preCandidate)
        #expect(c[1].term == 0)
        #expect(c[1].hardState.vote == nil)
        #expect(c.queue.allSatisfy { $0.isPreVoteRequest && $0.term == 1 })
        c.deliver { $0.isPreVoteRequest }
        #expect(c[2].term == 0 && c[2].hardState.vote == nil)    // granting a pre-vote changes nothing
        #expect(c.queue.map(\.kind) == [.preVoteResponse(reject: false), .preVoteResponse(reject: false)])
        #expect(c.queue.allSatisfy { $0.term == 1 })
    }

    @Test("PreVote: a pre-candidate that wins a majority of pre-votes campaigns for real in the next term")
    func preVoteThenVote() {
        var config = Raft.Config()
        config.preVote = true
        var c = TestCluster(voters: 3, config: config)
        c.campaign(1)
        c.deliverAll { $0.isPreVoteRequest || $0.kind == .preVoteResponse(reject: false) }
        #expect(c[1].role == .candidate)
        #expect(c[1].term == 1)
        c.stabilize()
        #expect(c[1].role == .leader)
        #expect(c[1].term == 1)
    }

    @Test("PreVote: an isolated member does not raise its term, and on rejoining does not disrupt the leader")
    func preVoteIsolatedMember() {
        var config = Raft.Config()
        config.preVote = true
        var c = TestCluster(voters: 3, config: config)
        c.elect(1)
        c.isolate(3)
        c.tickAll(rounds: 100)
        #expect(c[3].term == 1)
        #expect(c[3].role == .preCandidate)
        c.heal()
        c.tickAll(rounds: 30)
        #expect(c[1].role == .leader)
        #expect(c[1].term == 1)
        #expect(c[3].leader == 1)
        #expect(c[3].role == .follower)
    }

    @Test("without PreVote, an isolated member's term keeps rising, and on rejoining it forces a new election")
    func withoutPreVoteIsolatedMemberDisrupts() {
        var c = TestCluster(voters: 3)
        c.elect(1)
        c.isolate(3)
        c.tickAll(rounds: 100)
        #expect(c[3].term > 3)
        let isolatedTerm = c[3].term
        c.heal()
        c.tickAll(rounds: 60)
        #expect(c.leaders.count == 1)
        #expect(c[c.leaders[0]].term > isolatedTerm)   // the old leader's term was not enough
        #expect(c.checker.isSafe)
    }

    @Test("PreVote: a pre-vote is refused to a candidate whose log is behind, even when the voter has no leader")
    func preVoteUpToDateCheck() {
        var config = Raft.Config()
        config.preVote = true
        var n = Node(id: 2, restoring: TestCluster.storage(voters: 3, terms: [1, 1], term: 1), config: config, random: SeededRandom(seed: 1))
        _ = n.ready()
        n.step(Msg(from: 3, to: 2, term: 2, kind: .preVote(lastIndex: 4, lastTerm: 1)))
        #expect(n.ready().messages == [Msg(from: 2, to: 3, term: 1, kind: .preVoteResponse(reject: true))])
        n.step(Msg(from: 3, to: 2, term: 2, kind: .preVote(lastIndex: 5, lastTerm: 1)))
        #expect(n.ready().messages == [Msg(from: 2, to: 3, term: 2, kind: .preVoteResponse(reject: false))])
        #expect(n.term == 1)
    }

    @Test("a pre-vote request from an older term is refused with the current term (etcd)")
    func stalePreVoteRefused() {
        var config = Raft.Config()
        config.preVote = true
        var n = Node(id: 2, restoring: TestCluster.storage(voters: 3, terms: [], term: 5), config: config, random: SeededRandom(seed: 1))
        _ = n.ready()
        n.step(Msg(from: 3, to: 2, term: 4, kind: .preVote(lastIndex: 99, lastTerm: 3)))
        #expect(n.ready().messages == [Msg(from: 2, to: 3, term: 5, kind: .preVoteResponse(reject: true))])
    }
}
