/// The priority queue behind `EventQueue` and `Simulator`: events ordered by (time, insertion
/// sequence), so that among events due at the same instant the one scheduled first comes out
/// first.
///
/// A tournament tree (a winner tree; Knuth, TAOCP vol. 3, §5.4.1): each event sits in a leaf
/// of a complete binary tree, and each inner node records the leaf of the earliest event below
/// it, so the root names the next event. Times are stored once, by leaf: a node's time is its
/// leaf's, and a walk up a path writes one word per level. When a leaf changes, the nodes on
/// its path to the root are recomputed, one comparison with the sibling subtree's winner per
/// level and no choice among children, so the walk has a fixed length and no branch that
/// depends on the keys. Free leaves hold the latest possible key and wait on a stack.
///
/// The hold operation — take the next event, then schedule one — is the common case in a
/// simulation (a handler reschedules its timer, answers a message, …). `takeTop()` hands out
/// the root's event but leaves its leaf vacant; a `push` that follows reuses the leaf and walks
/// its path once (`replayNewest`), where a heap removes the top — a sift down several levels
/// with a choice among four children at each — and then inserts. Any other operation first
/// frees the vacant leaf (`settle()`). A push into a free leaf climbs only while it wins,
/// usually a level or two.
///
/// Storage is owned outright (the type is non-copyable): no reference count or copy-on-write
/// check per operation, raw pointers, no bounds checks, no allocation per event once grown, no
/// closure or existential call per comparison. Cancelling removes the event at once.
///
/// - Complexity: push, pop, take-then-push: O(log n) worst case, n being the most events that
///   waited at once (plus amortized O(1) for growing, as for an array); cancel: O(n) to find
///   the event, then O(log n).
@usableFromInline
struct EventTree<Payload>: ~Copyable {
    /// Leaf i: its event's time; `Int64.max` when the leaf is free.
    @usableFromInline var leafTimes: UnsafeMutablePointer<Int64>
    /// Node v, for v in 1 ..< 2·leafCount: the leaf (0 ..< leafCount) of the earliest event in
    /// its subtree. The leaves are the nodes leafCount ..< 2·leafCount, each naming itself.
    @usableFromInline var nodeLeaves: UnsafeMutablePointer<Int>
    /// Leaf i: its event's sequence number; `UInt64.max` when the leaf is free.
    @usableFromInline var sequences: UnsafeMutablePointer<UInt64>
    /// Leaf i: its event's payload (initialized only while the leaf holds an event).
    @usableFromInline var payloads: UnsafeMutablePointer<Payload>
    /// Free leaves, the next one to use last.
    @usableFromInline var freeLeaves: UnsafeMutablePointer<Int>
    @usableFromInline var freeCount: Int
    /// A power of two.
    @usableFromInline var leafCount: Int
    /// Leaves holding an event, the vacant one included.
    @usableFromInline var occupied: Int = 0
    @usableFromInline var nextSequence: UInt64 = 0
    /// The root's event was handed out by `takeTop()`: its leaf keeps its key (still the
    /// earliest) but no payload.
    @usableFromInline var topVacant = false

    @inlinable init(leafCount requested: Int = 64) {
        var leaves = 1
        while leaves < requested { leaves &<<= 1 }
        leafCount = leaves
        leafTimes = .allocate(capacity: leaves)
        nodeLeaves = .allocate(capacity: 2 * leaves)
        sequences = .allocate(capacity: leaves)
        payloads = .allocate(capacity: leaves)
        freeLeaves = .allocate(capacity: leaves)
        freeCount = 0
        leafTimes.initialize(repeating: .max, count: leaves)
        sequences.initialize(repeating: .max, count: leaves)
        for leaf in 0..<leaves { nodeLeaves[leaves + leaf] = leaf }
        rebuildInnerNodes()
        for leaf in (0..<leaves).reversed() { freeLeaves[freeCount] = leaf; freeCount += 1 }
    }

    @inlinable deinit {
        forEachPayload { $0.deinitialize(count: 1) }
        leafTimes.deallocate(); nodeLeaves.deallocate(); sequences.deallocate()
        payloads.deallocate(); freeLeaves.deallocate()
    }

