/// A change to the link between two hosts.
public struct LinkChange: Equatable, Sendable {
    public var from: String
    public var to: String
    /// True for `link a b …` (both directions), false for `link a -> b …` (a to b only).
    public var bothDirections: Bool
    public var action: Action

    public enum Action: Equatable, Sendable {
        /// Set the given properties; those not given keep their current value.
        case set(LinkProperties)
        /// `reset`: back to the network-wide defaults.
        case reset
    }

    public init(from: String, to: String, bothDirections: Bool, action: Action) {
        self.from = from
        self.to = to
        self.bothDirections = bothDirections
        self.action = action
    }
}
