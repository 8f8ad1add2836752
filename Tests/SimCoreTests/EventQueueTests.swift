import Testing
@testable import SimCore

// MARK: - A reference queue

/// The ordering contract in its plainest form: a list scanned for the earliest (time, sequence).
struct ReferenceQueue<Payload> {
    var entries: [(time: Int64, sequence: UInt64, payload: Payload)] = []
    var nextSequence: UInt64 = 0

    var count: Int { entries.count }

    mutating func push(_ payload: Payload, at time: Int64) -> UInt64 {
        defer { nextSequence += 1 }
        entries.append((time, nextSequence, payload))
        return nextSequence
    }

    func earliestIndex() -> Int? {
        entries.indices.min { (entries[$0].time, entries[$0].sequence) < (entries[$1].time, entries[$1].sequence) }
    }

    mutating func pop() -> (time: Int64, sequence: UInt64, payload: Payload)? {
        earliestIndex().map { entries.remove(at: $0) }
    }

    mutating func cancel(_ sequence: UInt64) {
        entries.removeAll { $0.sequence == sequence }
    }
}

/// Counts live instances, to check that the queue neither leaks nor destroys a payload twice.
final class Token {
    nonisolated(unsafe) static var live = 0
    let value: Int
    init(_ value: Int) { self.value = value; Token.live += 1 }
    deinit { Token.live -= 1 }
}

// MARK: - Tests

@Suite(.serialized) struct EventQueueTests {
    /// Random pushes (with many equal times), pops, cancels and peeks against the reference.
    @Test func matchesTheReferenceUnderRandomOperations() {
        var rng = SeededRandom(seed: 17)
        var queue = EventQueue<String>()
        var reference = ReferenceQueue<String>()
        var ids: [EventID] = []
        for step in 0..<12_000 {
            switch step < 1_000 ? 0 : rng.below(10) {
            case 0..<4:
                let time = Int64(rng.below(step < 6_000 ? 50 : 5_000))
                let id = queue.push("e\(step)", at: SimTime(nanoseconds: time))
                #expect(id.sequence == reference.push("e\(step)", at: time))
                ids.append(id)
            case 4..<8:
                let got = queue.pop(), want = reference.pop()
                #expect(got?.payload == want?.payload)
                #expect(got?.time.nanoseconds == want?.time)
                #expect(got?.id.sequence == want?.sequence)
            case 8:
                if let id = rng.element(of: ids) {
                    queue.cancel(id)
                    reference.cancel(id.sequence)
                }
            default:
                #expect(queue.peekTime()?.nanoseconds == reference.earliestIndex().map { reference.entries[$0].time })
            }
            #expect(queue.count == reference.count)
        }
        #expect(queue.checkInvariants())
        while let want = reference.pop() { #expect(queue.pop()?.payload == want.payload) }
        #expect(queue.pop() == nil)
        #expect(queue.isEmpty)
    }

    /// The padding past the last entry holds the latest key; events due at the end of time
    /// must still come out, in insertion order, and before nothing else.
    @Test func eventsAtTheEndOfTimeKeepInsertionOrder() {
        var q = EventQueue<Int>()
        for i in 0..<40 { q.push(i, at: i % 3 == 0 ? .distantFuture : SimTime(nanoseconds: Int64(i))) }
        var order: [Int] = []
        while let e = q.pop() { order.append(e.payload) }
        let early = (0..<40).filter { $0 % 3 != 0 }, late = (0..<40).filter { $0 % 3 == 0 }
        #expect(order == early + late)
    }

    @Test func copiesAreIndependent() {
        var a = EventQueue<String>()
        for (i, name) in ["x", "y", "z"].enumerated() { a.push(name, at: SimTime(nanoseconds: Int64(i))) }
        var b = a
        #expect(b.pop()?.payload == "x")
        b.push("w", at: .zero)
        #expect(a.count == 3)
        #expect(a.pop()?.payload == "x")
        #expect(b.pop()?.payload == "w")
        #expect(a.pop()?.payload == "y")
        #expect(b.pop()?.payload == "y")
    }

    @Test func payloadsAreReleasedExactlyOnce() {
        let before = Token.live
        do {
            var q = EventQueue<Token>()
            for i in 0..<100 { q.push(Token(i), at: SimTime(nanoseconds: Int64(i % 7))) }
            let dropped = q.push(Token(100), at: .zero)
            q.cancel(dropped)
            for _ in 0..<30 { _ = q.pop() }
            var copy = q
            _ = copy.pop()
            #expect(Token.live == before + 70)
        }
        #expect(Token.live == before)
    }

    /// A simulator dropped while the event it just ran still holds the top slot.
    @Test func simulatorReleasesPayloadsWithTheTopVacant() {
        struct Drop: EventHandler {
            mutating func handle(_ event: Token, simulator: Simulator<Token>) {}
        }
        let before = Token.live
        do {
            let sim = Simulator<Token>()
            for i in 0..<5 { sim.schedule(Token(i), after: .seconds(Int64(i))) }
            var h = Drop()
            sim.step(&h)
            #expect(sim.pendingCount == 4)
            #expect(Token.live == before + 4)
        }
        #expect(Token.live == before)
    }
}

// MARK: - The simulator against the reference

/// Handles events named by integers: each reschedules itself or spawns, at times with many
/// ties, and sometimes cancels an event it scheduled earlier. Records what ran.
struct Churn: EventHandler {
    var rng: SeededRandom
    var ran: [(Int64, Int)] = []
    var issued: [EventID] = []
    var cancels: [EventID] = []
    var next = 1_000

