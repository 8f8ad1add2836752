/// The priority queue behind `EventQueue` and `Simulator`: events ordered by (time, insertion
/// sequence), so that among events due at the same instant the one scheduled first comes out
/// first.
///
/// A 4-ary min-heap laid out as three parallel arrays (structure of arrays): the times, which
/// almost every comparison reads alone; the sequence numbers, read only when two times are
/// equal; and the payloads, which are moved, never compared. The storage is owned outright (the
/// type is non-copyable), so no reference count or copy-on-write check is paid per operation,
/// and the sifts run on raw pointers with no bounds checks. No allocation per event once the
/// arrays have grown; no closure or existential call per comparison.
///
/// The hold operation — take the next event, then schedule one — is the common case in a
/// simulation: a handler reschedules its timer, answers a message, and so on. `takeTop()` hands
/// out the top event but leaves its slot vacant; a `push` that follows fills the vacancy with one
/// pass down the heap instead of a removal and an insertion. Any other operation first removes
/// the vacancy (`settle()`). Both passes use Floyd's method: the hole goes down to a leaf along
/// the earlier children, which needs no comparison with the entry being placed, and the entry
/// then rises from there — a new event usually belongs near the bottom, so it rarely rises far.
///
/// Cancelled events are remembered and skipped when they reach the top (lazy deletion).
@usableFromInline
struct EventHeap<Payload>: ~Copyable {
    @usableFromInline var times: UnsafeMutablePointer<Int64>
    @usableFromInline var sequences: UnsafeMutablePointer<UInt64>
    @usableFromInline var payloads: UnsafeMutablePointer<Payload>
    /// Slots in use, the vacant top included.
    @usableFromInline var slots: Int = 0
    @usableFromInline var capacity: Int
    @usableFromInline var nextSequence: UInt64 = 0
    /// Sequence numbers of cancelled events still in the heap.
    @usableFromInline var cancelled: Set<UInt64> = []
    /// Slot 0's event was handed out by `takeTop()`: its time and sequence are still there (and
    /// still no later than any other), its payload has been moved out.
    @usableFromInline var topVacant = false

    @inlinable init(capacity: Int = 64) {
        self.capacity = Swift.max(capacity, 1)
        times = .allocate(capacity: self.capacity)
        sequences = .allocate(capacity: self.capacity)
        payloads = .allocate(capacity: self.capacity)
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
        other.times.initialize(from: times, count: slots)
        other.sequences.initialize(from: sequences, count: slots)
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
            fillHole(at: 0, time: time.nanoseconds, sequence: sequence, payload: payload)
        } else {
            if slots == capacity { grow() }
            let slot = slots
            slots &+= 1
            fillHole(at: slot, time: time.nanoseconds, sequence: sequence, payload: payload)
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

    /// Closes a vacancy left by `takeTop()`: the last entry fills it.
    @inlinable @inline(__always)
    mutating func settle() {
        guard topVacant else { return }
        topVacant = false
        slots &-= 1
        let last = slots
        if last > 0 { fillHole(at: 0, time: times[last], sequence: sequences[last], payload: (payloads + last).move()) }
    }

    /// Removes cancelled events from the top.
    @inlinable @inline(__always)
    mutating func dropCancelledTop() {
        while !cancelled.isEmpty, slots > 0, cancelled.remove(sequences[0]) != nil {
            _ = payloads.move()
            topVacant = true
            settle()
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

    /// Places an entry into the vacant slot `start` (the top, or the slot just past the end).
    /// From a hole with children, first moves the hole down to a leaf along the earliest child
    /// of each group, then lets the entry rise from there to its place.
    @inlinable @inline(__always)
    mutating func fillHole(at start: Int, time: Int64, sequence: UInt64, payload: consuming Payload) {
        let t = times, q = sequences, p = payloads, n = slots
        var hole = start
        while true {
            let first = hole &<< 2 &+ 1
            var best: Int
            if first &+ 3 < n {
                // The earliest of four by time alone, branch-free; the sequence numbers are
                // consulted only when two of the times compared are equal.
                let t0 = t[first], t1 = t[first &+ 1], t2 = t[first &+ 2], t3 = t[first &+ 3]
                let a = t1 < t0 ? first &+ 1 : first
                let ta = Swift.min(t0, t1)
                let b = t3 < t2 ? first &+ 3 : first &+ 2
                let tb = Swift.min(t2, t3)
                best = tb < ta ? b : a
                if _slowPath(t0 == t1 || t2 == t3 || ta == tb) {
                    let a = Self.precedes(t, q, first &+ 1, first) ? first &+ 1 : first
                    let b = Self.precedes(t, q, first &+ 3, first &+ 2) ? first &+ 3 : first &+ 2
                    best = Self.precedes(t, q, b, a) ? b : a
                }
            } else if first < n {
                best = first
                var c = first &+ 1
                while c < n {
                    if Self.precedes(t, q, c, best) { best = c }
                    c &+= 1
                }
            } else {
                break
            }
            t[hole] = t[best]
            q[hole] = q[best]
            (p + hole).initialize(to: (p + best).move())
            hole = best
        }
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
    @usableFromInline mutating func grow() {
        let newCapacity = capacity &* 2
        let newTimes = UnsafeMutablePointer<Int64>.allocate(capacity: newCapacity)
        let newSequences = UnsafeMutablePointer<UInt64>.allocate(capacity: newCapacity)
        let newPayloads = UnsafeMutablePointer<Payload>.allocate(capacity: newCapacity)
        newTimes.moveInitialize(from: times, count: slots)
        newSequences.moveInitialize(from: sequences, count: slots)
        newPayloads.moveInitialize(from: payloads, count: slots)
        times.deallocate(); sequences.deallocate(); payloads.deallocate()
        times = newTimes; sequences = newSequences; payloads = newPayloads
        capacity = newCapacity
    }

    // MARK: Checks

    /// Whether every entry comes no earlier than its parent: O(n), for tests.
    func checkInvariants() -> Bool {
        var i = 1
        while i < slots {
            if Self.precedes(times, sequences, i, (i - 1) >> 2) { return false }
            i += 1
        }
        return true
    }
}
