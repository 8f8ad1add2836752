import SimCore
import Testing
@testable import Raft

/// Leadership transfer (thesis §3.10; etcd `MsgTransferLeader`, `MsgTimeoutNow`,
/// `campaignTransfer`), which swarmkit uses when the leader is demoted.
@Suite struct TransferTests {
    @Test("a transfer to an up-to-date follower sends timeoutNow at once, and the follower takes over in the next term")
    func transferToCaughtUpFollower() {
        var c = TestCluster(voters: 3)
        c.elect(1)
        c.with(1) { $0.transferLeadership(to: 2) }
        #expect(c.queue == [Msg(from: 1, to: 2, term: 1, kind: .timeoutNow)])
        c.stabilize()
        #expect(c.leaders == [2])
        #expect(c[2].term == 2)
        #expect(c[1].role == .follower)
        #expect(c[1].leader == 2)
        #expect(c[3].leader == 2)
        #expect(c[1].leadershipTransferee == nil)
    }

    @Test("a lagging transferee is brought up to date before timeoutNow, and the new leader holds every entry")
    func transferToLaggingFollower() throws {
        var c = TestCluster(voters: 3)
        c.elect(1)
        c.cut(1, 2)
        try c.propose("a", at: 1)
        try c.propose("b", at: 1)
        c.stabilize()
        #expect(c[2].lastIndex < c[1].lastIndex)
        c.heal()
        c.with(1) { $0.transferLeadership(to: 2) }
        #expect(c.queue.count == 1)
        #expect(c.queue.first?.isAppend == true)
        c.deliverAll { $0.kind != .timeoutNow }
        #expect(c.queue == [Msg(from: 1, to: 2, term: 1, kind: .timeoutNow)])
        #expect(c[2].lastIndex == c[1].lastIndex)
        #expect(c[2].role == .follower)
        c.stabilize()
        #expect(c.leaders == [2])
        #expect(c.state(2).suffix(2) == ["a", "b"])
        #expect(c.checker.violations.isEmpty)
    }

    @Test("while a transfer is under way the leader drops proposals and membership changes")
    func proposalsDroppedDuringTransfer() {
        var c = TestCluster(voters: 3)
        c.elect(1)
        c.cut(1, 2)
        c.with(1) { $0.transferLeadership(to: 2) }
        #expect(c[1].leadershipTransferee == 2)
        #expect(throws: Raft.ProposalError.proposalDropped) { try c.propose("x", at: 1) }
        let refused = c.with(1) { n -> Raft.ProposalError? in
            do throws(Raft.ProposalError) { _ = try n.proposeMembership(Raft.MembershipChange(kind: .removeVoter, node: 3)); return nil } catch { return error }
        }
        #expect(refused == .proposalDropped)
        #expect(!c[1].canProposeMembership)
        #expect(Raft.ProposalError.proposalDropped.description == "raft proposal dropped")
    }

    @Test("a transfer that does not finish within an election timeout is given up; the leader leads on")
    func transferAborts() throws {
        var c = TestCluster(voters: 3)
        c.elect(1)
        c.cut(1, 2)
        c.with(1) { $0.transferLeadership(to: 2) }
        c.tick(1, times: 9)
        c.stabilize()
        #expect(c[1].leadershipTransferee == 2)
        c.tick(1)
        c.stabilize()
        #expect(c[1].leadershipTransferee == nil)
        #expect(c.leaders == [1])
        #expect(c[1].term == 1)
        try c.propose("after", at: 1)
        c.stabilize()
        #expect(c.state(3).last == "after")
    }

    @Test("the transferee's vote request passes a follower's leader lease, which an ordinary one does not")
    func transferVotePassesLease() {
        var c = TestCluster(voters: 3)
        c.elect(1)
        c.tick(3, times: 2)
        let last = c[3].lastIndex
        c.with(3) { $0.step(Msg(from: 2, to: 3, term: 2, kind: .vote(lastIndex: last, lastTerm: 1))) }
        #expect(c.queue.isEmpty)
        #expect(c[3].term == 1)
        c.with(3) { $0.step(Msg(from: 2, to: 3, term: 2, kind: .vote(lastIndex: last, lastTerm: 1, transfer: true))) }
        #expect(c.queue == [Msg(from: 3, to: 2, term: 2, kind: .voteResponse(reject: false))])
        #expect(c[3].term == 2)
    }

    @Test("with PreVote on, the transferee skips the pre-election and asks for votes in a new term")
    func transfereeSkipsPreVote() {
        var config = Raft.Config()
        config.preVote = true
        var c = TestCluster(voters: 3, config: config)
        c.elect(1)
        c.with(1) { $0.transferLeadership(to: 3) }
        c.deliver { $0.kind == .timeoutNow }
        #expect(c[3].role == .candidate)
        #expect(c[3].term == 2)
        #expect(c.queue.filter { $0.from == 3 }.map(\.kind) == [.vote(lastIndex: 4, lastTerm: 1, transfer: true),
                                                                 .vote(lastIndex: 4, lastTerm: 1, transfer: true)])
        c.stabilize()
        #expect(c.leaders == [3])
    }

    @Test("timeoutNow moves only a follower that is a voter; a transfer to itself or to a non-voter is ignored")
    func ignoredTransfers() {
        var c = TestCluster(voters: 3, joiners: 1)
        c.elect(1)
        c.with(4) { $0.step(Msg(from: 1, to: 4, term: 1, kind: .timeoutNow)) }
        #expect(c[4].role == .follower)
        #expect(c[4].term <= 1)
        c.with(1) { $0.transferLeadership(to: 1) }
        c.with(1) { $0.transferLeadership(to: 4) }
        #expect(c[1].leadershipTransferee == nil)
        c.with(1) { $0.step(Msg(from: 2, to: 1, term: 1, kind: .timeoutNow)) }
        #expect(c[1].role == .leader)
        c.with(2) { $0.transferLeadership(to: 3) }
        #expect(c[2].leadershipTransferee == nil)
        #expect(c.queue.isEmpty)
    }

    @Test("the transfer target is the reachable voter whose log matches furthest, the smaller ID on a tie")
    func transferTarget() throws {
        var c = TestCluster(voters: 3)
        c.elect(1)
        #expect(c[1].transferTarget == 2)
        c.cut(1, 2)
        try c.propose("a", at: 1)
        c.stabilize()
        #expect(c[1].transferTarget == 3)
        c.isolate(1)
        c.tick(1, times: 10)
        #expect(c[1].transferTarget == nil)
        #expect(c[2].transferTarget == nil)
    }
}
