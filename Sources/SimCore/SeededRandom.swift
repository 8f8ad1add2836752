/// The one source of randomness in a run: xoshiro256** seeded through SplitMix64.
///
/// A run has one root seed. Each subsystem takes a child stream named by a label
/// (`root.child("network")`) or a number (`raftStreams.child(3)`); a child depends only on its
/// parent's seed and its label, never on how many draws the parent has made, so adding a draw
/// in one subsystem never shifts another's stream (DESIGN.md §2).
///
/// A value type: copying it forks the stream, which is what a test wants and a run never does.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    /// The seed this stream was made from (the root seed, or the derived seed of a child).
    public let seed: UInt64
    @usableFromInline var s0, s1, s2, s3: UInt64

    public init(seed: UInt64) {
        self.seed = seed
        var sm = seed
        s0 = Self.splitMix(&sm); s1 = Self.splitMix(&sm); s2 = Self.splitMix(&sm); s3 = Self.splitMix(&sm)
    }

    /// One SplitMix64 step: the standard way to spread a 64-bit seed over xoshiro's state.
    @inlinable static func splitMix(_ state: inout UInt64) -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    // MARK: Child streams

    /// An independent stream for a subsystem, derived from this stream's seed and `label`.
    public func child(_ label: String) -> SeededRandom {
        // FNV-1a over the label's UTF-8: stable across processes, unlike `hashValue`.
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in label.utf8 { h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return child(h)
    }

    /// An independent stream numbered `index` (one per node, per trial, …).
    public func child(_ index: UInt64) -> SeededRandom {
        var sm = seed ^ 0x6A09_E667_F3BC_C909
        _ = Self.splitMix(&sm)
        var mix = Self.splitMix(&sm) ^ index
        return SeededRandom(seed: Self.splitMix(&mix))
    }

    // MARK: Draws

    /// The next 64 random bits (xoshiro256**).
    @inlinable public mutating func next() -> UInt64 {
        let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
        let t = s1 << 17
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3
        s2 ^= t
        s3 = s3 << 45 | s3 >> 19
        return result
    }

    /// Uniform in [0, 1), with 53 bits of resolution.
    @inlinable public mutating func unitInterval() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// Uniform in `range`.
    @inlinable public mutating func uniform(_ range: Range<Double>) -> Double {
        range.lowerBound + unitInterval() * (range.upperBound - range.lowerBound)
    }

    /// Uniform integer in [0, bound), unbiased (Lemire's multiply-and-reject). `bound` > 0.
    @inlinable public mutating func below(_ bound: UInt64) -> UInt64 {
        precondition(bound > 0, "SeededRandom.below: bound must be positive")
        var m = next().multipliedFullWidth(by: bound)
        if m.low < bound {
            let threshold = (0 &- bound) % bound
            while m.low < threshold { m = next().multipliedFullWidth(by: bound) }
        }
        return m.high
    }

    /// Uniform integer in `range`.
    @inlinable public mutating func int(in range: ClosedRange<Int>) -> Int {
        let span = UInt64(bitPattern: Int64(range.upperBound &- range.lowerBound)) &+ 1
        if span == 0 { return Int(truncatingIfNeeded: next()) }   // the full 64-bit range
        return range.lowerBound &+ Int(truncatingIfNeeded: below(span))
    }

    /// Uniform integer in `range`.
    @inlinable public mutating func int(in range: Range<Int>) -> Int {
        precondition(!range.isEmpty, "SeededRandom.int(in:): empty range")
        return int(in: range.lowerBound...(range.upperBound - 1))
    }

    /// True with probability `p`.
    @inlinable public mutating func chance(_ p: Double) -> Bool {
        p > 0 && (p >= 1 || unitInterval() < p)
    }

    /// Exponentially distributed with the given mean (inverse transform).
    @inlinable public mutating func exponential(mean: Double) -> Double {
        // 1 − u lies in (0, 1], so the logarithm is finite.
        -mean * DeterministicMath.log(1 - unitInterval())
    }

    /// Normally distributed (Marsaglia's polar method; the spare value is discarded so that
    /// the stream's position never depends on an earlier call).
    public mutating func normal(mean: Double, standardDeviation: Double) -> Double {
        while true {
            let u = uniform(-1..<1), v = uniform(-1..<1)
            let s = u * u + v * v
            if s > 0 && s < 1 {
                return mean + standardDeviation * u * (-2 * DeterministicMath.log(s) / s).squareRoot()
            }
        }
    }

    /// A uniformly chosen element, or nil for an empty collection.
    public mutating func element<C: RandomAccessCollection>(of c: C) -> C.Element? where C.Index == Int {
        c.isEmpty ? nil : c[c.startIndex + Int(below(UInt64(c.count)))]
    }

    /// Fisher–Yates shuffle driven by this stream.
    public mutating func shuffle<T>(_ a: inout [T]) {
        guard a.count > 1 else { return }
        for i in stride(from: a.count - 1, to: 0, by: -1) {
            a.swapAt(i, Int(below(UInt64(i + 1))))
        }
    }
}
