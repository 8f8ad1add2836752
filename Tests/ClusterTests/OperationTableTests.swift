import Testing
import SimCore
import Orchestration
@testable import Cluster

/// Docker calls are held while in flight and until their answer is taken, then forgotten: a
/// long run holds only the calls in flight.
@Suite struct OperationTableTests {
    static let host = HostID(0)
    static let done = EngineResult.success(.done)

    @Test("an answered call goes when its answer is taken")
    func takeForgets() {
        var table = OperationTable()
        let a = table.add(host: Self.host, hostIncarnation: 0, request: .get([.list(.node)]))
        let b = table.add(host: Self.host, hostIncarnation: 0, request: .info)
        #expect(table.take(a) == nil)                 // not answered yet
        table.finish(b, Self.done)
        #expect(table[b]?.result == Self.done)
        #expect(table.take(b) == Self.done)
        #expect(table[b] == nil)
        #expect(table.take(b) == nil)
        #expect(table.count == 1)                     // a: in flight
    }

    @Test("a call given up on stays until answered, and its answer is dropped")
    func abandonedCallIsDroppedOnAnswer() {
        var table = OperationTable()
        let a = table.add(host: Self.host, hostIncarnation: 0, request: .get([.list(.node)]))
        #expect(table.take(a) == nil)
        #expect(table[a]?.abandoned == true)          // still carried out
        table.finish(a, Self.done)
        #expect(table[a] == nil)
        #expect(table.count == 0)
    }

    @Test("the first answer wins; unanswered calls are found by host in call order")
    func firstAnswerAndUnanswered() {
        var table = OperationTable()
        let other = HostID(1)
        let a = table.add(host: Self.host, hostIncarnation: 0, request: .get([.list(.node)]))
        let b = table.add(host: other, hostIncarnation: 0, request: .get([.list(.node)]))
        let c = table.add(host: Self.host, hostIncarnation: 0, request: .info)
        table.finish(a, Self.done)
        table.finish(a, .failure(EngineError("late")))
        #expect(table[a]?.result == Self.done)
        #expect(table.unanswered(on: Self.host) == [c])
        #expect(table.unanswered(on: other) == [b])
    }

    @Test("a swarm answering many calls holds none of them afterwards")
    func swarmHoldsNoAnsweredCall() {
        let h = Harness(managers: 3, workers: 1)
        h.form(managers: 3, workers: 1)
        for _ in 1...20 { _ = h.call(.get([.list(.service)]), on: "m2") }
        #expect(h.swarm.heldOperationCount == 0)
    }

    @Test("a call its caller gave up on still takes effect, then is forgotten")
    func givenUpCallTakesEffect() {
        let h = Harness(managers: 3, workers: 1)
        h.form(managers: 3, workers: 1)
        let op = h.swarm.submit(.nodeUpdate("w1", NodeUpdate(availability: .drain)), on: h.h("m2"))
        #expect(h.swarm.takeResult(of: op) == nil)    // forwarded to the leader, not committed yet
        #expect(h.swarm.heldOperationCount == 1)
        h.wait(.seconds(5))
        #expect(h.swarm.heldOperationCount == 0)
        #expect(h.swarm.allSeeing.freshestStore?.nodes.first(where: { $0.hostname == "w1" })?.availability == .drain)
    }
}
