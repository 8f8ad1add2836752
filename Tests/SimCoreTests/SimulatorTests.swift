import Testing
@testable import SimCore

/// Records every event it handles and, for events named "spawn:N", schedules N follow-ups.
struct Recorder: EventHandler {
    var log: [(SimTime, String)] = []
    mutating func handle(_ event: String, simulator: Simulator<String>) {
        log.append((simulator.now, event))
        if event.hasPrefix("spawn:"), let n = Int(event.dropFirst(6)) {
            for i in 0..<n { simulator.schedule("child\(i)", after: .milliseconds(Int64(i))) }
        }
    }
}

@Suite struct SimulatorTests {
    @Test func eventsRunInTimeOrder() {
        let sim = Simulator<String>()
        sim.schedule("c", at: SimTime(nanoseconds: 30))
        sim.schedule("a", at: SimTime(nanoseconds: 10))
        sim.schedule("b", at: SimTime(nanoseconds: 20))
        var r = Recorder()
        sim.runToCompletion(&r)
        #expect(r.log.map(\.1) == ["a", "b", "c"])
        #expect(sim.now == SimTime(nanoseconds: 30))
    }

    @Test func tiesBreakByInsertionOrder() {
        let sim = Simulator<String>()
        for name in ["first", "second", "third", "fourth", "fifth"] { sim.schedule(name, at: SimTime(nanoseconds: 5)) }
        var r = Recorder()
        sim.runToCompletion(&r)
        #expect(r.log.map(\.1) == ["first", "second", "third", "fourth", "fifth"])
    }

    @Test func cancelledEventsNeverRun() {
        let sim = Simulator<String>()
        sim.schedule("keep", after: .seconds(1))
        let drop = sim.schedule("drop", after: .seconds(2))
        sim.schedule("keep2", after: .seconds(3))
        sim.cancel(drop)
        #expect(sim.pendingCount == 2)
        var r = Recorder()
        sim.runToCompletion(&r)
        #expect(r.log.map(\.1) == ["keep", "keep2"])
        sim.cancel(drop)   // already gone: a no-op
        #expect(sim.pendingCount == 0)
    }

    @Test func aReservedIDKeepsTheOrderOfItsReservation() {
        let sim = Simulator<String>()
        let at = SimTime(nanoseconds: 5)
        sim.schedule("a", at: at)
        let b = sim.reserveEventID()
        sim.schedule("c", at: at)
        let d = sim.reserveEventID()
        sim.schedule("e", at: at)
        sim.schedule("d", at: at, reserved: d)
        sim.schedule("b", at: at, reserved: b)
        var r = Recorder()
        sim.runToCompletion(&r)
        #expect(r.log.map(\.1) == ["a", "b", "c", "d", "e"])
    }

    @Test func reservedIDsScheduledLateRunInTimeThenIDOrder() {
        // Every other event's ID is reserved and the event scheduled only later, some of them
        // from inside a handler (into a leaf left vacant), in shuffled order.
        struct Load: EventHandler {
            var log: [Int] = []
            var late: [(Int, SimTime, EventID)] = []
            mutating func handle(_ event: Int, simulator: Simulator<Int>) {
                log.append(event)
                if event == -1 { for (e, t, id) in late { simulator.schedule(e, at: t, reserved: id) } }
            }
        }
        let sim = Simulator<Int>()
        var rng = SeededRandom(seed: 7)
        var load = Load()
        var expected: [(Int64, Int)] = []
        sim.schedule(-1, at: .zero)
        for i in 0..<4_000 {
            let t = SimTime(nanoseconds: 1 + Int64(rng.below(300)))
            expected.append((t.nanoseconds, i))
            if i % 2 == 0 { sim.schedule(i, at: t) } else { load.late.append((i, t, sim.reserveEventID())) }
        }
        for i in stride(from: load.late.count - 1, to: 0, by: -1) { load.late.swapAt(i, Int(rng.below(UInt64(i + 1)))) }
        sim.runToCompletion(&load)
        expected.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        #expect(load.log == [-1] + expected.map(\.1))
    }

    @Test func runUntilTimeStopsAndAdvancesClock() {
        let sim = Simulator<String>()
        sim.schedule("early", after: .seconds(1))
        sim.schedule("late", after: .seconds(10))
        var r = Recorder()
        sim.run(until: SimTime.zero + .seconds(5), &r)
        #expect(r.log.map(\.1) == ["early"])
        #expect(sim.now == SimTime.zero + .seconds(5))
        #expect(sim.pendingCount == 1)
    }

    @Test func runUntilConditionStopsWhenItHolds() {
        let sim = Simulator<String>()
        sim.schedule("spawn:3", after: .seconds(1))
        var r = Recorder()
        let held = sim.run(until: { $0.eventsHandled >= 2 }, deadline: .distantFuture, &r)
        #expect(held)
        #expect(r.log.map(\.1) == ["spawn:3", "child0"])
    }

    @Test func handlersScheduleFollowUps() {
        let sim = Simulator<String>()
        sim.schedule("spawn:2", after: .seconds(1))
        var r = Recorder()
        sim.runToCompletion(&r)
        #expect(r.log.map { "\($0.0) \($0.1)" } == ["1.000s spawn:2", "1.000s child0", "1.001s child1"])
    }

    @Test func heapStaysOrderedUnderRandomLoad() {
        var q = EventQueue<Int>()
        var rng = SeededRandom(seed: 11)
        var expected: [(Int64, Int)] = []
        for i in 0..<5_000 {
            let t = Int64(rng.below(1_000))
            q.push(i, at: SimTime(nanoseconds: t))
            expected.append((t, i))
        }
        #expect(q.checkInvariants())
        expected.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        var got: [Int] = []
        while let e = q.pop() { got.append(e.payload) }
        #expect(got == expected.map(\.1))
    }
}