    /// Calls `body` with the address of every initialized payload.
    @inlinable func forEachPayload(_ body: (UnsafeMutablePointer<Payload>) -> Void) {
        let vacant = topVacant ? nodeLeaves[1] : -1
        for leaf in 0..<leafCount where sequences[leaf] != .max && leaf != vacant { body(payloads + leaf) }
    }

    // MARK: Queries

    /// Events waiting.
    @inlinable var count: Int { occupied &- (topVacant ? 1 : 0) }

    /// The time of the next event in nanoseconds; `Int64.max` when there is none.
    @inlinable var nextTime: Int64 {
        mutating get {
            settle()
            return occupied > 0 ? leafTimes[nodeLeaves[1]] : .max
        }
    }

    /// The time of the next event, if any.
    @inlinable mutating func peekTime() -> SimTime? {
        let t = nextTime
        return occupied > 0 ? SimTime(nanoseconds: t) : nil
    }

    // MARK: Push and pop

    /// Adds an event due at `time`. If `takeTop()` left a leaf vacant, the event takes it.
    /// - Complexity: O(log n); amortized O(1) allocation.
    @inlinable @inline(__always)
    mutating func push(_ payload: consuming Payload, at time: SimTime) -> EventID {
        let sequence = nextSequence
        nextSequence &+= 1
        if topVacant {
            topVacant = false
            let leaf = nodeLeaves[1]
            sequences[leaf] = sequence
            (payloads + leaf).initialize(to: payload)
            replayNewest(from: leaf, time: time.nanoseconds)
        } else {
            insert(payload, at: time.nanoseconds, sequence: sequence)
        }
        return EventID(sequence: sequence)
    }

    /// Takes the next sequence number without an event: an event pushed later under it
    /// (`push(_:at:sequence:)`) comes out, among events due at the same instant, where it would
    /// have if it had been pushed now.
    @inlinable mutating func reserveSequence() -> UInt64 {
        defer { nextSequence &+= 1 }
        return nextSequence
    }

    /// Adds an event due at `time` under a sequence number taken by `reserveSequence()` (each
    /// used once).
    /// - Complexity: O(log n); amortized O(1) allocation.
    @inlinable mutating func push(_ payload: consuming Payload, at time: SimTime, sequence: UInt64) {
        settle()
        let leaf = occupyFreeLeaf(payload, sequence: sequence)
        leafTimes[leaf] = time.nanoseconds
        replayExactly(from: leaf)
    }

    /// Hands out the next event and leaves its leaf vacant until the next operation.
    /// - Complexity: O(1), plus O(log n) to free a leaf left vacant before.
    @inlinable @inline(__always)
    mutating func takeTop() -> (time: SimTime, id: EventID, payload: Payload)? {
        settle()
        guard occupied > 0 else { return nil }
        topVacant = true
        let leaf = nodeLeaves[1]
        return (SimTime(nanoseconds: leafTimes[leaf]), EventID(sequence: sequences[leaf]), (payloads + leaf).move())
    }

    /// Hands `body` the next event, without taking it.
    @inlinable mutating func peek(_ body: (borrowing Payload) -> Void) {
        settle()
        guard occupied > 0 else { return }
        body(payloads[nodeLeaves[1]])
    }

    /// Removes and returns the next event.
    /// - Complexity: O(log n)
    @inlinable mutating func pop() -> (time: SimTime, id: EventID, payload: Payload)? {
        let top = takeTop()
        settle()
        return top
    }

    /// Frees a leaf left vacant by `takeTop()`.
    @inlinable @inline(__always)
    mutating func settle() {
        if _slowPath(topVacant) { freeVacantLeaf() }
    }

    @inlinable @inline(never)
    mutating func freeVacantLeaf() {
        topVacant = false
        release(nodeLeaves[1])
    }

