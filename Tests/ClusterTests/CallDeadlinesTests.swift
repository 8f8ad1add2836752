import Testing
import SimCore
@testable import Cluster

@Suite struct CallDeadlinesTests {
    @Test func deadlinesComeOutByTimeThenByReservedID() {
        var deadlines = CallDeadlines()
        var random = SeededRandom(seed: 3)
        var expected: [(Int64, UInt64)] = []
        for order in 0..<2_000 as Range<UInt64> {
            let time = Int64(random.below(50))
            let wasFirst = deadlines.first
            let isFirst = deadlines.insert(.init(time: SimTime(nanoseconds: time), order: EventID(sequence: order), call: order))
            #expect(isFirst == (wasFirst.map { time < $0.time.nanoseconds } ?? true))
            expected.append((time, order))
        }
        expected.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        var seen: [(Int64, UInt64)] = []
        while let first = deadlines.first {
            #expect(first.call == first.order.sequence && !first.scheduled)
            seen.append((first.time.nanoseconds, first.order.sequence))
            deadlines.removeFirst()
        }
        #expect(seen.map(\.0) == expected.map(\.0) && seen.map(\.1) == expected.map(\.1))
    }

    @Test func onlyTheFirstDeadlineIsMarkedScheduled() {
        var deadlines = CallDeadlines()
        _ = deadlines.insert(.init(time: SimTime(nanoseconds: 20), order: EventID(sequence: 1), call: 1))
        deadlines.markFirstScheduled()
        let isFirst = deadlines.insert(.init(time: SimTime(nanoseconds: 10), order: EventID(sequence: 2), call: 2))
        #expect(isFirst)
        #expect(deadlines.first?.call == 2 && deadlines.first?.scheduled == false)
        deadlines.removeFirst()
        #expect(deadlines.first?.call == 1 && deadlines.first?.scheduled == true)
    }
}
