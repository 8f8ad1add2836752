import SimCore

/// A node's health as the leader's dispatcher last recorded it.
public enum NodeState: String, Sendable, Equatable {
    case unknown, down, ready, disconnected
    public var display: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
}
