// The ranking of nodes that already hold tasks of the group's service (or carry its failure
// penalty), as a binary min-heap on swarmkit's nodeLess order.

extension Scheduler {
    /// A min-heap of candidate nodes keyed by (failure penalty, tasks of the service, total
    /// tasks, node index): swarmkit's `nodeLess` with the node ID as the final tie-break.
    struct CandidateHeap: Sendable {
        /// One candidate; the key is two words compared lexicographically:
        /// `hi = penalty << 32 | serviceTasks`, `lo = totalTasks << 32 | node`.
        struct Entry: Sendable {
            var hi: UInt64
            var lo: UInt64

            init(penalty: Int, serviceTasks: Int, totalTasks: Int, node: Int) {
                hi = UInt64(clamping: min(penalty, Int(UInt32.max))) << 32 | UInt64(clamping: min(serviceTasks, Int(UInt32.max)))
                lo = UInt64(clamping: min(totalTasks, Int(UInt32.max))) << 32 | UInt64(truncatingIfNeeded: node)
            }

            @inline(__always) var node: Int { Int(truncatingIfNeeded: lo & 0xFFFF_FFFF) }

            @inline(__always) static func < (a: Entry, b: Entry) -> Bool {
                a.hi != b.hi ? a.hi < b.hi : a.lo < b.lo
            }
        }

        private(set) var entries: [Entry] = []

        var isEmpty: Bool { entries.isEmpty }
        var top: Entry? { entries.first }

        mutating func removeAll() { entries.removeAll(keepingCapacity: true) }

        /// Adds without restoring heap order; call `heapify()` after a run of these.
        mutating func appendUnordered(_ e: Entry) { entries.append(e) }

        /// Restores heap order. - Complexity: O(n).
        mutating func heapify() {
            var i = entries.count / 2 - 1
            while i >= 0 {
                siftDown(i)
                i -= 1
            }
        }

        /// - Complexity: O(log n).
        mutating func push(_ e: Entry) {
            entries.append(e)
            var child = entries.count - 1
            while child > 0 {
                let parent = (child - 1) >> 1
                if !(entries[child] < entries[parent]) { break }
                entries.swapAt(child, parent)
                child = parent
            }
        }

        /// Replaces the top with `e` (a worse or equal key) and restores order. - Complexity: O(log n).
        mutating func replaceTop(_ e: Entry) {
            entries[0] = e
            siftDown(0)
        }

        /// Removes the top. - Complexity: O(log n).
        mutating func popTop() {
            let last = entries.removeLast()
            if !entries.isEmpty {
                entries[0] = last
                siftDown(0)
            }
        }

        private mutating func siftDown(_ start: Int) {
            let n = entries.count
            var i = start
            let moving = entries[i]
            while true {
                let left = 2 * i + 1
                if left >= n { break }
                var best = left
                let right = left + 1
                if right < n && entries[right] < entries[left] { best = right }
                if !(entries[best] < moving) { break }
                entries[i] = entries[best]
                i = best
            }
            entries[i] = moving
        }
    }
}
