import SimCore

/// What the leader's orchestrators want done now: store commands to propose, in order, and
/// when to look again if nothing else changes before then.
public struct Plan: Equatable, Sendable {
    public var commands: [StoreCommand]
    /// The earliest future time a delay, a timeout or a monitoring period runs out; nil when
    /// only a change to the store can give the orchestrators something to do.
    public var wakeAt: SimTime?

    public init(commands: [StoreCommand] = [], wakeAt: SimTime? = nil) {
        self.commands = commands
        self.wakeAt = wakeAt
    }
}
