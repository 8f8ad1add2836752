/// A set of taken positions 0..<count that finds the first free position at or after any
/// position in O(log₆₄ count): a 64-ary tree of bit words, where a bit one level up says "the
/// word below is full". libnetwork's IPAM keeps a run-length bitmap (bitseq) for the same job.
///
/// Positions past `count` in the last word are marked taken, so searches never return them.
///
/// - Complexity: `set`, `clear` and `firstFree(from:)` are O(log₆₄ count); `init` is O(count / 64).
struct OccupancyBitmap: Equatable, Sendable {
    let count: Int
    /// levels[0]: one bit per position (1: taken). levels[k + 1]: one bit per word of levels[k]
    /// (1: that word is full). The last level has one word.
    private var levels: [[UInt64]]

    init(count: Int) {
        precondition(count >= 0, "OccupancyBitmap: negative count")
        self.count = count
        var levels: [[UInt64]] = []
        var bits = Swift.max(count, 1)
        var level = Self.words(covering: bits, present: count)
        levels.append(level)
        while level.count > 1 {
            let children = level
            bits = children.count
            // Bits for words that do not exist count as full.
            level = Self.words(covering: bits, present: bits)
            for (i, w) in children.enumerated() where w == .max { level[i >> 6] |= 1 << UInt64(i & 63) }
            levels.append(level)
        }
        self.levels = levels
    }

    /// Words for `bits` positions, with positions at and past `present` marked taken.
    private static func words(covering bits: Int, present: Int) -> [UInt64] {
        var words = [UInt64](repeating: 0, count: (bits + 63) >> 6)
        var i = present
        while i < words.count << 6 {
            if i & 63 == 0 { words[i >> 6] = .max; i += 64 } else { words[i >> 6] |= 1 << UInt64(i & 63); i += 1 }
        }
        return words
    }

    func isTaken(_ position: Int) -> Bool {
        guard position >= 0, position < count else { return true }
        return levels[0][position >> 6] & (1 << UInt64(position & 63)) != 0
    }

    /// Marks `position` taken.
    mutating func set(_ position: Int) {
        precondition(position >= 0 && position < count, "OccupancyBitmap.set: \(position) outside 0..<\(count)")
        var index = position
        for level in levels.indices {
            let w = index >> 6
            let wasFull = levels[level][w] == .max
            levels[level][w] |= 1 << UInt64(index & 63)
            if wasFull || levels[level][w] != .max { return }
            index = w   // this word just filled: mark it in the level above
        }
    }

    /// Marks `position` free.
    mutating func clear(_ position: Int) {
        precondition(position >= 0 && position < count, "OccupancyBitmap.clear: \(position) outside 0..<\(count)")
        var index = position
        for level in levels.indices {
            let w = index >> 6
            let wasFull = levels[level][w] == .max
            levels[level][w] &= ~(1 << UInt64(index & 63))
            if !wasFull { return }
            index = w   // this word was full and is not any more
        }
    }

    /// The smallest free position ≥ `start`, or nil.
    func firstFree(from start: Int) -> Int? {
        guard start < count else { return nil }
        guard let p = firstClear(level: 0, from: Swift.max(start, 0)) else { return nil }
        return p < count ? p : nil
    }

    private func firstClear(level: Int, from i: Int) -> Int? {
        let words = levels[level]
        let w = i >> 6
        guard w < words.count else { return nil }
        let below: UInt64 = i & 63 == 0 ? 0 : (1 << UInt64(i & 63)) &- 1
        let masked = words[w] | below
        if masked != .max { return w << 6 | (~masked).trailingZeroBitCount }
        // The rest of word w is taken: find the next word of this level that is not full.
        guard level + 1 < levels.count, let next = firstClear(level: level + 1, from: w + 1) else { return nil }
        return next << 6 | (~words[next]).trailingZeroBitCount
    }
}
