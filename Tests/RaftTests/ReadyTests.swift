import SimCore
import Testing
@testable import Raft

/// The Ready/advance contract (etcd rawnode.go) and the configuration's defaults and checks.
@Suite struct ReadyTests {
    @Test("a fresh member's first Ready holds the founding entries, committed, and its hard state")
    func firstReady() {
        var n = Node(id: 2, voters: [3, 1, 2, 1], config: .init(), random: SeededRandom(seed: 1))
        #expect(n.hasReady)
        let r = n.ready()
        #expect(r.entries.map(\.payload) == [.membership(.addVoter(1)), .membership(.addVoter(2)), .membership(.addVoter(3))])
        #expect(r.committed.map(\.index) == [1, 2, 3])
        #expect(r.hardState == Raft.HardState(term: 0, vote: nil, commit: 3))
        #expect(r.messages.isEmpty && r.snapshot == nil && r.compaction == nil && r.role == nil && r.leader == nil)
        #expect(!n.hasReady)
        #expect(n.ready().isEmpty)
        #expect(n.appliedIndex == 0)
        n.advance()
        #expect(n.appliedIndex == 3)
    }

    @Test("role and leader changes are reported once, in the Ready after they happen")
    func roleAndLeaderReported() {
        var n = TestCluster(voters: 3)[1]          // its first Ready already handed out
        n.campaign(preVote: false)
        var r = n.ready()
        #expect(r.role == .candidate)
        #expect(r.leader == nil)                     // still none known: not a change
        #expect(r.hardState == Raft.HardState(term: 1, vote: 1, commit: 3))
        n.step(Msg(from: 2, to: 1, term: 1, kind: .voteResponse(reject: false)))
        r = n.ready()
        #expect(r.role == .leader)
        #expect(r.leader == .some(1))
        #expect(r.entries.map(\.index) == [4])
        #expect(r.messages.map(\.to) == [2, 3])
        #expect(!n.hasReady)
        n.becomeFollower(term: 2, leader: nil)
        r = n.ready()
        #expect(r.role == .follower)
        #expect(r.leader == .some(nil))              // the leader became unknown
    }

    @Test("a message array given back with recycle is emptied, and the next outbox reuses its buffer")
    func recycledMessages() {
        var n = TestCluster(voters: 3)[1]
        var other = n                                 // the same member, never given anything back
        n.campaign(preVote: false)
        other.campaign(preVote: false)
        var sent = n.ready().messages
        #expect(sent == other.ready().messages)
        let buffer = sent.withUnsafeBufferPointer { $0.baseAddress }
        n.recycle(&sent)
        #expect(sent.isEmpty)
        n.becomeFollower(term: 2, leader: nil)
        other.becomeFollower(term: 2, leader: nil)
        n.campaign(preVote: false)
        other.campaign(preVote: false)
        let again = n.ready().messages
        #expect(again == other.ready().messages)
        #expect(again.map(\.to) == [2, 3])
        #expect(again.withUnsafeBufferPointer { $0.baseAddress } == buffer)
    }

    @Test("swarmkit's defaults, and a configuration that cannot work is named and clamped")
    func configuration() {
        let d = Raft.Config()
        #expect(d.electionTicks == 10 && d.heartbeatTicks == 1 && d.checkQuorum && !d.preVote)
        #expect(d.snapshotInterval == 10_000 && d.logEntriesForSlowFollowers == 500)
        #expect(d.problem == nil)
        #expect(d.normalized == d)
        var bad = Raft.Config()
        bad.heartbeatTicks = 10
        #expect(bad.problem == "heartbeat ticks (10) must be fewer than election ticks (10)")
        #expect(bad.normalized.heartbeatTicks == 9)
        bad = Raft.Config()
        bad.electionTicks = 0
        #expect(bad.problem == "election ticks must be at least 1 (got 0)")
        #expect(bad.normalized.electionTicks == 2 && bad.normalized.heartbeatTicks == 1)
        bad = Raft.Config()
        bad.maxEntriesPerAppend = 0
        #expect(bad.problem != nil && bad.normalized.maxEntriesPerAppend == 1)
        // A node runs with the normalized configuration.
        let n = Node(id: 1, voters: [1], config: bad, random: SeededRandom(seed: 1))
        #expect(n.config.maxEntriesPerAppend == 1)
    }
}
