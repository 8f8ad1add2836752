import SimCore

/// The fate of one message, decided when it is sent.
public enum Transmission: Equatable, Sendable {
    /// Never arrives.
    case dropped(DropReason)
    /// Arrives once, after this delay.
    case delivered(SimDuration)
    /// Arrives twice, after each of these delays (in the order drawn, not sorted).
    case duplicated(SimDuration, SimDuration)

    /// How many copies arrive: 0, 1 or 2.
    @inlinable public var copies: Int {
        switch self {
        case .dropped: return 0
        case .delivered: return 1
        case .duplicated: return 2
        }
    }
}
