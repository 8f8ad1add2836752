/// A priority queue of events ordered by (time, insertion sequence): among events due at the
/// same instant, the one scheduled first comes out first.
///
/// A value type with copy-on-write storage around an `EventTree` (a tournament tree; see
/// there). Cancelling removes the event at once.
public struct EventQueue<Payload> {
    @usableFromInline final class Storage {
        // Unchecked: each access starts and ends inside one method of EventQueue, which calls
        // nothing that could reach this queue again.
        @exclusivity(unchecked) @usableFromInline var tree: EventTree<Payload>
        @inlinable init(_ tree: consuming EventTree<Payload>) { self.tree = tree }
    }

    @usableFromInline var storage: Storage

    public init() { storage = Storage(EventTree()) }

    /// Makes the storage this value's own before a change.
    @inlinable mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&storage) { storage = Storage(storage.tree.copy()) }
    }

    /// Events waiting.
    @inlinable public var count: Int { storage.tree.count }
    @inlinable public var isEmpty: Bool { count == 0 }

    /// Adds an event due at `time`.
    /// - Complexity: O(log n)
    @inlinable @discardableResult
    public mutating func push(_ payload: consuming Payload, at time: SimTime) -> EventID {
        makeUnique()
        return storage.tree.push(payload, at: time)
    }

    /// Removes an event; it will never be popped. Cancelling an event that already ran or was
    /// cancelled does nothing.
    /// - Complexity: O(n) to find it, then O(log n)
    @inlinable public mutating func cancel(_ id: EventID) {
        makeUnique()
        storage.tree.cancel(id)
    }

    /// The time of the next live event, if any.
    @inlinable public mutating func peekTime() -> SimTime? {
        makeUnique()
        return storage.tree.peekTime()
    }

    /// Removes and returns the next live event.
    /// - Complexity: O(log n)
    @inlinable public mutating func pop() -> (time: SimTime, id: EventID, payload: Payload)? {
        makeUnique()
        return storage.tree.pop()
    }

    /// Checks the tree's invariants: O(n), for tests (STYLE.md 9). Compiled in every
    /// configuration so that the tests also run against a release build; nothing on the hot
    /// path calls it.
    public func checkInvariants() -> Bool { storage.tree.checkInvariants() }
}
