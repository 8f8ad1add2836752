// A set of nodes by dense index, one bit each: the scheduler's masks (nodes passing the
// node-only filters, nodes of a spread branch, nodes holding the group's service).

extension Scheduler {
    /// A fixed-capacity bitset over node indices `0..<capacity`.
    struct NodeBitset: Hashable, Sendable {
        var words: [UInt64]

        /// An empty set for `capacity` nodes.
        init(capacity: Int) {
            words = [UInt64](repeating: 0, count: (capacity + 63) >> 6)
        }

        /// The set of `members`, for `capacity` nodes.
        init<S: Sequence>(capacity: Int, members: S) where S.Element == Int {
            self.init(capacity: capacity)
            for i in members { insert(i) }
        }

        @inline(__always) func contains(_ i: Int) -> Bool { words[i >> 6] & (1 << UInt64(i & 63)) != 0 }
        @inline(__always) mutating func insert(_ i: Int) { words[i >> 6] |= 1 << UInt64(i & 63) }
        @inline(__always) mutating func remove(_ i: Int) { words[i >> 6] &= ~(1 << UInt64(i & 63)) }

        /// Number of members.
        var count: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }
    }
}
