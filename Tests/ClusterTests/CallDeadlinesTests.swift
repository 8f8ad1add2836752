import Testing
import SimCore
@testable import Cluster

@Suite struct CallDeadlinesTests {
    typealias Key = (time: Int64, order: UInt64)

    /// Inserts `count` deadlines, each `now` plus a timeout drawn from `timeouts` (the clock
    /// moving on by up to `step` between calls) or, with `anyTime`, at any time, and removes the
    /// first now and then; checks each answer against a sorted list.
    func check(seed: UInt64, count: UInt64, timeouts: [Int64], step: UInt64, anyTime: Bool = false) {
        var deadlines = CallDeadlines()
        var random = SeededRandom(seed: seed)
        var reference: [Key] = []
        var now: Int64 = 0
        func sameFirst() -> Bool {
            deadlines.first.map { ($0.time.nanoseconds, $0.order.sequence) } ?? (-1, 0) == (reference.first ?? (-1, 0))
        }
        for order in 0..<count {
            now += Int64(random.below(step + 1))
            let timeout = timeouts[Int(random.below(UInt64(timeouts.count)))]
            let time = anyTime ? Int64(random.below(50)) : now + timeout
            let wasFirst = deadlines.first
            let isFirst = deadlines.insert(.init(time: SimTime(nanoseconds: time), order: EventID(sequence: order), call: order),
                                           timeout: .nanoseconds(timeout))
            #expect(isFirst == (wasFirst.map { time < $0.time.nanoseconds } ?? true))
            reference.append((time, order))
            reference.sort { $0.time != $1.time ? $0.time < $1.time : $0.order < $1.order }
            if random.below(3) == 0, !reference.isEmpty {
                deadlines.removeFirst()
                reference.removeFirst()
            }
            #expect(sameFirst())
        }
        while let first = deadlines.first {
            #expect(first.call == first.order.sequence && !first.scheduled)
            #expect(sameFirst())
            deadlines.removeFirst()
            reference.removeFirst()
        }
        #expect(reference.isEmpty)
    }

    @Test func deadlinesOfCallsWithAFewTimeoutsComeOutByTimeThenByReservedID() {
        check(seed: 3, count: 3_000, timeouts: [5, 7, 20], step: 2)
        check(seed: 4, count: 3_000, timeouts: [5], step: 0)
    }

    @Test func deadlinesOfManyTimeoutsAndOutOfOrderOnesComeOutSortedToo() {
        check(seed: 5, count: 2_000, timeouts: Array(1...12), step: 3)
        check(seed: 6, count: 2_000, timeouts: [5, 9], step: 1, anyTime: true)
    }

    @Test func onlyTheFirstDeadlineIsMarkedScheduled() {
        var deadlines = CallDeadlines()
        _ = deadlines.insert(.init(time: SimTime(nanoseconds: 20), order: EventID(sequence: 1), call: 1), timeout: .nanoseconds(20))
        deadlines.markFirstScheduled()
        let isFirst = deadlines.insert(.init(time: SimTime(nanoseconds: 10), order: EventID(sequence: 2), call: 2), timeout: .nanoseconds(10))
        #expect(isFirst)
        #expect(deadlines.first?.call == 2 && deadlines.first?.scheduled == false)
        deadlines.removeFirst()
        #expect(deadlines.first?.call == 1 && deadlines.first?.scheduled == true)
    }
}
