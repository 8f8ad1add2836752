// Nodes bucketed by how many tasks they run, so that "the least loaded node that passes the
// filters" is a scan of a few bitsets instead of a sort of every node.

extension Scheduler {
    /// Every node, filed under its total task count: one bitset per distinct count, kept in
    /// ascending order. Scanning levels from the bottom, word by word, meets nodes in the ranking
    /// order of nodes that hold no task of the service being scheduled: fewer tasks first, then
    /// smaller index (node IDs are sorted, so index order is ID order).
    ///
    /// Bitsets live in one flat buffer, `wordCount` words per slot; emptied slots are reused.
    struct LoadLevels: Sendable {
        let wordCount: Int
        /// The total task count of each non-empty level, ascending.
        private(set) var totals: [Int] = []
        /// The storage slot of each level.
        private(set) var slots: [Int] = []
        /// How many nodes each level holds.
        private(set) var sizes: [Int] = []
        /// Slot `s` occupies `storage[s * wordCount ..< (s + 1) * wordCount]`.
        private(set) var storage: [UInt64] = []
        private var freeSlots: [Int] = []

        /// Levels for nodes whose total task counts are `nodeTotals` (index = node).
        init(nodeTotals: [Int], wordCount: Int) {
            self.wordCount = wordCount
            for (node, total) in nodeTotals.enumerated() { insert(node, total: total) }
        }

        /// Moves `node` from level `from` to level `to` (its total changed).
        /// - Complexity: O(log L + W) for L levels of W words, plus O(L) when a level appears
        ///   or empties.
        mutating func move(_ node: Int, from: Int, to: Int) {
            if from == to { return }
            remove(node, total: from)
            insert(node, total: to)
        }

        // MARK: Levels

        /// The position of the level for `total`, or where it would be inserted.
        private func position(of total: Int) -> (index: Int, found: Bool) {
            var lo = 0, hi = totals.count
            while lo < hi {
                let mid = (lo + hi) >> 1
                if totals[mid] < total { lo = mid + 1 } else { hi = mid }
            }
            return (lo, lo < totals.count && totals[lo] == total)
        }

        mutating func insert(_ node: Int, total: Int) {
            var (index, found) = position(of: total)
            if !found {
                let slot: Int
                if let reused = freeSlots.popLast() {
                    slot = reused
                } else {
                    slot = storage.count / max(wordCount, 1)
                    storage.append(contentsOf: repeatElement(0, count: wordCount))
                }
                totals.insert(total, at: index)
                slots.insert(slot, at: index)
                sizes.insert(0, at: index)
                found = true
            }
            storage[slots[index] * wordCount + node >> 6] |= 1 << UInt64(node & 63)
            sizes[index] += 1
        }

        mutating func remove(_ node: Int, total: Int) {
            let (index, found) = position(of: total)
            precondition(found, "LoadLevels: node \(node) is not at level \(total)")
            let word = slots[index] * wordCount + node >> 6
            let bit: UInt64 = 1 << UInt64(node & 63)
            precondition(storage[word] & bit != 0, "LoadLevels: node \(node) is not at level \(total)")
            storage[word] &= ~bit
            sizes[index] -= 1
            if sizes[index] == 0 {
                freeSlots.append(slots[index])
                totals.remove(at: index)
                slots.remove(at: index)
                sizes.remove(at: index)
            }
        }
    }
}
