/// The priority queue behind `EventQueue` and `Simulator`: events ordered by (time, insertion
/// sequence), so that among events due at the same instant the one scheduled first comes out
/// first.
///
/// A 4-ary min-heap laid out as three parallel arrays (structure of arrays): the times, which
/// almost every comparison reads alone; the sequence numbers, read only when two times are
/// equal; and the payloads, which are moved, never compared. The storage is owned outright (the
/// type is non-copyable), so no reference count or copy-on-write check is paid per operation,
/// and the sifts run on raw pointers with no bounds checks. Three padding slots past the last
/// entry hold the latest possible key, so that every group of children can be read as four
/// without a bounds test. No allocation per event once the arrays have grown; no closure or
/// existential call per comparison.
///
/// The hold operation — take the next event, then schedule one — is the common case in a
/// simulation: a handler reschedules its timer, answers a message, and so on. `takeTop()` hands
/// out the top event but leaves its slot vacant; a `push` that follows fills the vacancy with one
/// pass down the heap instead of a removal and an insertion. Any other operation first closes
/// the vacancy with the last entry (`settle()`). Both use Floyd's method: the hole goes down to a
/// leaf along the earliest child of each group, which needs no comparison with the entry being
/// placed, and the entry then rises from there — it usually belongs near the bottom.
///
/// Cancelled events are remembered and skipped when they reach the top (lazy deletion).
@usableFromInline
struct EventHeap<Payload>: ~Copyable {
    @usableFromInline var times: UnsafeMutablePointer<Int64>
    @usableFromInline var sequences: UnsafeMutablePointer<UInt64>
    @usableFromInline var payloads: UnsafeMutablePointer<Payload>
    /// Slots in use, the vacant top included. Slots `slots ..< slots + padding` hold
    /// (`Int64.max`, `UInt64.max`), later than any event, and no payload.
    @usableFromInline var slots: Int = 0
    /// Entries the arrays can hold, besides the padding.
    @usableFromInline var capacity: Int
    @usableFromInline var nextSequence: UInt64 = 0
    /// Sequence numbers of cancelled events still in the heap.
    @usableFromInline var cancelled: Set<UInt64> = []
    /// Slot 0's event was handed out by `takeTop()`: its time and sequence are still there (and
    /// still no later than any other), its payload has been moved out.
    @usableFromInline var topVacant = false

    /// Slots past the end that hold the latest key: a group of children starts below the end.
    @inlinable static var padding: Int { 3 }

    @inlinable init(capacity: Int = 64) {
        self.capacity = Swift.max(capacity, 1)
        times = .allocate(capacity: self.capacity + Self.padding)
        sequences = .allocate(capacity: self.capacity + Self.padding)
        payloads = .allocate(capacity: self.capacity)
        times.initialize(repeating: .max, count: Self.padding)
        sequences.initialize(repeating: .max, count: Self.padding)
    }

    @inlinable deinit {
        if topVacant {
            if slots > 1 { (payloads + 1).deinitialize(count: slots - 1) }
        } else {
            payloads.deinitialize(count: slots)
        }
        times.deallocate(); sequences.deallocate(); payloads.deallocate()
    }

    /// An independent copy (for `EventQueue`'s copy-on-write).
    @usableFromInline func copy() -> EventHeap<Payload> {
        var other = EventHeap(capacity: capacity)
        other.times.initialize(from: times, count: slots + Self.padding)
        other.sequences.initialize(from: sequences, count: slots + Self.padding)
        if topVacant {
            if slots > 1 { (other.payloads + 1).initialize(from: payloads + 1, count: slots - 1) }
        } else {
            other.payloads.initialize(from: payloads, count: slots)
        }
        other.slots = slots
        other.nextSequence = nextSequence
        other.cancelled = cancelled
        other.topVacant = topVacant
        return other
    }

    // MARK: Queries

    /// Events waiting, not counting cancelled ones.
    @inlinable var count: Int { slots &- cancelled.count &- (topVacant ? 1 : 0) }

    /// The time of the next live event, if any.
    @inlinable mutating func peekTime() -> SimTime? {
        settle()
        dropCancelledTop()
        return slots > 0 ? SimTime(nanoseconds: times[0]) : nil
    }

