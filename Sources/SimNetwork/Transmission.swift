import SimCore

/// Why the network dropped a message. Checked in this order; the first that applies wins.
public enum DropReason: String, Sendable, CaseIterable {
    /// The sender is crashed.
    case senderDown
    /// The receiver is crashed (at sending time), or restarted since (at delivery time).
    case receiverDown
    /// Sender and receiver are in different partition groups (or one of them is isolated).
    case partitioned
    /// The direction sender → receiver is cut.
    case cut
    /// The link lost it (`LinkProfile.loss`).
    case loss
}

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
