import SimCore
import Testing
@testable import Raft

/// Log replication and commitment, one rule per test (§5.3, §5.4.2).
@Suite struct ReplicationTests {
    @Test("a new leader appends a no-op entry of its own term, and it commits (§5.4.2, §8)")
    func noOpAtTermStart() {
        var c = TestCluster(voters: 3)
        c.elect(1)
        let last = c[1].entries(from: 4, through: 4)
        #expect(last.count == 1)
        #expect(last.first?.term == 1)
        if case .empty = last.first?.payload {} else { Issue.record("entry 4 is not a no-op: \(last)") }
        #expect(c.ids.allSatisfy { c[$0].commitIndex == 4 })
    }

    @Test("an entry commits once a majority holds it, and every member then applies it in order (§5.3)")
    func majorityCommits() throws {
        var c = TestCluster(voters: 5)
        c.elect(1)
        c.tickAll()
        let index = try c.propose("x", at: 1)
        #expect(index == 7)
        c.deliver { $0.to == 2 }
        c.deliver { $0.to == 1 }
        #expect(c[1].commitIndex == 6)      // leader and 2: 2 of 5
        c.deliver { $0.to == 3 }
        c.deliver { $0.to == 1 }
        #expect(c[1].commitIndex == 7)      // leader, 2, 3: 3 of 5
        #expect(c.state(1) == ["x"])
        c.stabilize()
        #expect(c.ids.allSatisfy { c.state($0) == ["x"] && c[$0].commitIndex == 7 })
        try c.propose("y", at: 1)
        try c.propose("z", at: 1)
        c.stabilize()
        #expect(c.ids.allSatisfy { c.state($0) == ["x", "y", "z"] })
        #expect(c.checker.isSafe)
    }

    @Test("only the leader accepts proposals; a follower names the leader it follows")
    func followersRefuseProposals() {
        var c = TestCluster(voters: 3)
        #expect(throws: Raft.ProposalError.notLeader(leader: nil)) { try c.propose("x", at: 2) }
        c.elect(1)
        #expect(throws: Raft.ProposalError.notLeader(leader: 1)) { try c.propose("x", at: 2) }
        #expect(c[2].lastIndex == 4)
    }

    @Test("a follower refuses an append whose previous entry it does not hold, hinting where its log ends (§5.3)")
    func consistencyCheck() {
        var n = Node(id: 2, restoring: TestCluster.storage(voters: 3, terms: [1], term: 1), config: .init(), random: SeededRandom(seed: 1))
        n.step(Msg(from: 1, to: 2, term: 2, kind: .append(prevIndex: 6, prevTerm: 2, entries: [], commit: 3)))
        #expect(n.ready().messages == [Msg(from: 2, to: 1, term: 2, kind: .appendResponse(index: 6, reject: true, hintIndex: 4, hintTerm: 1))])
        // Same index, other term: also refused.
        n.step(Msg(from: 1, to: 2, term: 2, kind: .append(prevIndex: 4, prevTerm: 2, entries: [], commit: 3)))
        #expect(n.ready().messages.map(\.isRejection) == [true])
        #expect(n.lastIndex == 4)
    }

    @Test("a follower drops a conflicting suffix and takes the leader's entries (§5.3)")
    func conflictingSuffixReplaced() {
        var n = Node(id: 2, restoring: TestCluster.storage(voters: 3, terms: [1, 1, 2, 2], term: 2), config: .init(), random: SeededRandom(seed: 1))
        let new = Raft.Entry<String>(term: 3, index: 6, payload: .command("n6"))
        n.step(Msg(from: 1, to: 2, term: 3, kind: .append(prevIndex: 5, prevTerm: 1, entries: [new], commit: 5)))
        let ready = n.ready()
        #expect(ready.entries == [new])
        #expect(ready.messages == [Msg(from: 2, to: 1, term: 3, kind: .appendResponse(index: 6, reject: false, hintIndex: 0, hintTerm: 0))])
        #expect(n.lastIndex == 6)
        #expect(n.commitIndex == 5)
        var storage = TestCluster.storage(voters: 3, terms: [1, 1, 2, 2], term: 2)
        storage.persist(ready)
        #expect(storage.entries.map(\.term) == [0, 0, 0, 1, 1, 3])
    }

