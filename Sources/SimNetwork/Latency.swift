import SimCore

/// How long a message takes on a link: a distribution of one-way delays.
///
/// Drawn in whole nanoseconds. Bounds given in the wrong order are read as (smaller, larger), and
/// negative durations count as zero, so any value a scenario can write gives a valid delay.
public enum Latency: Equatable, Sendable {
    /// Always exactly this long.
    case fixed(SimDuration)
    /// Uniform over the closed interval [lo, hi], to the nanosecond.
    case uniform(SimDuration, SimDuration)
    /// `minimum` plus an exponential delay of mean `mean − minimum`: a floor (the wire) and a
    /// long tail (queues), like TigerBeetle's packet simulator's "one-way delay min/mean".
    /// A mean at or below the minimum gives the minimum.
    case exponential(minimum: SimDuration, mean: SimDuration)

    // MARK: Sampling

    /// One delay drawn from this distribution. Draws nothing for `.fixed`, one 64-bit value
    /// (occasionally more, to stay unbiased) for `.uniform`, one for `.exponential`.
    /// - Complexity: O(1), no allocation.
    @inlinable
    public func sample(_ rng: inout SeededRandom) -> SimDuration {
        switch self {
        case .fixed(let d):
            return Self.clamped(d.nanoseconds)
        case .uniform(let a, let b):
            let lo = max(0, min(a.nanoseconds, b.nanoseconds))
            let hi = max(0, max(a.nanoseconds, b.nanoseconds))
            guard hi > lo else { return SimDuration(nanoseconds: lo) }
            // Both bounds are ≥ 0, so the span plus one fits in UInt64.
            let offset = rng.below(UInt64(hi - lo) + 1)
            return SimDuration(nanoseconds: lo + Int64(offset))
        case .exponential(let minimum, let mean):
            let floor = max(0, minimum.nanoseconds)
            let tailMean = mean.nanoseconds - floor
            guard tailMean > 0 else { return SimDuration(nanoseconds: floor) }
            let tail = rng.exponential(mean: Double(tailMean)).rounded()
            // The draw is below 37 means (53-bit uniforms); saturate rather than trap anyway.
            guard tail < Double(Int64.max - floor) else { return SimDuration(nanoseconds: .max) }
            return SimDuration(nanoseconds: floor + Int64(tail))
        }
    }

    @inlinable static func clamped(_ ns: Int64) -> SimDuration { SimDuration(nanoseconds: max(0, ns)) }

    // MARK: Description

    /// The expected delay of this distribution (exact for `.fixed` and `.uniform`, in whole
    /// nanoseconds rounded down for `.uniform` with an odd span).
    public var mean: SimDuration {
        switch self {
        case .fixed(let d):
            return Self.clamped(d.nanoseconds)
        case .uniform(let a, let b):
            let lo = max(0, min(a.nanoseconds, b.nanoseconds)), hi = max(0, max(a.nanoseconds, b.nanoseconds))
            return SimDuration(nanoseconds: lo + (hi - lo) / 2)
        case .exponential(let minimum, let mean):
            return SimDuration(nanoseconds: max(max(0, minimum.nanoseconds), mean.nanoseconds))
        }
    }

    /// The smallest delay this distribution can give.
    public var minimum: SimDuration {
        switch self {
        case .fixed(let d): return Self.clamped(d.nanoseconds)
        case .uniform(let a, let b): return Self.clamped(min(a.nanoseconds, b.nanoseconds))
        case .exponential(let minimum, _): return Self.clamped(minimum.nanoseconds)
        }
    }
}

extension Latency: CustomStringConvertible {
    /// As a scenario writes it: `1ms`, `1ms..5ms`, `exp(min 1ms, mean 3ms)`.
    public var description: String {
        switch self {
        case .fixed(let d): return d.description
        case .uniform(let lo, let hi): return "\(lo)..\(hi)"
        case .exponential(let minimum, let mean): return "exp(min \(minimum), mean \(mean))"
        }
    }
}
