import SimCore
import Testing
@testable import Raft

/// The checker must catch each kind of breach: fed fabricated histories, it names the property.
@Suite struct SafetyCheckerTests {
    static func node(_ id: Raft.NodeID, role: Raft.Role = .follower, term: UInt64 = 1, commit: UInt64 = 0) -> Node {
        var n = Node(id: id, voters: [], config: .init(), random: SeededRandom(seed: id))
        n.currentRole = role
        n.currentTerm = term
        n.committed = commit
        return n
    }

    static func ready(entries: [(UInt64, UInt64)] = [], committed: [(UInt64, UInt64)] = []) -> Raft.Ready<String, [String]> {
        var r = Raft.Ready<String, [String]>()
        r.entries = entries.map { Raft.Entry(term: $0.1, index: $0.0, payload: .empty) }
        r.committed = committed.map { Raft.Entry(term: $0.1, index: $0.0, payload: .empty) }
        return r
    }

    @Test("two leaders in one term break election safety")
    func twoLeaders() {
        var checker = Raft.SafetyChecker()
        checker.observe(Self.node(1, role: .leader, term: 3), ready: Self.ready())
        checker.observe(Self.node(2, role: .leader, term: 4), ready: Self.ready())
        #expect(checker.isSafe)
        checker.observe(Self.node(3, role: .leader, term: 3), ready: Self.ready())
        #expect(checker.violations.map(\.property) == [.electionSafety])
        #expect(checker.violations.first?.description == "election safety: members 1 and 3 both lead term 3")
    }

    @Test("one entry (index and term) after different predecessors breaks log matching")
    func logMatching() {
        var checker = Raft.SafetyChecker()
        checker.observe(Self.node(1), ready: Self.ready(entries: [(1, 1), (2, 2)]))
        checker.observe(Self.node(2), ready: Self.ready(entries: [(1, 1), (2, 2), (3, 2)]))
        #expect(checker.isSafe)
        checker.observe(Self.node(3), ready: Self.ready(entries: [(1, 2), (2, 2)]))
        #expect(checker.violations.map(\.property) == [.logMatching])
    }

    @Test("two members applying different entries at one index break state machine safety")
    func stateMachineSafety() {
        var checker = Raft.SafetyChecker()
        checker.observe(Self.node(1), ready: Self.ready(committed: [(1, 1)]))
        checker.observe(Self.node(2), ready: Self.ready(committed: [(1, 1)]))
        #expect(checker.isSafe)
        checker.observe(Self.node(3), ready: Self.ready(committed: [(1, 2)]))
        #expect(checker.violations.map(\.property) == [.stateMachineSafety])
    }

    @Test("applying out of order breaks state machine safety")
    func appliedOutOfOrder() {
        var checker = Raft.SafetyChecker()
        checker.observe(Self.node(1), ready: Self.ready(committed: [(1, 1), (3, 1)]))
        #expect(checker.violations.map(\.property) == [.stateMachineSafety])
    }

    @Test("replacing an entry at or below the member's commit index loses a committed entry")
    func committedEntryOverwritten() {
        var checker = Raft.SafetyChecker()
        checker.observe(Self.node(1, commit: 2), ready: Self.ready(entries: [(1, 1), (2, 1)]))
        #expect(checker.isSafe)
        checker.observe(Self.node(1, term: 2, commit: 2), ready: Self.ready(entries: [(2, 2)]))
        #expect(checker.violations.map(\.property).contains(.committedEntryLost))
    }

    @Test("committing two different entries at one index is caught")
    func twoEntriesCommittedAtOneIndex() {
        var checker = Raft.SafetyChecker()
        checker.observe(Self.node(1, commit: 1), ready: Self.ready(entries: [(1, 1)]))
        checker.observe(Self.node(2, term: 2, commit: 1), ready: Self.ready(entries: [(1, 2)]))
        #expect(checker.violations.map(\.property) == [.committedEntryLost])
    }

    @Test("a leader of a later term without a committed entry breaks leader completeness")
    func leaderCompleteness() {
        var checker = Raft.SafetyChecker()
        checker.observe(Self.node(1, role: .leader, term: 1, commit: 2), ready: Self.ready(entries: [(1, 1), (2, 1)]))
        checker.observe(Self.node(2, term: 1), ready: Self.ready(entries: [(1, 1)]))
        #expect(checker.isSafe)
        checker.observe(Self.node(2, role: .leader, term: 2), ready: Self.ready())
        #expect(checker.violations.map(\.property) == [.leaderCompleteness])
        #expect(checker.violations.first?.detail == "leader 2 of term 2 lacks committed entry 2@1 (its log ends at 1)")
    }

    @Test("a real cluster under faults reports nothing, and convergence names what is pending")
    func cleanRun() throws {
        var c = TestCluster(voters: 3)
        #expect(Raft.Convergence.pending(c.nodes) == ["no leader"])
        c.elect(1)
        c.isolate(3)
        try c.propose("x", at: 1)
        c.stabilize()
        #expect(Raft.Convergence.pending(c.nodes) == ["member 3: log ends at 4@1, leader's at 5@1; committed 4 of 5"])
        c.heal()
        c.tickAll()
        #expect(Raft.Convergence.pending(c.nodes).isEmpty)
        #expect(c.checker.isSafe)
    }
}
