import SimCore
import Testing
@testable import Raft

/// Log compaction and InstallSnapshot (§7; swarmkit SnapshotInterval, LogEntriesForSlowFollowers).
@Suite struct SnapshotTests {
    static func config(keep: UInt64, interval: UInt64 = 10_000) -> Raft.Config {
        var config = Raft.Config()
        config.logEntriesForSlowFollowers = keep
        config.snapshotInterval = interval
        return config
    }

    /// A 3-member cluster led by 1 with `commands` applied everywhere.
    static func cluster(commands: Int, config: Raft.Config, voters: Int = 3) throws -> TestCluster {
        var c = TestCluster(voters: voters, config: config)
        c.elect(1)
        for k in 1...commands { try c.propose("c\(k)", at: 1) }
        c.stabilize()
        return c
    }

    /// Member `id` snapshots its applied state.
    static func compact(_ c: inout TestCluster, _ id: Raft.NodeID) {
        let (applied, state) = (c[id].appliedIndex, c.state(id))
        c.with(id) { $0.compact(through: applied, state: state) }
    }

    @Test("compact makes a snapshot of the application's state and keeps logEntriesForSlowFollowers entries before it (§7)")
    func compactKeepsTail() throws {
        let c = try Self.cluster(commands: 10, config: Self.config(keep: 2))
        #expect(c[1].appliedIndex == 14)
        var node = c[1]
        node.compact(through: 12, state: ["through 12"])
        let ready = node.ready()
        let snapshot = Raft.Snapshot(index: 12, term: 1, voters: [1, 2, 3], state: ["through 12"])
        #expect(ready.compaction == Raft.Compaction(snapshot: snapshot, firstIndex: 11))
        #expect(ready.snapshot == nil)
        #expect(node.snapshotIndex == 12)
        #expect(node.term(at: 10) == 1 && node.term(at: 9) == nil)   // 10 is the compaction point
        #expect(node.entries(from: 1, through: 14).map(\.index) == [11, 12, 13, 14])
        var storage = c.storage(1)
        storage.persist(ready)
        #expect(storage.snapshot == snapshot)
        #expect(storage.baseIndex == 10)
        #expect(storage.entries.map(\.index) == [11, 12, 13, 14])
        // An older or equal index does nothing.
        node.compact(through: 12, state: ["again"])
        #expect(!node.hasReady)
    }

    @Test("needsSnapshot turns true once snapshotInterval entries are applied since the last snapshot")
    func needsSnapshot() throws {
        var c = try Self.cluster(commands: 1, config: Self.config(keep: 0, interval: 8))
        #expect(c[1].appliedIndex == 5)
        #expect(!c[1].needsSnapshot)
        try c.propose("c2", at: 1)
        try c.propose("c3", at: 1)
        c.stabilize()
        #expect(!c[1].needsSnapshot)         // 7 applied
        try c.propose("c4", at: 1)
        c.stabilize()
        #expect(c[1].needsSnapshot)          // 8 applied, none snapshotted
        Self.compact(&c, 1)
        #expect(c[1].snapshotIndex == 8)
        #expect(!c[1].needsSnapshot)
        for k in 5...11 { try c.propose("c\(k)", at: 1) }
        c.stabilize()
        #expect(!c[1].needsSnapshot)         // 7 since the snapshot
        try c.propose("c12", at: 1)
        c.stabilize()
        #expect(c[1].needsSnapshot)          // 8 since
    }

    @Test("a follower whose next entry the leader has compacted gets installSnapshot, loads it, and resets its log (§7)")
    func installSnapshot() throws {
        var c = try Self.cluster(commands: 2, config: Self.config(keep: 0))
        c.isolate(3)
        for k in 3...8 { try c.propose("c\(k)", at: 1) }
        c.stabilize()
        Self.compact(&c, 1)
        #expect(c[1].snapshotIndex == 12)
        c.heal()
        c.tickAll()
        #expect(c.delivered.filter { $0.to == 3 && $0.isSnapshot }.count == 1)
        #expect(c.state(3) == (1...8).map { "c\($0)" })
        #expect(c[3].snapshotIndex == 12)
        #expect(c[3].commitIndex == 12)
        #expect(c.storage(3).snapshot?.index == 12)
        #expect(c.storage(3).baseIndex == 12 && c.storage(3).entries.isEmpty)
        try c.propose("c9", at: 1)
        c.stabilize()
        #expect(c.state(3).last == "c9")
        #expect(c.storage(3).entries.map(\.index) == [13])
        #expect(c.checker.isSafe)
    }

