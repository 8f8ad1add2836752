import SimCore

/// A message on its way: who sent it, to whom, and which incarnation of the receiver it was sent
/// to. The shell schedules an envelope per delivery and, when it fires, asks
/// `Network.accepts(_:)` before handing `message` to the receiver.
public struct Envelope<Message> {
    public var from: HostID
    public var to: HostID
    /// The receiver's incarnation when the message was sent (`Network.incarnation(to)`).
    public var incarnation: UInt32
    public var message: Message

    @inlinable
    public init(from: HostID, to: HostID, incarnation: UInt32, message: Message) {
        self.from = from
        self.to = to
        self.incarnation = incarnation
        self.message = message
    }
}

extension Envelope: Equatable where Message: Equatable {}
extension Envelope: Sendable where Message: Sendable {}
