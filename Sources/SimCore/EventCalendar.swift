/// Events due a while ahead, held out of the event tree until their time comes near: the
/// simulator's second tier (`Simulator`).
///
/// A big swarm keeps tens of thousands of events waiting — every node's next heartbeat, every
/// dispatcher's expiry timer — each due seconds after it was scheduled. In the tree alone
/// (`EventTree`) each lies in a leaf of its own, written when it is scheduled and read when it
/// comes out, seconds and thousands of events later: by then its payload and the tree's nodes
/// around it have left the cache, and the run waits on memory for each. The calendar (a calendar
/// queue's ring of buckets: R. Brown, CACM 31(10), 1988) files such an event, once the tree holds
/// its limit (`Simulator.treeLimit`), by its due time into a bucket 2^27 ns (about 134 ms) wide, at
/// the bucket's end; when the tree's next event reaches a bucket's start, the bucket's events go
/// into the tree together, read in the order they were written, which the memory streams. The tree
/// then holds only the next moment's events, few enough to stay in the cache.
///
/// The calendar decides where an event waits, never its order: each event keeps the sequence
/// number it was scheduled under, and the tree orders by (time, sequence) as before. A run is the
/// same, event for event, with or without it.
///
/// Events due before `start` (the current bucket) or past the ring's span (`span`, about 34 s
/// ahead) go to the tree directly. Storage is owned outright, as the tree's is: no reference
/// count per operation, and a bucket keeps its capacity once grown.
@usableFromInline
struct EventCalendar<Payload>: ~Copyable {
    @usableFromInline struct Entry {
        @usableFromInline var time: Int64
        @usableFromInline var sequence: UInt64
        @usableFromInline var payload: Payload
        @inlinable init(time: Int64, sequence: UInt64, payload: consuming Payload) {
            self.time = time; self.sequence = sequence; self.payload = payload
        }
    }

    /// One bucket's events, in the order they were filed.
    @usableFromInline struct Bucket {
        @usableFromInline var entries: UnsafeMutablePointer<Entry>?
        @usableFromInline var count = 0
        @usableFromInline var capacity = 0
        @inlinable init() {}
    }

    /// A bucket is 2^shift ns wide.
    @inlinable static var shift: Int64 { 27 }
    /// Buckets in the ring: a power of two.
    @inlinable static var bucketCount: Int { 256 }
    /// How far past `start` the ring reaches.
    @inlinable static var span: Int64 { Int64(bucketCount) << shift }

    /// The bucket in the ring that an event due at `time` is filed in.
    @inlinable static func bucket(of time: Int64) -> Int {
        Int(truncatingIfNeeded: time >> shift) & (bucketCount &- 1)
    }

    @usableFromInline var buckets: UnsafeMutablePointer<Bucket>
    /// The start of the next bucket to go into the tree: every event held is due at or after
    /// it. `Int64.max` while the calendar is empty, so that the loop asks one comparison.
    @usableFromInline var start: Int64 = .max
    /// Events held.
    @usableFromInline var count = 0

    @inlinable init() {
        buckets = .allocate(capacity: Self.bucketCount)
        buckets.initialize(repeating: Bucket(), count: Self.bucketCount)
    }

    @inlinable deinit {
        for b in 0..<Self.bucketCount {
            if let entries = buckets[b].entries {
                entries.deinitialize(count: buckets[b].count)
                entries.deallocate()
            }
        }
        buckets.deallocate()
    }

    /// Whether an event due at `time`, scheduled at `now`, waits here: it is due in a later
    /// bucket than `now`'s and within the ring's span. An empty calendar starts its ring at the
    /// bucket after `now`'s.
    @inlinable @inline(__always)
    mutating func accepts(_ time: Int64, now: Int64) -> Bool {
        let first = count == 0 ? ((now >> Self.shift) &+ 1) << Self.shift : start
        guard time >= first && time &- first < Self.span else { return false }
        start = first
        return true
    }

    /// Files an event that `accepts` took.
    @inlinable @inline(__always)
    mutating func add(_ payload: consuming Payload, at time: Int64, sequence: UInt64) {
        let b = Self.bucket(of: time)
        if buckets[b].count == buckets[b].capacity { grow(b) }
        (buckets[b].entries.unsafelyUnwrapped + buckets[b].count).initialize(to: Entry(time: time, sequence: sequence, payload: payload))
        buckets[b].count &+= 1
        count &+= 1
    }

    @inlinable @inline(never)
    mutating func grow(_ b: Int) {
        let capacity = Swift.max(16, buckets[b].capacity &* 2)
        let entries = UnsafeMutablePointer<Entry>.allocate(capacity: capacity)
        if let old = buckets[b].entries {
            entries.moveInitialize(from: old, count: buckets[b].count)
            old.deallocate()
        }
        buckets[b].entries = entries
        buckets[b].capacity = capacity
    }

    /// Moves into `tree` every bucket that starts no later than the tree's next event (each
    /// one while the tree is empty), until the tree's next event comes before the calendar's
    /// first or the calendar is empty.
    @inlinable @inline(never)
    mutating func release(into tree: inout EventTree<Payload>) {
        while count > 0 && tree.nextTime >= start {
            let b = Self.bucket(of: start)
            let n = buckets[b].count
            if n > 0, let entries = buckets[b].entries {
                // Each payload moves from its entry to its leaf, where copying the entry out
                // would retain what the payload holds and release it again.
                for i in 0..<n {
                    let entry = entries + i
                    tree.insertExactly(movingFrom: &entry.pointee.payload, at: entry.pointee.time, sequence: entry.pointee.sequence)
                }
                buckets[b].count = 0
                count &-= n
            }
            start &+= 1 << Self.shift
        }
        if count == 0 { start = .max }
        tree.shrinkIfSparse()
    }

    /// Removes the event filed under `sequence`, if it is here; returns whether it was.
    /// - Complexity: O(n).
    @inlinable mutating func cancel(sequence: UInt64) -> Bool {
        for b in 0..<Self.bucketCount {
            guard let entries = buckets[b].entries else { continue }
            for i in 0..<buckets[b].count where entries[i].sequence == sequence {
                // A bucket's order is not the run's (the tree orders what it takes): the last
                // entry may fill the hole.
                let last = buckets[b].count &- 1
                let removed = (entries + i).move()
                if i != last { (entries + i).moveInitialize(from: entries + last, count: 1) }
                buckets[b].count = last
                count &-= 1
                if count == 0 { start = .max }
                withExtendedLifetime(removed) {}
                return true
            }
        }
        return false
    }

    /// Whether every event held is filed in its time's bucket, within the ring from `start`,
    /// and the count is right: O(n), for tests.
    func checkInvariants() -> Bool {
        var total = 0
        for b in 0..<Self.bucketCount {
            let n = buckets[b].count
            total += n
            guard n > 0, let entries = buckets[b].entries else { continue }
            for i in 0..<n {
                let t = entries[i].time
                if t < start || t - start >= Self.span { return false }
                if Self.bucket(of: t) != b { return false }
            }
        }
        return total == count && (count > 0 || start == .max)
    }
}
