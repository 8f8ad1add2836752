import SimCore
import Orchestration

/// A host's moment: something that happens at an instant rather than lasting.
public struct HostEvent: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        case crashed, restarted, joined(NodeRole), left
    }
    public var time: SimTime
    public var lane: Int
    public var kind: Kind
}
