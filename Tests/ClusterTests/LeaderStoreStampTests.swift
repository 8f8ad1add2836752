import Testing
import SimCore
import Orchestration
@testable import Cluster

/// `ClusterObserver.leaderStoreStamp`: what a condition re-read after every event compares to
/// skip reading an unchanged store. The promise it must keep: an unchanged stamp means an
/// unchanged leader store.
@Suite struct LeaderStoreStampTests {
    /// After every event of a run with writes, a leader crash and a new election: whenever the
    /// stamp is the one seen after the previous event, so is the leader's store.
    @Test func anUnchangedStampMeansAnUnchangedStore() {
        let h = Harness(seed: 7, managers: 3, workers: 2)
        #expect(h.swarm.allSeeing.leaderStoreStamp == nil)
        h.form(managers: 3, workers: 2)
        var last: (stamp: ClusterObserver.StoreStamp?, store: ClusterStore?) = (nil, nil)
        var checked = 0, kept = 0, moved = 0
        func watch(_ swarm: Swarm) -> Bool {
            let stamp = swarm.allSeeing.leaderStoreStamp
            let store = stamp == nil ? nil : swarm.allSeeing.freshestStore
            if let stamp, stamp == last.stamp {
                #expect(store == last.store, "stamp \(stamp) kept while the leader's store changed")
                kept += 1
            } else {
                moved += 1
            }
            checked += 1
            last = (stamp, store)
            return false
        }
        let spec = ServiceSpec(name: "web", mode: .replicated(4), task: TaskTemplate(image: "nginx"))
        let op = h.swarm.submit(.serviceCreate(spec), on: h.h("m1"))
        h.swarm.run(until: watch, deadline: h.swarm.now + .seconds(30))
        _ = h.swarm.takeResult(of: op)
        h.swarm.crash(h.h("m1"))
        h.swarm.run(until: watch, deadline: h.swarm.now + .seconds(60))
        #expect(h.swarm.allSeeing.leaderStoreStamp != nil)
        #expect(checked > 1000)
        #expect(kept > 0 && moved > 0)
    }
}
