/// The identity of a scheduled event: its insertion sequence number. Used to cancel it.
public struct EventID: Hashable, Comparable, Sendable {
    public let sequence: UInt64
    @inlinable public init(sequence: UInt64) { self.sequence = sequence }
    @inlinable public static func < (a: EventID, b: EventID) -> Bool { a.sequence < b.sequence }
}

/// A priority queue of events ordered by (time, insertion sequence): among events due at the
/// same instant, the one scheduled first comes out first.
///
/// A value type with copy-on-write storage around an `EventHeap` (a 4-ary heap in parallel
/// arrays; see there). Cancelled events are marked and skipped when they reach the top.
public struct EventQueue<Payload> {
    @usableFromInline final class Storage {
        // Unchecked: each access starts and ends inside one method of EventQueue, which calls
        // nothing that could reach this queue again.
        @exclusivity(unchecked) @usableFromInline var heap: EventHeap<Payload>
        @inlinable init(_ heap: consuming EventHeap<Payload>) { self.heap = heap }
    }

    @usableFromInline var storage: Storage

    public init() { storage = Storage(EventHeap()) }

    /// Makes the storage this value's own before a change.
    @inlinable mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&storage) { storage = Storage(storage.heap.copy()) }
    }

    /// Events waiting, not counting cancelled ones.
    @inlinable public var count: Int { storage.heap.count }
    @inlinable public var isEmpty: Bool { count == 0 }

    /// Adds an event due at `time`.
    /// - Complexity: O(log n)
    @inlinable @discardableResult
    public mutating func push(_ payload: Payload, at time: SimTime) -> EventID {
        makeUnique()
        return storage.heap.push(payload, at: time)
    }

    /// Marks an event as cancelled; it will never be popped. Cancelling an event that already
    /// ran or was cancelled does nothing.
    /// - Complexity: O(n)
    public mutating func cancel(_ id: EventID) {
        makeUnique()
        storage.heap.cancel(id)
    }

    /// The time of the next live event, if any.
    @inlinable public mutating func peekTime() -> SimTime? {
        makeUnique()
        return storage.heap.peekTime()
    }

    /// Removes and returns the next live event.
    /// - Complexity: O(log n), plus O(log n) per cancelled event skipped
    @inlinable public mutating func pop() -> (time: SimTime, id: EventID, payload: Payload)? {
        makeUnique()
        return storage.heap.pop()
    }

    /// Checks the heap property: O(n), for tests (STYLE.md 9). Compiled in every configuration so
    /// that the tests also run against a release build; nothing on the hot path calls it.
    public func checkInvariants() -> Bool { storage.heap.checkInvariants() }
}
