/// The identity of a scheduled event: its insertion sequence number. Used to cancel it.
public struct EventID: Hashable, Comparable, Sendable {
    public let sequence: UInt64
    @inlinable public init(sequence: UInt64) { self.sequence = sequence }
    @inlinable public static func < (a: EventID, b: EventID) -> Bool { a.sequence < b.sequence }
}

/// A priority queue of events ordered by (time, insertion sequence): among events due at the
/// same instant, the one scheduled first comes out first.
///
/// A 4-ary min-heap over a contiguous array of value entries: no allocation per event once the
/// array has grown, no closure or existential call per comparison. Cancelled events are marked
/// and skipped when they reach the top (lazy deletion).
public struct EventQueue<Payload> {
    @usableFromInline struct Entry {
        @usableFromInline var time: Int64
        @usableFromInline var sequence: UInt64
        @usableFromInline var payload: Payload
        @inlinable init(time: Int64, sequence: UInt64, payload: Payload) {
            self.time = time; self.sequence = sequence; self.payload = payload
        }
        @inlinable func precedes(_ other: Entry) -> Bool {
            time < other.time || (time == other.time && sequence < other.sequence)
        }
    }

    @usableFromInline var heap: [Entry] = []
    @usableFromInline var nextSequence: UInt64 = 0
    @usableFromInline var cancelled: Set<UInt64> = []

    public init() {}

    /// Events waiting, including cancelled ones not yet skipped.
    @inlinable public var count: Int { heap.count - cancelled.count }
    @inlinable public var isEmpty: Bool { count == 0 }

    /// Adds an event due at `time`.
    /// - Complexity: O(log n)
    @inlinable @discardableResult
    public mutating func push(_ payload: Payload, at time: SimTime) -> EventID {
        let sequence = nextSequence
        nextSequence &+= 1
        heap.append(Entry(time: time.nanoseconds, sequence: sequence, payload: payload))
        siftUp(heap.count - 1)
        return EventID(sequence: sequence)
    }

    /// Marks an event as cancelled; it will never be popped. Cancelling an event that already
    /// ran or was cancelled does nothing.
    public mutating func cancel(_ id: EventID) {
        guard id.sequence < nextSequence else { return }
        if heap.contains(where: { $0.sequence == id.sequence }) { cancelled.insert(id.sequence) }
    }

    /// The time of the next live event, if any.
    @inlinable public mutating func peekTime() -> SimTime? {
        dropCancelledTop()
        return heap.first.map { SimTime(nanoseconds: $0.time) }
    }

    /// Removes and returns the next live event.
    /// - Complexity: O(log n) amortized
    @inlinable public mutating func pop() -> (time: SimTime, id: EventID, payload: Payload)? {
        dropCancelledTop()
        guard let top = removeTop() else { return nil }
        return (SimTime(nanoseconds: top.time), EventID(sequence: top.sequence), top.payload)
    }

    @inlinable mutating func dropCancelledTop() {
        while !cancelled.isEmpty, let first = heap.first, cancelled.remove(first.sequence) != nil {
            _ = removeTop()
        }
    }

    @inlinable mutating func removeTop() -> Entry? {
        guard let last = heap.popLast() else { return nil }
        guard !heap.isEmpty else { return last }
        let top = heap[0]
        heap[0] = last
        siftDown(0)
        return top
    }

    @inlinable mutating func siftUp(_ index: Int) {
        var child = index
        let entry = heap[child]
        while child > 0 {
            let parent = (child - 1) >> 2
            guard entry.precedes(heap[parent]) else { break }
            heap[child] = heap[parent]
            child = parent
        }
        heap[child] = entry
    }

    @inlinable mutating func siftDown(_ index: Int) {
        let count = heap.count
        var parent = index
        let entry = heap[parent]
        while true {
            let first = parent << 2 + 1
            guard first < count else { break }
            var best = first
            let end = Swift.min(first + 4, count)
            var c = first + 1
            while c < end {
                if heap[c].precedes(heap[best]) { best = c }
                c += 1
            }
            guard heap[best].precedes(entry) else { break }
            heap[parent] = heap[best]
            parent = best
        }
        heap[parent] = entry
    }

    /// Checks the heap property: O(n), for tests (STYLE.md 9). Compiled in every configuration so
    /// that the tests also run against a release build; nothing on the hot path calls it.
    public func checkInvariants() -> Bool {
        for i in 1..<max(heap.count, 1) where heap[i].precedes(heap[(i - 1) >> 2]) { return false }
        return true
    }
}