    @Test("an append the follower already holds changes nothing (duplicates and reordering are harmless)")
    func duplicateAppendIsIdempotent() {
        var n = Node(id: 2, restoring: TestCluster.storage(voters: 3, terms: [1, 1, 1], term: 1), config: .init(), random: SeededRandom(seed: 1))
        let old = n.entries(from: 4, through: 5)
        n.step(Msg(from: 1, to: 2, term: 1, kind: .append(prevIndex: 3, prevTerm: 0, entries: old, commit: 4)))
        let ready = n.ready()
        #expect(ready.entries.isEmpty)
        #expect(n.lastIndex == 6)       // entry 6 is kept: it does not conflict
        #expect(n.commitIndex == 4)
    }

    @Test("a rejection hint lets the leader skip a whole term of mismatches per round trip (etcd findConflictByTerm)")
    func fastBacktracking() {
        // etcd raft.go's example, after the three founding entries:
        //   index      4 5 6 7 8 9 10 11 12
        //   leader     1 3 3 3 5 5  5  5  5
        //   follower   1 1 1 1 2 2
        let leaderLog = TestCluster.storage(voters: 3, terms: [1, 3, 3, 3, 5, 5, 5, 5, 5], term: 5)
        let followerLog = TestCluster.storage(voters: 3, terms: [1, 1, 1, 1, 2, 2], term: 5)
        var c = TestCluster(restoring: [leaderLog, followerLog, leaderLog])
        c.elect(1)
        #expect(c[1].role == .leader)
        let rejections = c.delivered.filter { $0.from == 2 && $0.isRejection }
        #expect(rejections.count == 1)
        #expect(rejections.first?.kind == .appendResponse(index: 12, reject: true, hintIndex: 9, hintTerm: 2))
        #expect(c[2].lastIndex == 13)
        #expect((4...13).allSatisfy { c[2].term(at: $0) == c[1].term(at: $0) })
        #expect(c[2].commitIndex == 13)
        #expect(c.checker.isSafe)
    }

    @Test("a leader does not commit an entry of an earlier term by counting replicas, only along with one of its own (§5.4.2, Figure 8)")
    func noCommitByCountingOldTerms() {
        var config = Raft.Config()
        config.maxEntriesPerAppend = 1
        // Entry 5@2 is on member 1 only; 1 becomes leader in term 3.
        let one = TestCluster.storage(voters: 3, terms: [1, 2], term: 2)
        let other = TestCluster.storage(voters: 3, terms: [1], term: 2)
        var c = TestCluster(restoring: [one, other, other], config: config)
        c.campaign(1)
        c.deliverAll { !$0.isAppend }                               // votes: 1 leads term 3
        #expect(c[1].role == .leader)
        c.deliver { $0.isAppend }                                   // prev 5@2: rejected
        c.deliver { $0.to == 1 }
        #expect(c.queue.map(\.appendedEntries.first?.term) == [2, 2])    // so 5@2 is sent
        c.deliver { $0.isAppend }
        c.deliver { $0.to == 1 }
        #expect(c[2].term(at: 5) == 2 && c[3].term(at: 5) == 2)   // 5@2 is on all three...
        #expect(c[1].commitIndex == 3)                              // ...and not committed
        #expect(c.queue.map(\.appendedEntries.first?.term) == [3, 3])
        c.stabilize()
        #expect(c[1].commitIndex == 6)                              // with 6@3 it is
        #expect(c.ids.allSatisfy { c.state($0) == ["e4", "e5"] })
        #expect(c.checker.isSafe)
    }

    @Test("heartbeats carry the commit index, but never beyond what the follower is known to hold")
    func heartbeatCommitIsCapped() throws {
        var c = TestCluster(voters: 3)
        c.elect(1)
        c.cut(1, 3)
        try c.propose("x", at: 1)
        c.stabilize()
        #expect(c[1].commitIndex == 5)
        c.heal()
        c.tick(1)
        let beats = c.queue.filter(\.isHeartbeat)
        #expect(beats.map(\.to) == [2, 3])
        #expect(beats.map(\.kind) == [.heartbeat(commit: 5), .heartbeat(commit: 4)])
        c.stabilize()
        #expect(c[3].commitIndex == 5)      // the heartbeat answer made the leader send entry 5
        #expect(c.state(3) == ["x"])
    }

