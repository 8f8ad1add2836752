import SimCore

/// A message in flight.
struct Envelope {
    var from: HostID
    var to: HostID
    /// The receiver's incarnation when the message was sent; a restart voids it.
    var incarnation: UInt32
    var message: WireMessage
}
