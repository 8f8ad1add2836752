import Testing
import SimCore
@testable import Cluster

/// `ClusterObserver.leaderBetweenEvents`: the leader a measure re-reads after every event, kept
/// across the events that cannot change it. The promise it must keep: it always equals
/// `leader`, across elections, a crash between runs and a crash during one.
@Suite struct LeaderBetweenEventsTests {
    @Test func alwaysTheLeader() {
        let h = Harness(seed: 11, managers: 3, workers: 1)
        h.form(managers: 3, workers: 1)
        var checked = 0, kept = 0
        var lastEpoch: UInt64?
        func watch(_ swarm: Swarm) -> Bool {
            let cached = swarm.allSeeing.leaderBetweenEvents
            #expect(cached == swarm.allSeeing.leader, "kept \(String(describing: cached)) at \(swarm.now)")
            if swarm.leaderEpoch == lastEpoch { kept += 1 }
            lastEpoch = swarm.leaderEpoch
            checked += 1
            return false
        }
        h.swarm.run(until: watch, deadline: h.swarm.now + .seconds(5))
        let first = h.swarm.allSeeing.leader
        #expect(first != nil)
        // A crash between runs: the next run's first read must see it.
        if let first { h.swarm.crash(first) }
        h.swarm.run(until: watch, deadline: h.swarm.now + .seconds(60))
        #expect(h.swarm.allSeeing.leader != nil && h.swarm.allSeeing.leader != first)
        #expect(checked > 100)
        #expect(kept > 0, "no event was skipped")
    }
}
