/// "Did you mean …?" suggestions: the closest candidate by Damerau–Levenshtein distance (the
/// optimal-string-alignment variant: insertions, deletions, substitutions and transpositions of
/// neighbours), or a candidate that the word begins.
public enum Suggestions {
    /// The largest distance still worth suggesting: 1 for words of up to 3 scalars (so `m9`
    /// suggests `m1` but `x` does not suggest `m1`), else 2.
    static func maxDistance(for word: String) -> Int {
        word.unicodeScalars.count <= 3 ? 1 : 2
    }

    /// The best candidate for `word`, or nil. Compares case-insensitively; prefers the smallest
    /// distance, then a prefix match (`part` → `partition`, for words of 3+ scalars), then the
    /// earlier candidate. Never suggests `word` itself.
    ///
    /// - Complexity: O(n·m) per candidate whose length is within the limit of `word`'s;
    ///   other candidates cost O(1), so a huge word is cheap.
    static func closest(to word: String, among candidates: [String]) -> String? {
        let target = Array(word.lowercased().unicodeScalars)
        let limit = maxDistance(for: word)
        var best: (candidate: String, distance: Int)?
        for candidate in candidates where candidate != word {
            let c = Array(candidate.lowercased().unicodeScalars)
            var d = Int.max
            if abs(c.count - target.count) <= limit {
                d = distance(target, c)
            }
            if d > limit, target.count >= 3, c.starts(with: target) {
                d = limit + 1   // a prefix match ranks after every close edit
            }
            guard d <= limit + 1 else { continue }
            if let current = best, current.distance <= d { continue }
            best = (candidate, d)
        }
        return best?.candidate
    }

    /// The optimal-string-alignment distance between `a` and `b`.
    /// - Complexity: O(a.count · b.count) time, O(b.count) space.
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var v = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    v = min(v, previous2[j - 2] + 1)
                }
                current[j] = v
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }

    /// `did you mean 'x'?` for the closest candidate, or nil.
    public static func hint(for word: String, among candidates: [String], format: (String) -> String = { "'\($0)'" }) -> String? {
        closest(to: word, among: candidates).map { "did you mean \(format($0))?" }
    }
}