    // MARK: Push and pop

    /// Adds an event due at `time`. If `takeTop()` left the top vacant, the event fills it.
    /// - Complexity: O(log n); amortized O(1) allocation.
    @inlinable @inline(__always)
    mutating func push(_ payload: consuming Payload, at time: SimTime) -> EventID {
        let sequence = nextSequence
        nextSequence &+= 1
        if topVacant {
            topVacant = false
            fillTop(time: time.nanoseconds, sequence: sequence, payload: payload)
        } else {
            append(time: time.nanoseconds, sequence: sequence, payload: payload)
        }
        return EventID(sequence: sequence)
    }

    /// Hands out the next live event and leaves its slot vacant until the next operation.
    /// - Complexity: O(1), plus O(log n) per pending vacancy or cancelled event removed first.
    @inlinable @inline(__always)
    mutating func takeTop() -> (time: SimTime, id: EventID, payload: Payload)? {
        settle()
        dropCancelledTop()
        guard slots > 0 else { return nil }
        topVacant = true
        return (SimTime(nanoseconds: times[0]), EventID(sequence: sequences[0]), payloads.move())
    }

    /// Removes and returns the next live event.
    /// - Complexity: O(log n), plus O(log n) per cancelled event skipped.
    @inlinable mutating func pop() -> (time: SimTime, id: EventID, payload: Payload)? {
        let top = takeTop()
        settle()
        return top
    }

    /// Closes a vacancy left by `takeTop()`.
    @inlinable @inline(__always)
    mutating func settle() {
        if _slowPath(topVacant) { closeVacancy() }
    }

    /// Removes cancelled events from the top.
    @inlinable @inline(__always)
    mutating func dropCancelledTop() {
        if _slowPath(!cancelled.isEmpty) { dropCancelledTopSlowly() }
    }

    /// Fills the vacant top with the last entry.
    @usableFromInline @inline(never)
    mutating func closeVacancy() {
        topVacant = false
        slots &-= 1
        let last = slots
        let time = times[last], sequence = sequences[last]
        times[last] = .max
        sequences[last] = .max
        if last > 0 { fillTop(time: time, sequence: sequence, payload: (payloads + last).move()) }
    }

    @usableFromInline @inline(never)
    mutating func dropCancelledTopSlowly() {
        while slots > 0, cancelled.remove(sequences[0]) != nil {
            _ = payloads.move()
            topVacant = true
            closeVacancy()
        }
    }

    // MARK: Cancel

    /// Marks an event as cancelled; it will never be handed out. Cancelling an event that
    /// already ran or was cancelled does nothing.
    /// - Complexity: O(n) (a scan of the sequence numbers).
    @usableFromInline mutating func cancel(_ id: EventID) {
        settle()
        guard id.sequence < nextSequence else { return }
        for i in 0..<slots where sequences[i] == id.sequence {
            cancelled.insert(id.sequence)
            return
        }
    }

    // MARK: Sifting

    /// Whether the entry in slot `i` comes before the one in slot `j`: by time, then by sequence.
    @inlinable @inline(__always)
    static func precedes(_ t: UnsafeMutablePointer<Int64>, _ q: UnsafeMutablePointer<UInt64>, _ i: Int, _ j: Int) -> Bool {
        let ti = t[i], tj = t[j]
        if _slowPath(ti == tj) { return q[i] < q[j] }
        return ti < tj
    }

    /// The earliest of the four children starting at `first`, comparing sequence numbers too:
    /// the path taken when two of the times are equal.
    @usableFromInline @inline(never)
    static func earliestOfFour(_ t: UnsafeMutablePointer<Int64>, _ q: UnsafeMutablePointer<UInt64>, _ first: Int) -> Int {
        let a = precedes(t, q, first &+ 1, first) ? first &+ 1 : first
        let b = precedes(t, q, first &+ 3, first &+ 2) ? first &+ 3 : first &+ 2
        return precedes(t, q, b, a) ? b : a
    }