    mutating func handle(_ event: Int, simulator: Simulator<Int>) {
        ran.append((simulator.now.nanoseconds, event))
        for _ in 0..<Int(rng.below(3)) {
            issued.append(simulator.schedule(next, after: .nanoseconds(Int64(rng.below(4)))))
            next += 1
        }
        if rng.below(5) == 0, let id = rng.element(of: issued) {
            simulator.cancel(id)
            cancels.append(id)
        }
    }
}

@Suite struct SimulatorOrderTests {
    /// Replays the same choices on the reference queue and expects the same events in the same
    /// order, pending counts included.
    @Test func simulatorMatchesTheReference() {
        let sim = Simulator<Int>()
        var churn = Churn(rng: SeededRandom(seed: 23))
        for i in 0..<200 { sim.schedule(i, at: SimTime(nanoseconds: Int64(i % 5))) }
        var steps = 0
        while steps < 20_000, sim.step(&churn) { steps += 1 }

        // The reference: the same handler logic, driven by the plain queue.
        var reference = ReferenceQueue<Int>()
        for i in 0..<200 { _ = reference.push(i, at: Int64(i % 5)) }
        var rng = SeededRandom(seed: 23)
        var ran: [(Int64, Int)] = []
        var issued: [UInt64] = []
        var next = 1_000
        while ran.count < steps, let e = reference.pop() {
            ran.append((e.time, e.payload))
            for _ in 0..<Int(rng.below(3)) {
                issued.append(reference.push(next, at: e.time + Int64(rng.below(4))))
                next += 1
            }
            if rng.below(5) == 0, let id = rng.element(of: issued) { reference.cancel(id) }
        }
        #expect(churn.ran.count == ran.count)
        #expect(churn.ran.elementsEqual(ran) { $0 == $1 })
        #expect(sim.pendingCount == reference.count)
        #expect(churn.cancels.count > 100)
        let consistent = sim.queue.checkInvariants()
        #expect(consistent)
    }

    /// A handler that reschedules for the end of time fills its own vacated slot with the key of
    /// a free one; such events must still run, in insertion order.
    @Test func followUpsAtTheEndOfTimeStillRun() {
        struct Defer: EventHandler {
            var ran: [String] = []
            mutating func handle(_ event: String, simulator: Simulator<String>) {
                ran.append(event)
                if !event.hasPrefix("z") { simulator.schedule("z" + event, at: .distantFuture) }
            }
        }
        let sim = Simulator<String>()
        for (i, name) in ["a", "b", "c"].enumerated() { sim.schedule(name, at: SimTime(nanoseconds: Int64(i + 1))) }
        var handler = Defer()
        sim.runToCompletion(&handler)
        #expect(handler.ran == ["a", "b", "c", "za", "zb", "zc"])

        // Next to a free slot: the cancelled event's.
        let other = Simulator<String>()
        other.schedule("a", at: SimTime(nanoseconds: 1))
        let x = other.schedule("x", at: SimTime(nanoseconds: 1))
        other.schedule("zb", at: SimTime(nanoseconds: 2))
        other.cancel(x)
        var second = Defer()
        other.runToCompletion(&second)
        #expect(second.ran == ["a", "zb", "za"])
        #expect(other.pendingCount == 0)
    }

    /// An event scheduled by a handler for the current instant runs after the events already
    /// due then, and cancelling the running event is a no-op.
    @Test func sameInstantFollowUpsRunLast() {
        struct Echo: EventHandler {
            var ran: [String] = []
            var running: EventID? = nil
            mutating func handle(_ event: String, simulator: Simulator<String>) {
                ran.append(event)
                if event == "a" {
                    if let running { simulator.cancel(running) }
                    simulator.schedule("a'", after: .zero)
                }
            }
        }
        let sim = Simulator<String>()
        var echo = Echo()
        echo.running = sim.schedule("a", at: SimTime(nanoseconds: 5))
        sim.schedule("b", at: SimTime(nanoseconds: 5))
        sim.schedule("c", at: SimTime(nanoseconds: 5))
        #expect(sim.pendingCount == 3)
        sim.runToCompletion(&echo)
        #expect(echo.ran == ["a", "b", "c", "a'"])
        #expect(sim.pendingCount == 0)
    }
    @Test func aSparseTreeShrinksAndKeepsItsOrder() {
        var tree = EventTree<Int>()
        var rng = SeededRandom(seed: 9)
        var waiting: [(Int64, UInt64, Int)] = []
        for i in 0..<5_000 {
            let t = Int64(rng.below(1_000_000))
            let id = tree.push(i, at: SimTime(nanoseconds: t))
            waiting.append((t, id.sequence, i))
        }
        let grown = tree.leafCount
        #expect(grown == 8_192)
        waiting.sort { ($0.0, $0.1) < ($1.0, $1.1) }
        for expected in waiting.prefix(4_900) {
            let popped = tree.pop()?.payload
            #expect(popped == expected.2)
        }
        waiting.removeFirst(4_900)
        tree.shrinkIfSparse()
        let (shrunk, sound) = (tree.leafCount, tree.checkInvariants())
        #expect(shrunk == 512)   // 100 events: more than an eighth of 512 leaves, not of 1,024
        #expect(sound)
        // Events pushed after it keep their place among the old ones.
        for i in 0..<50 {
            let t = 999_000 + Int64(rng.below(2_000))
            let id = tree.push(10_000 + i, at: SimTime(nanoseconds: t))
            waiting.append((t, id.sequence, 10_000 + i))
        }
        waiting.sort { ($0.0, $0.1) < ($1.0, $1.1) }
        var out: [Int] = []
        while let e = tree.pop() { out.append(e.payload) }
        #expect(out == waiting.map(\.2))
        tree.shrinkIfSparse()
        let (empty, stillSound) = (tree.leafCount, tree.checkInvariants())
        #expect(empty == 64 && stillSound)   // the smallest tree
    }
}
