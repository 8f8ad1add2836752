import SimCore

/// A one-way message delay, as written in `network latency …` and `link … latency=…`.
/// Mirrors SimNetwork's `Latency` case for case.
public enum LatencySpec: Equatable, Sendable {
    /// `2ms`: always this long.
    case fixed(SimDuration)
    /// `1ms..5ms`: uniform over the closed interval.
    case uniform(SimDuration, SimDuration)
    /// `exponential min=1ms mean=5ms`: the minimum plus an exponential tail, with this mean
    /// overall.
    case exponential(minimum: SimDuration, mean: SimDuration)
}
