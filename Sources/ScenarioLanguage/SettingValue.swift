import SimCore

/// A parsed setting value; its case matches the key's `kind`.
public enum SettingValue: Equatable, Sendable {
    case seed(UInt64)
    case latency(LatencySpec)
    /// A probability in [0, 1].
    case probability(Double)
    case duration(SimDuration)
    case count(Int)
    case toggle(Bool)
    case choice(String)
    /// A closed range of durations (equal bounds: a fixed duration).
    case durationRange(SimDuration, SimDuration)
    /// A closed range of Raft ticks (equal bounds: a fixed count).
    case tickRange(Int, Int)
}
