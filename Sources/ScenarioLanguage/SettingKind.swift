/// The kinds of setting values, each with its own syntax.
public enum SettingKind: Equatable, Sendable {
    /// A whole number from 0 to 2^64 − 1.
    case seed
    /// `2ms`, `1ms..5ms` or `exponential min=1ms mean=5ms`.
    case latency
    /// `1%`, `0.5%` or `0.01`, between 0 and 1.
    case probability
    /// A duration of zero or more (`500ms`).
    case duration
    /// A duration greater than zero.
    case positiveDuration
    /// A whole number of at least 1.
    case count
    /// `on` or `off`.
    case toggle
    /// `150ms..300ms` or `150ms` (in time), or `10..20` or `10` (in ticks).
    case timeoutRange
    /// `2ms` or `1ms..5ms`: a duration, or a range to draw one from.
    case durationRange
    /// One of the listed words.
    case choice([String])
}
