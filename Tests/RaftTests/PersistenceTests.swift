import SimCore
import Testing
@testable import Raft

/// What survives a crash, and what does not (Figure 2 "persistent state"; etcd rawnode restart).
@Suite struct PersistenceTests {
    @Test("a restarted member gets back its term, vote, log, snapshot and commit index from storage")
    func restoresPersistentState() throws {
        var config = Raft.Config()
        config.logEntriesForSlowFollowers = 1
        var c = TestCluster(voters: 3, config: config)
        c.elect(1)
        for k in 1...4 { try c.propose("c\(k)", at: 1) }
        c.stabilize()
        let (applied, state) = (c[1].appliedIndex, c.state(1))
        c.with(1) { $0.compact(through: applied - 1, state: Array(state.dropLast())) }
        try c.propose("c5", at: 1)
        c.stabilize()
        let before = c[1]
        c.crash(1)
        c.restart(1)
        let after = c[1]
        #expect(after.term == before.term)
        #expect(after.hardState == before.hardState)
        #expect(after.hardState.vote == 1)
        #expect(after.lastIndex == before.lastIndex && after.lastTerm == before.lastTerm)
        #expect(after.snapshotIndex == 7 && before.snapshotIndex == 7)
        #expect(after.entries(from: 1, through: 99) == before.entries(from: 1, through: 99))
        #expect(after.commitIndex == before.commitIndex)
        #expect(after.voters == [1, 2, 3])
    }

    @Test("role, leader and the leader's progress do not survive a restart")
    func volatileStateIsLost() {
        var c = TestCluster(voters: 3)
        c.elect(1)
        #expect(c[1].role == .leader && !c[1].progress.isEmpty)
        c.crash(1)
        c.restart(1)
        #expect(c[1].role == .follower)
        #expect(c[1].leader == nil)
        #expect(c[1].progress.isEmpty)
        #expect(!c[1].isReachable(2))
        #expect(throws: Raft.ProposalError.notLeader(leader: nil)) { try c.propose("x", at: 1) }
    }

    @Test("a restarted member's first Ready hands back its snapshot and committed entries, rebuilding the application's state")
    func rebuildsApplicationState() throws {
        var config = Raft.Config()
        config.logEntriesForSlowFollowers = 0
        var c = TestCluster(voters: 3, config: config)
        c.elect(1)
        for k in 1...3 { try c.propose("c\(k)", at: 1) }
        c.stabilize()
        let (applied, state) = (c[2].appliedIndex, c.state(2))
        c.with(2) { $0.compact(through: applied, state: state) }
        for k in 4...5 { try c.propose("c\(k)", at: 1) }
        c.stabilize()
        let expected = c.state(2)
        // Restart by hand to look at the first Ready.
        var n = Node(id: 2, restoring: c.storage(2), config: config, random: SeededRandom(seed: 9))
        let ready = n.ready()
        #expect(ready.snapshot?.index == 7)
        #expect(ready.snapshot?.state == ["c1", "c2", "c3"])
        #expect(ready.committed.map(\.index) == [8, 9])
        #expect(ready.hardState == nil && ready.entries.isEmpty && ready.messages.isEmpty)
        // Storage is unchanged by persisting it.
        var storage = c.storage(2)
        storage.persist(ready)
        #expect(storage.entries == c.storage(2).entries && storage.snapshot == c.storage(2).snapshot)
        // And through the harness the application ends up where it was.
        c.crash(2)
        c.restart(2)
        #expect(c.state(2) == expected)
        #expect(c[2].appliedIndex == 9)
        #expect(c.checker.isSafe)
    }

    @Test("a member that was down catches up with what was committed meanwhile")
    func catchesUpAfterRestart() throws {
        var c = TestCluster(voters: 3)
        c.elect(1)
        c.crash(3)
        for k in 1...5 { try c.propose("c\(k)", at: 1) }
        c.stabilize()
        c.restart(3)
        c.tickAll(rounds: 2)
        #expect(c.state(3) == (1...5).map { "c\($0)" })
        #expect(c.checker.isSafe)
    }

    @Test("persisting the same Ready twice changes nothing")
    func persistIsIdempotent() throws {
        var c = TestCluster(voters: 3)
        c.elect(1)
        var node = c[1]
        _ = try node.propose("x")
        let ready = node.ready()
        var once = c.storage(1)
        once.persist(ready)
        var twice = once
        twice.persist(ready)
        #expect(twice.entries == once.entries)
        #expect(twice.hardState == once.hardState)
        #expect(once.entries.last?.payload == .command("x"))
    }

    @Test("a member that crashes before persisting anything knows nothing when it restarts")
    func emptyStorage() {
        let n = Node(id: 1, restoring: TestStorage(), config: .init(), random: SeededRandom(seed: 1))
        #expect(n.term == 0 && n.lastIndex == 0 && n.voters.isEmpty && n.role == .follower)
    }
}
