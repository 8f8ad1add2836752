import SimCore
import Testing
@testable import Raft

/// Single-voter membership changes (thesis §4.1–4.2; swarmkit CanRemoveMember).
@Suite struct MembershipTests {
    @Test("a new cluster's first entries record its founding voters, committed from the start")
    func foundingEntries() {
        let c = TestCluster(voters: 3)
        #expect(c[2].voters == [1, 2, 3])
        #expect(c[2].commitIndex == 3)
        #expect(c.storage(2).entries.map(\.payload) == [.membership(.addVoter(1)), .membership(.addVoter(2)), .membership(.addVoter(3))])
        #expect(c.storage(2).hardState == Raft.HardState(term: 0, vote: nil, commit: 3))
    }

    @Test("an added voter catches up from the leader's log and counts toward the quorum once the change commits")
    func addVoter() throws {
        var c = TestCluster(voters: 3, joiners: 1)
        c.elect(1)
        try c.propose("before", at: 1)
        c.stabilize()
        #expect(c[4].voters.isEmpty)
        let index = try c.with(1) { try $0.proposeMembership(.addVoter(4)) }
        #expect(index == 6)
        c.stabilize()
        #expect(c.ids.allSatisfy { c[$0].voters == [1, 2, 3, 4] })
        #expect(c.state(4) == ["before"])
        #expect(c[4].leader == 1)
        // Four voters: the leader needs two more.
        c.cut(1, 2)
        c.cut(1, 3)
        try c.propose("after", at: 1)
        c.stabilize()
        #expect(c[1].commitIndex == 6)
        c.heal()
        c.tickAll()
        #expect(c[1].commitIndex == 7)
        #expect(c.ids.allSatisfy { c.state($0) == ["before", "after"] })
        #expect(c.checker.isSafe)
    }

    @Test("a member outside the voter set does not campaign")
    func nonVoterNeverCampaigns() {
        var c = TestCluster(voters: 3, joiners: 1)
        c.tick(4, times: 100)
        #expect(c[4].role == .follower)
        #expect(c[4].term == 0)
        #expect(c.queue.isEmpty)
    }

