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
