import SimCore

/// A Raft message between two managers, as the message trace records it: delivered at `time`
/// (or dropped there, by the network or by a receiver that was down). The report's step view
/// replays the messages of each statement's window between the managers on a ring.
public struct MessageMark: Equatable, Sendable {
    public var time: SimTime
    /// Lanes of the sender and the receiver.
    public var from: Int
    public var to: Int
    /// The Raft message kind as traces name it: `vote`, `voteResponse`, `append`, `heartbeat`, …
    public var kind: String
    public var dropped: Bool

    public init(time: SimTime, from: Int, to: Int, kind: String, dropped: Bool) {
        self.time = time
        self.from = from
        self.to = to
        self.kind = kind
        self.dropped = dropped
    }
}