    @Test("one membership change at a time: a second is refused while the first is uncommitted (thesis §4.1)")
    func oneChangeAtATime() throws {
        var c = TestCluster(voters: 3, joiners: 2)
        c.elect(1)
        try c.with(1) { _ = try $0.proposeMembership(.addVoter(4)) }
        #expect(throws: Raft.ProposalError.membershipChangeInProgress) {
            try c.with(1) { _ = try $0.proposeMembership(.addVoter(5)) }
        }
        c.stabilize()
        try c.with(1) { _ = try $0.proposeMembership(.addVoter(5)) }
        c.stabilize()
        #expect(c[1].voters == [1, 2, 3, 4, 5])
    }

    @Test("a new leader changes no membership before an entry of its own term commits")
    func newLeaderWaitsForItsNoOp() throws {
        var c = TestCluster(voters: 3, joiners: 1)
        c.campaign(1)
        c.deliverAll { !$0.isAppend }
        #expect(c[1].role == .leader)
        #expect(throws: Raft.ProposalError.membershipChangeInProgress) {
            try c.with(1) { _ = try $0.proposeMembership(.addVoter(4)) }
        }
        c.stabilize()
        try c.with(1) { _ = try $0.proposeMembership(.addVoter(4)) }
    }

    @Test("adding a voter twice, or removing a stranger, is refused")
    func invalidChanges() {
        var c = TestCluster(voters: 3)
        c.elect(1)
        #expect(throws: Raft.ProposalError.alreadyMember) { try c.with(1) { _ = try $0.proposeMembership(.addVoter(2)) } }
        #expect(throws: Raft.ProposalError.unknownMember) { try c.with(1) { _ = try $0.proposeMembership(.removeVoter(9)) } }
        #expect(throws: Raft.ProposalError.notLeader(leader: 1)) { try c.with(2) { _ = try $0.proposeMembership(.addVoter(9)) } }
        #expect(c[1].lastIndex == 4)
    }

    @Test("removing a voter is refused when too few of the rest would be reachable: wouldLoseQuorum (swarmkit CanRemoveMember)")
    func wouldLoseQuorum() throws {
        var c = TestCluster(voters: 3)
        c.elect(1)
        c.crash(3)
        c.tickAll(rounds: 10)
        #expect(!c[1].isReachable(3))
        // Removing 2 would leave {1, 3} with only the leader reachable: no quorum.
        #expect(!c[1].canRemove(2))
        #expect(throws: Raft.ProposalError.wouldLoseQuorum) { try c.with(1) { _ = try $0.proposeMembership(.removeVoter(2)) } }
        #expect(c[1].lastIndex == 4)
        // Removing the dead 3 leaves {1, 2}, both reachable.
        #expect(c[1].canRemove(3))
        try c.with(1) { _ = try $0.proposeMembership(.removeVoter(3)) }
        c.stabilize()
        #expect(c[1].voters == [1, 2])
        #expect(c[2].voters == [1, 2])
        // The last voter can never be removed.
        var solo = TestCluster(voters: 1)
        solo.elect(1)
        #expect(!solo[1].canRemove(1))
    }

    @Test("a removed leader steps down once the removal commits, and the others elect a new leader (thesis §4.2.2)")
    func removedLeaderStepsDown() throws {
        var c = TestCluster(voters: 3)
        c.elect(1)
        try c.with(1) { _ = try $0.proposeMembership(.removeVoter(1)) }
        c.stabilize()
        #expect(c[1].role == .follower)
        #expect(c[1].voters == [2, 3])
        #expect(c[2].voters == [2, 3] && c[3].voters == [2, 3])
        #expect(c[2].commitIndex == 5)
        c.tickAll(rounds: 40)
        #expect(c.leaders.count == 1)
        #expect(c.leaders.first != 1)
        #expect(c[1].role == .follower)
        #expect(c.checker.isSafe)
    }

    @Test("a leader that proposes its own removal takes no more proposals, so the removal is its last entry")
    func leavingLeaderRefusesProposals() throws {
        var c = TestCluster(voters: 3)
        c.elect(1)
        let index = try c.with(1) { try $0.proposeMembership(.removeVoter(1)) }
        #expect(throws: Raft.ProposalError.notLeader(leader: nil)) { try c.propose("late", at: 1) }
        #expect(c[1].lastIndex == index)
        c.stabilize()
        #expect(c[1].role == .follower)
    }

    @Test("removing the leader of two: if the survivor misses the commit, the stepped-down leader's vote elects it")
    func survivorMissesTheCommit() throws {
        var c = TestCluster(voters: 2)
        c.elect(1)
        try c.propose("x", at: 1)
        c.stabilize()
        try c.with(1) { _ = try $0.proposeMembership(.removeVoter(1)) }
        c.deliver { $0.to == 2 }                    // the removal entry reaches 2...
        c.deliver { $0.to == 1 }
        #expect(c[1].role == .follower)            // ...committed with 2's answer; 1 stepped down...
        #expect(c[1].voters == [2])
        c.drop { _ in true }                        // ...and its last word to 2 is lost
        #expect(c[2].voters == [1, 2])              // 2 still counts 1
        var rounds = 0
        while c[2].role != .leader && rounds < 50 {
            c.tickAll()
            rounds += 1
        }
        #expect(c[2].role == .leader)               // with 1's vote (1 has no longer log)
        #expect(c[2].voters == [2])                 // its no-op committed the removal
        #expect(c[1].role == .follower)
        try c.propose("y", at: 2)
        #expect(c.state(2) == ["x", "y"])
        #expect(c.checker.isSafe)
    }

    @Test("a removed follower learns its removal, stops being a voter, and never campaigns")
    func removedFollower() throws {
        var c = TestCluster(voters: 3)
        c.elect(1)
        try c.with(1) { _ = try $0.proposeMembership(.removeVoter(3)) }
        c.stabilize()
        #expect(c[3].voters == [1, 2])
        let term = c[3].term
        c.tickAll(rounds: 100)
        #expect(c[3].term == term)
        #expect(c[3].role == .follower)
        #expect(!c.delivered.contains { $0.from == 3 && $0.isVoteRequest })
        #expect(!c.delivered.suffix(50).contains { $0.to == 3 })
    }

    @Test("a member that joins later replays the whole configuration history from the leader's log")
    func joinerReplaysHistory() throws {
        var c = TestCluster(voters: 3, joiners: 2)
        c.elect(1)
        try c.with(1) { _ = try $0.proposeMembership(.addVoter(4)) }
        c.stabilize()
        try c.with(1) { _ = try $0.proposeMembership(.removeVoter(2)) }
        c.stabilize()
        try c.propose("x", at: 1)
        try c.with(1) { _ = try $0.proposeMembership(.addVoter(5)) }
        c.stabilize()
        for id: Raft.NodeID in [1, 3, 4, 5] { #expect(c[id].voters == [1, 3, 4, 5]) }
        #expect(c.state(5) == ["x"])
        // 5 now votes and campaigns like any voter.
        c.crash(1)
        c.tickAll(rounds: 40)
        #expect(c.leaders.count == 1)
        #expect(c.checker.isSafe)
    }

    @Test("isReachable: the leader's view of who answered within the last election timeout")
    func reachability() {
        var c = TestCluster(voters: 3)
        #expect(!c[1].isReachable(2))              // not a leader: cannot tell
        c.elect(1)
        #expect(c[1].isReachable(1) && c[1].isReachable(2) && c[1].isReachable(3))
        c.isolate(3)
        for _ in 0..<9 {
            c.tick(1)
            c.stabilize()
        }
        #expect(c[1].isReachable(3))               // last heard 9 ticks ago
        c.tick(1)
        c.stabilize()
        #expect(!c[1].isReachable(3))              // 10 ticks: an election timeout
        #expect(c[1].isReachable(2))
        c.heal()
        c.tick(1)
        c.stabilize()
        #expect(c[1].isReachable(3))
    }
}