    /// Puts an event into a free leaf (growing the tree if there is none) and lets it climb
    /// while it is earlier than the winner of the node above.
    @inlinable @inline(never)
    mutating func insert(_ payload: consuming Payload, at time: Int64, sequence: UInt64) {
        let leaf = occupyFreeLeaf(payload, sequence: sequence)
        if _slowPath(time == .max) { leafTimes[leaf] = time; replayExactly(from: leaf); return }
        // The newest event loses every tie (its sequence number is the highest), and a free leaf
        // (time `.max`) never wins against it, so times alone decide. The leaf's own time is
        // written last: a node above that still names this leaf (a subtree of free leaves)
        // must read it as free.
        var node = leafCount &+ leaf
        while node > 1 {
            node &>>= 1
            guard time < leafTimes[nodeLeaves[node]] else { break }
            nodeLeaves[node] = leaf
        }
        leafTimes[leaf] = time
    }

    /// Moves an event scheduled earlier under `sequence` (any number not in the tree, older or
    /// newer than those there) from `payload` into a free leaf, and lets it climb while it comes
    /// before the winner of the node above, comparing (time, sequence). The calendar's buckets
    /// come in this way (`EventCalendar`).
    @inlinable
    mutating func insertExactly(movingFrom payload: UnsafeMutablePointer<Payload>, at time: Int64, sequence: UInt64) {
        settle()
        let leaf = takeFreeLeaf(sequence: sequence)
        (payloads + leaf).moveInitialize(from: payload, count: 1)
        // As in `insert` for the newest event: the leaf's own time is written last, and a node
        // above still naming it reads it as free.
        var node = leafCount &+ leaf
        while node > 1 {
            node &>>= 1
            let winner = nodeLeaves[node]
            guard Self.precedes(time, sequence, leafTimes[winner], sequences[winner]) else { break }
            nodeLeaves[node] = leaf
        }
        leafTimes[leaf] = time
    }

    /// Takes a free leaf (growing the tree if there is none) and puts the event's payload and
    /// sequence number in it; its time is the caller's to write.
    @inlinable @inline(__always)
    mutating func occupyFreeLeaf(_ payload: consuming Payload, sequence: UInt64) -> Int {
        let leaf = takeFreeLeaf(sequence: sequence)
        (payloads + leaf).initialize(to: payload)
        return leaf
    }

    /// Takes a free leaf (growing the tree if there is none) for the event under `sequence`;
    /// its payload and time are the caller's to write.
    @inlinable @inline(__always)
    mutating func takeFreeLeaf(sequence: UInt64) -> Int {
        if freeCount == 0 { grow() }
        freeCount &-= 1
        let leaf = freeLeaves[freeCount]
        occupied &+= 1
        sequences[leaf] = sequence
        return leaf
    }

    /// Empties `leaf` (whose payload has been moved out or destroyed) and puts it on the free
    /// stack.
    @inlinable @inline(never)
    mutating func release(_ leaf: Int) {
        occupied &-= 1
        sequences[leaf] = .max
        let times = leafTimes, leaves = nodeLeaves
        times[leaf] = .max
        var node = leafCount &+ leaf
        if node > 1 {
            // A free leaf comes after every event (and ties with other free leaves, either of
            // which may be recorded): each node on the path takes the best of the rest.
            var restLeaf = leaves[node ^ 1]
            var restTime = times[restLeaf]
            while true {
                node &>>= 1
                leaves[node] = restLeaf
                guard node > 1 else { break }
                let siblingLeaf = leaves[node ^ 1]
                let siblingTime = times[siblingLeaf]
                if _slowPath(siblingTime == restTime), !Self.bothFree(siblingLeaf, restLeaf, sequences) { replayExactly(from: leaf); break }
                let siblingWins = siblingTime < restTime
                restLeaf = siblingWins ? siblingLeaf : restLeaf
                restTime = siblingWins ? siblingTime : restTime
            }
        }
        freeLeaves[freeCount] = leaf
        freeCount &+= 1
    }

    // MARK: Cancel

    /// Removes an event; it will never be handed out. Cancelling an event that already ran or
    /// was cancelled does nothing. Returns whether the event was here.
    /// - Complexity: O(n) (a scan of the sequence numbers), then O(log n).
    @inlinable @discardableResult mutating func cancel(_ id: EventID) -> Bool {
        settle()
        guard id.sequence < nextSequence else { return false }
        for leaf in 0..<leafCount where sequences[leaf] == id.sequence {
            let payload = (payloads + leaf).move()
            release(leaf)
            withExtendedLifetime(payload) {}   // destroyed once the tree is consistent again
            return true
        }
        return false
    }

