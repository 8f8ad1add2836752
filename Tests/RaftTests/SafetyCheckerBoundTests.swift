import SimCore
import Testing
@testable import Raft

/// The checker's per-index records are bounded like the logs it watches: they go once every
/// member holding entries has compacted past them, and the checks keep their strength above.
@Suite struct SafetyCheckerBoundTests {
    /// A 3-member cluster led by 1 with 40 commands applied everywhere (indices 1...44),
    /// keeping 2 entries before each snapshot.
    static func cluster() throws -> TestCluster {
        try SnapshotTests.cluster(commands: 40, config: SnapshotTests.config(keep: 2))
    }

    @Test("records go once every member has compacted past them, and not before")
    func prunedAtLowestBase() throws {
        var c = try Self.cluster()
        #expect(c[1].appliedIndex == 44)
        // One predecessor, one commit and one apply per index.
        #expect(c.checker.recordCount == 3 * 44)
        SnapshotTests.compact(&c, 1)
        SnapshotTests.compact(&c, 2)
        #expect(c.checker.prunedBelow == 0)          // member 3 still holds 1...44
        #expect(c.checker.recordCount == 3 * 44)
        SnapshotTests.compact(&c, 3)
        // Every log now starts after 42 (44 minus the 2 kept): 42, 43 and 44 remain.
        #expect(c.checker.prunedBelow == 42)
        #expect(c.checker.recordCount == 3 * 3)
        #expect(c.checker.isSafe)
    }

    @Test("after many compactions the records stay within one snapshot interval")
    func boundedOverManyCompactions() throws {
        var c = try Self.cluster()
        for round in 1...20 {
            for k in 1...10 { try c.propose("r\(round).\(k)", at: 1) }
            c.stabilize()
            for id in c.ids { SnapshotTests.compact(&c, id) }
        }
        #expect(c[1].appliedIndex == 244)
        #expect(c.checker.prunedBelow == 242)
        #expect(c.checker.recordCount == 3 * 3)
        #expect(c.checker.isSafe)
    }

    @Test("a retired member no longer holds the records back")
    func retiredMemberReleases() throws {
        var c = try Self.cluster()
        SnapshotTests.compact(&c, 1)
        SnapshotTests.compact(&c, 2)
        var checker = c.checker
        #expect(checker.prunedBelow == 0)
        checker.retired(3)
        #expect(checker.prunedBelow == 42)
        #expect(checker.recordCount == 3 * 3)
    }

    @Test("checks at and above the bound keep their records: a wrong snapshot at the bound is caught")
    func boundHidesNoViolation() throws {
        var c = try Self.cluster()
        for id in c.ids { SnapshotTests.compact(&c, id) }
        var checker = c.checker
        #expect(checker.prunedBelow == 42)
        // A new member loads a snapshot through 42 with another term than the committed 42@1.
        var ready = Raft.Ready<String, [String]>()
        ready.snapshot = Raft.Snapshot(index: 42, term: 7, voters: [1, 2, 3], state: [])
        checker.observe(SafetyCheckerTests.node(4, term: 7, commit: 42), ready: ready)
        #expect(checker.violations.map(\.description) == [
            "state machine safety: member 4 loaded a snapshot through 42@7, but 42@1 was committed",
        ])
        // And a member applying another entry at a kept index than the first to apply it.
        var other = c.checker
        var apply = Raft.Ready<String, [String]>()
        apply.snapshot = Raft.Snapshot(index: 42, term: 1, voters: [1, 2, 3], state: [])
        apply.committed = [Raft.Entry(term: 9, index: 43, payload: .empty)]
        other.observe(SafetyCheckerTests.node(5, term: 9, commit: 42), ready: apply)
        #expect(other.violations.map(\.description) == [
            "state machine safety: member 5 applied 43@9, another member applied 43@1",
        ])
    }
}