    @Test("an append carries at most maxEntriesPerAppend entries, and a lagging follower still catches up")
    func appendSizeLimit() throws {
        var config = Raft.Config()
        config.maxEntriesPerAppend = 2
        var c = TestCluster(voters: 3, config: config)
        c.elect(1)
        c.isolate(3)
        for k in 1...7 { try c.propose("c\(k)", at: 1) }
        c.stabilize()
        c.heal()
        c.tickAll(rounds: 3)
        #expect(c.delivered.allSatisfy { $0.appendedEntries.count <= 2 })
        #expect(c.state(3) == (1...7).map { "c\($0)" })
        #expect(c.checker.isSafe)
    }

    @Test("a stale leader's append is answered with the current term, and the stale leader steps down (etcd, with CheckQuorum)")
    func staleLeaderLearnsNewTerm() {
        var c = TestCluster(voters: 3)
        c.elect(1)
        c.isolate(1)
        c.with(2) { $0.becomeFollower(term: $0.term, leader: nil) }   // 2 and 3 lose their lease
        c.with(3) { $0.becomeFollower(term: $0.term, leader: nil) }
        c.elect(2)
        #expect(c[2].role == .leader && c[2].term == 2)
        c.heal()
        c.tick(1)                         // 1 still leads term 1 and sends heartbeats
        c.stabilize()
        #expect(c[1].role == .follower)
        #expect(c[1].term == 2)
        #expect(c.delivered.contains { $0.from == 3 && $0.to == 1 && $0.term == 2 && $0.kind == .appendResponse(index: 0, reject: false, hintIndex: 0, hintTerm: 0) })
    }

    @Test("without CheckQuorum and PreVote a stale-term append is simply ignored (etcd)")
    func staleAppendIgnored() {
        var config = Raft.Config()
        config.checkQuorum = false
        var n = Node(id: 2, restoring: TestCluster.storage(voters: 3, terms: [1], term: 2), config: config, random: SeededRandom(seed: 1))
        _ = n.ready()
        n.advance()
        n.step(Msg(from: 1, to: 2, term: 1, kind: .heartbeat(commit: 3)))
        #expect(!n.hasReady)
        #expect(n.term == 2)
    }
}

/// The paper's Figure 8, replayed with three members.
@Suite struct FigureEightTests {
    /// Member `id` campaigns until it wins, delivering only election messages.
    static func win(_ c: inout TestCluster, _ id: Raft.NodeID) {
        for _ in 0..<5 where c[id].role != .leader {
            c.campaign(id)
            c.deliverAll { !$0.isAppend }
        }
    }

    @Test("Figure 8: an old-term entry on a majority can still be overwritten, so it must not count as committed (§5.4.2)")
    func figureEight() throws {
        var config = Raft.Config()
        config.maxEntriesPerAppend = 1
        config.checkQuorum = false                   // no leader lease: elections at will
        var c = TestCluster(voters: 3, config: config)
        c.elect(1)                                   // S1 leads term 1; no-op 4@1 everywhere
        try c.propose("e", at: 1)                    // (a) 5@1 on S1 only...
        c.drop { _ in true }
        c.crash(1)                                   // ...which crashes
        Self.win(&c, 2)                              // (b) S2 leads term 2 with S3's vote...
        #expect(c[2].term == 2)
        c.drop { _ in true }                         // ...and its 5@2 goes nowhere
        c.crash(2)
        c.restart(1)
        Self.win(&c, 1)                              // (c) S1 leads term 3 with S3's vote
        #expect(c[1].role == .leader && c[1].term == 3)
        // S1 brings S3 up to 5@1, one entry at a time: 5@1 is now on a majority.
        c.deliver(where: \.isAppend)                 // 6@3 after 5@1: S3 refuses
        c.deliver { $0.to == 1 }
        c.deliver(where: \.isAppend)                 // 5@1 alone: S3 takes it
        c.deliver { $0.to == 1 }
        #expect(c[3].term(at: 5) == 1)
        #expect(c[1].commitIndex == 4)               // not committed: it is of term 1, not 3
        c.drop { _ in true }
        c.crash(1)                                   // (d) S1 crashes before sending 6@3
        c.restart(2)
        Self.win(&c, 2)                              // S2 (last 5@2) wins with S3's vote
        c.stabilize()
        #expect(c[2].role == .leader)
        #expect(c[3].term(at: 5) == 2)               // 5@1 overwritten, legitimately
        #expect(c.checker.isSafe)
        #expect(c.state(3).isEmpty)                  // "e" was never applied anywhere
    }
}