    /// Places an entry into the vacant top: moves the hole down to a leaf along the earliest
    /// child of each group, then lets the entry rise from there to its place.
    @inlinable @inline(__always)
    mutating func fillTop(time: Int64, sequence: UInt64, payload: consuming Payload) {
        let t = times, q = sequences, p = payloads, n = slots
        var hole = 0
        while true {
            let first = hole &<< 2 &+ 1
            guard first < n else { break }
            // The earliest of four by time alone; the sequence numbers are consulted only when
            // two of the times compared are equal. Both steps avoid branches the processor
            // cannot predict: the three comparisons index a table of offsets packed in an
            // integer (x86 code generation turns conditional moves on this loop's critical path
            // into a branch taken half the time), and the three equality tests are one test of
            // a product, which wraps to zero now and then without a tie (the exact path is then
            // taken for nothing) but is zero whenever a factor is.
            let t0 = t[first], t1 = t[first &+ 1], t2 = t[first &+ 2], t3 = t[first &+ 3]
            let ta = Swift.min(t0, t1), tb = Swift.min(t2, t3)
            let outcome = (t1 < t0 ? 1 : 0) | (t3 < t2 ? 2 : 0) | (tb < ta ? 4 : 0)
            // outcome 0…7 → offset 0, 1, 0, 1, 2, 2, 3, 3 (two bits each).
            var best = first &+ ((0xFA44 &>> (outcome &<< 1)) & 3)
            if _slowPath((t0 ^ t1) &* (t2 ^ t3) &* (ta ^ tb) == 0) { best = Self.earliestOfFour(t, q, first) }
            t[hole] = t[best]
            q[hole] = q[best]
            (p + hole).initialize(to: (p + best).move())
            hole = best
        }
        rise(from: hole, time: time, sequence: sequence, payload: payload)
    }

    /// Appends an entry past the end and lets it rise to its place.
    @inlinable @inline(__always)
    mutating func append(time: Int64, sequence: UInt64, payload: consuming Payload) {
        if _slowPath(slots == capacity) { grow() }
        let hole = slots
        slots &+= 1
        times[hole &+ Self.padding] = .max
        sequences[hole &+ Self.padding] = .max
        rise(from: hole, time: time, sequence: sequence, payload: payload)
    }

    /// Moves the hole at `start` up past every parent that the entry precedes, then puts the
    /// entry there.
    @inlinable @inline(__always)
    mutating func rise(from start: Int, time: Int64, sequence: UInt64, payload: consuming Payload) {
        let t = times, q = sequences, p = payloads
        var hole = start
        while hole > 0 {
            let parent = (hole &- 1) &>> 2
            let tp = t[parent]
            guard time < tp || (time == tp && sequence < q[parent]) else { break }
            t[hole] = tp
            q[hole] = q[parent]
            (p + hole).initialize(to: (p + parent).move())
            hole = parent
        }
        t[hole] = time
        q[hole] = sequence
        (p + hole).initialize(to: payload)
    }

    /// Doubles the capacity.
    @usableFromInline @inline(never)
    mutating func grow() {
        let newCapacity = capacity &* 2
        let newTimes = UnsafeMutablePointer<Int64>.allocate(capacity: newCapacity + Self.padding)
        let newSequences = UnsafeMutablePointer<UInt64>.allocate(capacity: newCapacity + Self.padding)
        let newPayloads = UnsafeMutablePointer<Payload>.allocate(capacity: newCapacity)
        newTimes.moveInitialize(from: times, count: slots + Self.padding)
        newSequences.moveInitialize(from: sequences, count: slots + Self.padding)
        newPayloads.moveInitialize(from: payloads, count: slots)
        times.deallocate(); sequences.deallocate(); payloads.deallocate()
        times = newTimes; sequences = newSequences; payloads = newPayloads
        capacity = newCapacity
    }

    // MARK: Checks

    /// Whether every entry comes no earlier than its parent, and the padding holds the latest
    /// key: O(n), for tests.
    func checkInvariants() -> Bool {
        var i = 1
        while i < slots {
            if Self.precedes(times, sequences, i, (i - 1) >> 2) { return false }
            i += 1
        }
        for i in slots..<(slots + Self.padding) where times[i] != .max || sequences[i] != .max { return false }
        return true
    }
}