    // MARK: Replaying a path

    /// Puts the newest event's `time` into `leaf` and recomputes the winners on the path to the
    /// root.
    ///
    /// Node v on the path takes the earlier of the new event and the best of the rest: the
    /// earliest of the sibling subtrees' winners below v. That prefix minimum does not depend on
    /// the new time, so the processor computes it while the caller is still working the time
    /// out; the new time then meets each level in one step, not one level after another. The
    /// new event loses every tie, its sequence number being the highest. Times alone are
    /// compared, through conditional moves and no branch (either side wins half the time, which
    /// no predictor could guess); if two times of the rest are equal, or the new time is the
    /// end of time (a free leaf's), the path is replayed comparing sequence numbers instead.
    @inlinable @inline(__always)
    mutating func replayNewest(from leaf: Int, time: Int64) {
        let times = leafTimes, leaves = nodeLeaves
        times[leaf] = time
        var node = leafCount &+ leaf
        guard node > 1 else { return }
        if _slowPath(time == .max) { replayExactly(from: leaf); return }
        // The rest is tracked by its time and its leaf; each node on the path stores one word,
        // the leaf of the winner.
        var restLeaf = leaf ^ 1
        var restTime = times[restLeaf]
        node &>>= 1
        while true {
            leaves[node] = restTime <= time ? restLeaf : leaf
            guard node > 1 else { return }
            let siblingLeaf = leaves[node ^ 1]
            let siblingTime = times[siblingLeaf]
            if _slowPath(siblingTime == restTime), !Self.bothFree(siblingLeaf, restLeaf, sequences) { replayExactly(from: leaf); return }
            let siblingWins = siblingTime < restTime
            restLeaf = siblingWins ? siblingLeaf : restLeaf
            restTime = siblingWins ? siblingTime : restTime
            node &>>= 1
        }
    }

    /// Recomputes the winners on the path from `leaf` to the root, comparing (time, sequence):
    /// at each level, the earlier of the winner so far and the sibling subtree's winner.
    @inlinable @inline(never)
    mutating func replayExactly(from leaf: Int) {
        var node = leafCount &+ leaf
        var time = leafTimes[leaf], winner = leaf
        while node > 1 {
            let siblingLeaf = nodeLeaves[node ^ 1]
            let siblingTime = leafTimes[siblingLeaf]
            if Self.precedes(siblingTime, sequences[siblingLeaf], time, sequences[winner]) {
                time = siblingTime
                winner = siblingLeaf
            }
            node &>>= 1
            nodeLeaves[node] = winner
        }
    }

    /// Sets every inner node from its children, bottom up.
    @usableFromInline mutating func rebuildInnerNodes() {
        var node = leafCount &- 1
        while node >= 1 {
            let left = nodeLeaves[node &<< 1], right = nodeLeaves[node &<< 1 &+ 1]
            let rightWins = Self.precedes(leafTimes[right], sequences[right], leafTimes[left], sequences[left])
            nodeLeaves[node] = rightWins ? right : left
            node &-= 1
        }
    }

    // MARK: Order

    /// Whether two leaves that tie on time are both free: either may then stand for the two,
    /// and the path needs no exact replay. A tree grown for a crowd and holding few events now
    /// is mostly free leaves, and their ties would otherwise send every walk the slow way.
    @inlinable @inline(__always)
    static func bothFree(_ a: Int, _ b: Int, _ sequences: UnsafeMutablePointer<UInt64>) -> Bool {
        sequences[a] == .max && sequences[b] == .max
    }

    /// Whether (timeA, sequenceA) comes before (timeB, sequenceB).
    @inlinable @inline(__always)
    static func precedes(_ timeA: Int64, _ sequenceA: UInt64, _ timeB: Int64, _ sequenceB: UInt64) -> Bool {
        timeA < timeB || (timeA == timeB && sequenceA < sequenceB)
    }
}
