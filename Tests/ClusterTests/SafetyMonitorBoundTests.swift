import Testing
import SimCore
import Raft
import Orchestration
@testable import Cluster

/// A swarm's Raft safety checker keeps records only for the indices its managers' logs still
/// hold, so a long run's checker is as bounded as the logs.
@Suite struct SafetyMonitorBoundTests {
    static func harness() -> Harness {
        var options = SwarmOptions()
        options.raft.snapshotInterval = 40
        options.raft.logEntriesForSlowFollowers = 10
        let h = Harness(managers: 3, workers: 2, options: options)
        h.swarm.safety.isEnabled = true
        h.form(managers: 3, workers: 2)
        return h
    }

    /// Drains and reactivates w1 `times` times: two entries each, and the leader's own.
    static func churn(_ h: Harness, times: Int) {
        for _ in 1...times {
            h.call(.nodeUpdate("w1", NodeUpdate(availability: .drain)), on: "m1")
            h.call(.nodeUpdate("w1", NodeUpdate(availability: .active)), on: "m1")
        }
        h.wait(.seconds(5))
    }

    @Test("after many snapshots the checker holds records for at most what the logs hold")
    func recordsFollowTheLogs() {
        let h = Self.harness()
        Self.churn(h, times: 150)
        let applied = h.swarm.allSeeing.raftView(h.h("m1"))?.appliedIndex ?? 0
        #expect(applied > 300)
        // Each log holds at most snapshotInterval + logEntriesForSlowFollowers entries (plus
        // those applied since the last snapshot began); the checker keeps three records each.
        #expect(h.swarm.safety.recordCount <= 3 * (40 + 10 + 40))
        #expect(h.swarm.safety.violations.isEmpty)
    }

    @Test("a demoted manager's frozen log does not hold the records back")
    func demotedManagerIsRetired() {
        let h = Self.harness()
        #expect(h.call(.nodeUpdate("m3", NodeUpdate(role: .worker)), on: "m1") == .success(.done))
        h.wait(.seconds(30))
        #expect(h.swarm.allSeeing.raftView(h.h("m1"))?.voters == 2)
        Self.churn(h, times: 150)
        #expect(h.swarm.safety.recordCount <= 3 * (40 + 10 + 40))
        #expect(h.swarm.safety.violations.isEmpty)
    }
}
