// Operations over every leaf of an `EventTree`, none of them on the hot path: growing and
// shrinking the tree, copying it, and checking it.

extension EventTree {
    /// Doubles the number of leaves; the new ones are free.
    @usableFromInline @inline(never)
    mutating func grow() { relocate(toLeaves: leafCount &* 2) }

    /// Halves the tree while its events fill an eighth of its leaves or fewer, moving them to
    /// the first leaves: a tree grown for a crowd that holds few events now walks paths as long
    /// as the crowd's, through nodes that have left the cache. Events keep their sequence
    /// numbers, so their order and IDs are unchanged. It ends between an eighth and a quarter
    /// full, so that growing (when full) and shrinking never follow each other closely.
    /// - Complexity: O(leaves) when it shrinks, O(1) otherwise; the calendar asks after each
    ///   bucket it releases.
    @inlinable mutating func shrinkIfSparse() {
        settle()
        guard leafCount > 64, occupied &* 8 <= leafCount else { return }
        var leaves = leafCount
        while leaves > 64 && occupied &* 8 <= leaves { leaves &>>= 1 }
        relocate(toLeaves: leaves)
    }

    /// Moves the events, in leaf order, to the first of `leaves` new leaves (at least as many
    /// as the events); the rest are free. A full tree's events keep their leaves. No leaf may
    /// be vacant.
    @usableFromInline @inline(never)
    mutating func relocate(toLeaves leaves: Int) {
        let newTimes = UnsafeMutablePointer<Int64>.allocate(capacity: leaves)
        let newLeaves = UnsafeMutablePointer<Int>.allocate(capacity: 2 * leaves)
        let newSequences = UnsafeMutablePointer<UInt64>.allocate(capacity: leaves)
        let newPayloads = UnsafeMutablePointer<Payload>.allocate(capacity: leaves)
        let newFree = UnsafeMutablePointer<Int>.allocate(capacity: leaves)
        newTimes.initialize(repeating: .max, count: leaves)
        newSequences.initialize(repeating: .max, count: leaves)
        var next = 0
        for leaf in 0..<leafCount where sequences[leaf] != .max {
            newTimes[next] = leafTimes[leaf]
            newSequences[next] = sequences[leaf]
            (newPayloads + next).moveInitialize(from: payloads + leaf, count: 1)
            next &+= 1
        }
        for leaf in 0..<leaves { newLeaves[leaves + leaf] = leaf }
        leafTimes.deallocate(); nodeLeaves.deallocate(); sequences.deallocate()
        payloads.deallocate(); freeLeaves.deallocate()
        leafTimes = newTimes; nodeLeaves = newLeaves; sequences = newSequences
        payloads = newPayloads; freeLeaves = newFree
        leafCount = leaves
        rebuildInnerNodes()
        freeCount = 0
        for leaf in (next..<leaves).reversed() { freeLeaves[freeCount] = leaf; freeCount += 1 }
    }

    /// An independent copy (for `EventQueue`'s copy-on-write).
    @usableFromInline func copy() -> EventTree<Payload> {
        var other = EventTree(leafCount: leafCount)
        other.leafTimes.update(from: leafTimes, count: leafCount)
        other.nodeLeaves.update(from: nodeLeaves, count: 2 * leafCount)
        other.sequences.update(from: sequences, count: leafCount)
        other.freeLeaves.update(from: freeLeaves, count: freeCount)
        let vacant = topVacant ? nodeLeaves[1] : -1
        for leaf in 0..<leafCount where sequences[leaf] != .max && leaf != vacant {
            (other.payloads + leaf).initialize(to: payloads[leaf])
        }
        other.freeCount = freeCount
        other.occupied = occupied
        other.nextSequence = nextSequence
        other.topVacant = topVacant
        return other
    }

    // MARK: Checks

    /// Whether every inner node holds the earlier of its children's winners, the leaves are
    /// numbered in order, and the free stack lists exactly the free leaves: O(n), for tests.
    func checkInvariants() -> Bool {
        for leaf in 0..<leafCount where nodeLeaves[leafCount + leaf] != leaf { return false }
        for node in 1..<leafCount {
            let left = nodeLeaves[node << 1], right = nodeLeaves[node << 1 + 1]
            let child = Self.precedes(leafTimes[right], sequences[right], leafTimes[left], sequences[left]) ? right : left
            // Compared by key: two free leaves tie, and either may be recorded.
            let winner = nodeLeaves[node]
            if leafTimes[winner] != leafTimes[child] || sequences[winner] != sequences[child] { return false }
        }
        var free = Set<Int>()
        for i in 0..<freeCount { free.insert(freeLeaves[i]) }
        let empty = (0..<leafCount).filter { sequences[$0] == .max }
        return free.count == freeCount && Set(empty) == free && occupied == leafCount - freeCount
    }
}
