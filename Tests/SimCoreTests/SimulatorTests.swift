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

    @Test func peekNextShowsTheNextEventWithoutTakingIt() {
        let sim = Simulator<String>()
        var seen: [String] = []
        sim.peekNext { seen.append($0) }
        #expect(seen.isEmpty)
        sim.schedule("c", at: SimTime(nanoseconds: 30))
        sim.schedule("a", at: SimTime(nanoseconds: 10))
        sim.schedule("b", at: SimTime(nanoseconds: 20))
        sim.peekNext { seen.append($0) }
        #expect(seen == ["a"] && sim.pendingCount == 3)
        var r = Recorder()
        sim.step(&r)
        sim.peekNext { seen.append($0) }
        sim.peekNext { seen.append($0) }
        #expect(seen == ["a", "b", "b"] && r.log.map(\.1) == ["a"] && sim.pendingCount == 2)
        sim.runToCompletion(&r)
        #expect(r.log.map(\.1) == ["a", "b", "c"])
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

    /// Events at every distance: in the current calendar bucket (tree), in the calendar's ring,
    /// past its span (tree again), at the same instants; scheduled from handlers, under reserved
    /// IDs scheduled later, and cancelled. Each event handled must be the earliest (time, then
    /// ID) of those a plain list says are waiting.
    @Test(arguments: [3, 8, 21]) func everyEventComesOutInTimeThenIDOrder(seed: UInt64) {
        struct Load: EventHandler {
            var rng: SeededRandom
            /// What waits, by the list: ID, time, event.
            var waiting: [(id: EventID, time: SimTime, event: Int)] = []
            var reserved: [(id: EventID, time: SimTime)] = []
            var mismatches = 0
            var handled = 0
            var next = 0

            mutating func delay() -> SimDuration {
                switch rng.below(6) {
                case 0: return .zero
                case 1: return SimDuration(nanoseconds: Int64(rng.below(1_000_000)))           // within 1 ms
                case 2: return SimDuration(nanoseconds: Int64(rng.below(300_000_000)))         // a bucket or two
                case 3: return .seconds(Int64(rng.below(6)))                                    // whole seconds: ties
                case 4: return SimDuration(nanoseconds: Int64(rng.below(40_000_000_000)))      // across the ring
                default: return SimDuration(nanoseconds: 30_000_000_000 + Int64(rng.below(60_000_000_000)))  // past it
                }
            }

            mutating func schedule(on simulator: Simulator<Int>) {
                next += 1
                let time = simulator.now + delay()
                let id = simulator.schedule(next, at: time)
                waiting.append((id, time, next))
            }

            mutating func handle(_ event: Int, simulator: Simulator<Int>) {
                handled += 1
                let earliest = waiting.indices.min { a, b in
                    (waiting[a].time, waiting[a].id) < (waiting[b].time, waiting[b].id)
                }
                if let e = earliest, waiting[e].event == event, waiting[e].time == simulator.now {
                    waiting.remove(at: e)
                } else {
                    mismatches += 1
                    waiting.removeAll { $0.event == event }
                }
                // What a handler sees of the next event, wherever it waits.
                var peeked: Int?
                simulator.peekNext { peeked = $0 }
                if peeked != waiting.min(by: { ($0.time, $0.id) < ($1.time, $1.id) })?.event { mismatches += 1 }
                guard handled < 6_000 else { return }
                for _ in 0..<Int(rng.below(3)) { schedule(on: simulator) }
                switch rng.below(8) {
                case 0:
                    reserved.append((simulator.reserveEventID(), simulator.now + delay()))
                case 1 where !reserved.isEmpty:
                    let (id, time) = reserved.removeFirst()
                    next += 1
                    let at = Swift.max(time, simulator.now)
                    simulator.schedule(next, at: at, reserved: id)
                    waiting.append((id, at, next))
                case 2 where !waiting.isEmpty:
                    let victim = waiting.remove(at: Int(rng.below(UInt64(waiting.count))))
                    simulator.cancel(victim.id)
                default:
                    break
                }
            }
        }
        let sim = Simulator<Int>(treeLimit: 64)
        var load = Load(rng: SeededRandom(seed: seed))
        for _ in 0..<300 { load.schedule(on: sim) }
        #expect(sim.pendingCount == 300)
        #expect(sim.calendar.count > 50 && sim.queue.count >= 64)   // both tiers in use
        sim.run(until: .zero + .seconds(20), &load)
        #expect(sim.calendar.checkInvariants() && sim.queue.checkInvariants())
        #expect(sim.pendingCount == load.waiting.count)
        #expect(sim.nextEventTime() == load.waiting.map(\.time).min())
        sim.runToCompletion(&load)
        #expect(load.mismatches == 0)
        #expect(load.handled > 6_000)
        #expect(load.waiting.isEmpty && sim.pendingCount == 0)
        #expect(sim.nextEventTime() == nil)
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
