import SimCore

/// The behaviour of one direction of a link: how long a message takes, and how often one is lost
/// or arrives twice. A plain value, so a scenario's `network latency 1ms..5ms` or
/// `link m1 m2 loss=10%` is just an edit of one field.
public struct LinkProfile: Equatable, Sendable {
    /// The one-way delay. The default is a LAN: uniform between 200 µs and 1 ms.
    public var latency: Latency
    /// Probability in [0, 1] that a message is dropped on this link (values outside are clamped
    /// by the draw: ≤ 0 never drops, ≥ 1 always drops).
    public var loss: Double
    /// Probability in [0, 1] that a delivered message arrives twice (each copy with its own delay).
    public var duplication: Double

    public init(
        latency: Latency = .uniform(.microseconds(200), .milliseconds(1)),
        loss: Double = 0,
        duplication: Double = 0
    ) {
        self.latency = latency
        self.loss = loss
        self.duplication = duplication
    }

    /// A link that delivers every message once, after exactly `delay`: handy in tests.
    public static func perfect(_ delay: SimDuration) -> LinkProfile {
        LinkProfile(latency: .fixed(delay), loss: 0, duplication: 0)
    }
}