    @Test("a lost snapshot is sent again after an election timeout")
    func lostSnapshotResent() throws {
        var c = try Self.cluster(commands: 2, config: Self.config(keep: 0))
        c.isolate(3)
        try c.propose("c3", at: 1)
        c.stabilize()
        Self.compact(&c, 1)
        c.heal()
        c.tick(1)
        c.deliverAll { !$0.isSnapshot }
        c.drop { $0.isSnapshot }
        #expect(c.state(3) == ["c1", "c2"])
        c.tickAll(rounds: 12)
        #expect(c.state(3) == ["c1", "c2", "c3"])
        #expect(c.checker.isSafe)
    }

    @Test("a snapshot no newer than the follower's commit index changes nothing")
    func staleSnapshotIgnored() throws {
        var c = try Self.cluster(commands: 3, config: Self.config(keep: 0))
        let old = Raft.Snapshot<[String]>(index: 5, term: 1, voters: [1, 2, 3], state: ["c1"])
        c.with(2) { $0.step(Msg(from: 1, to: 2, term: 1, kind: .installSnapshot(old))) }
        #expect(c.queue == [Msg(from: 2, to: 1, term: 1, kind: .appendResponse(index: 7, reject: false, hintIndex: 0, hintTerm: 0))])
        #expect(c.state(2) == ["c1", "c2", "c3"])
        #expect(c[2].snapshotIndex == 0)
    }

    @Test("a snapshot whose last entry the follower already holds only advances its commit index (etcd)")
    func snapshotFastForward() throws {
        var c = try Self.cluster(commands: 3, config: Self.config(keep: 0))
        c.isolate(2)
        try c.propose("c4", at: 1)       // 8: replicated to 3, not to 2
        c.stabilize()
        // 2 holds entries through 7 but knows only commit 7; a snapshot through 7 is old news.
        // Give 2 entry 8 without the commit, then a snapshot through 8.
        let e8 = c[1].entries(from: 8, through: 8)
        c.heal()
        c.with(2) { $0.step(Msg(from: 1, to: 2, term: 1, kind: .append(prevIndex: 7, prevTerm: 1, entries: e8, commit: 7))) }
        #expect(c[2].commitIndex == 7)
        let snapshot = Raft.Snapshot<[String]>(index: 8, term: 1, voters: [1, 2, 3], state: ["ignored"])
        c.with(2) { $0.step(Msg(from: 1, to: 2, term: 1, kind: .installSnapshot(snapshot))) }
        #expect(c[2].commitIndex == 8)
        #expect(c[2].snapshotIndex == 0)
        #expect(c.state(2) == ["c1", "c2", "c3", "c4"])
    }

    @Test("a snapshot carries the configuration at its index, and a member that joins from it learns the voters")
    func snapshotCarriesConfiguration() throws {
        var c = TestCluster(voters: 3, joiners: 2, config: Self.config(keep: 0))
        c.elect(1)
        try c.with(1) { _ = try $0.proposeMembership(.addVoter(4)) }
        c.stabilize()
        try c.propose("x", at: 1)
        c.stabilize()
        Self.compact(&c, 1)
        #expect(c.storage(1).snapshot?.voters == [1, 2, 3, 4])
        try c.with(1) { _ = try $0.proposeMembership(.addVoter(5)) }
        c.stabilize()
        #expect(c.delivered.contains { $0.to == 5 && $0.isSnapshot })
        #expect(c[5].voters == [1, 2, 3, 4, 5])
        #expect(c.state(5) == ["x"])
        #expect(c.checker.isSafe)
    }
}
