import SimCore
import SimNetwork

/// Messages that real Swarm sends on a long-lived TCP stream with no retry of its own above it:
/// the dispatcher's assignments (the agent's session stream) and routing-mesh updates. TCP
/// retransmits what the link loses, so such a message is late, not lost, unless the connection
/// itself breaks (a partition, a cut, a crash), after which a new session resends everything.
/// And a stream delivers in order: an older assignment set never overtakes a newer one.
extension Swarm {
    /// Linux's minimum retransmission timeout (TCP_RTO_MIN, 200 ms), doubled at each retry.
    static let streamRetransmitTimeout = SimDuration.milliseconds(200)
    /// Retries before the connection gives up (Linux net.ipv4.tcp_retries2 = 15).
    static let streamRetransmissions = 15

    /// The fate of `message` from `from` to `to`: for a stream message that the link loses, the
    /// retransmissions' fate, later by their timeouts. Other messages are sent once. Draws
    /// nothing more from the network's random stream unless a stream message is lost.
    func transmission(of message: WireMessage, from: HostID, to: HostID) -> Transmission {
        var fate = network.transmit(from: from, to: to)
        guard message.isStream else { return fate }
        var waited = SimDuration.zero
        var attempt = 0
        while case .dropped(.loss) = fate, attempt < Self.streamRetransmissions {
            waited += Self.streamRetransmitTimeout * Int64(1 << min(attempt, 6))
            attempt += 1
            fate = network.transmit(from: from, to: to)
        }
        switch fate {
        case .dropped: return fate
        case .delivered(let d): return .delivered(inOrder(waited + d, from: from, to: to))
        case .duplicated(let a, let b):
            let first = inOrder(waited + a, from: from, to: to)
            return .duplicated(first, inOrder(waited + b, from: from, to: to))
        }
    }

    /// A stream delivers in order: a message sent after another arrives no earlier than it.
    /// Returns the delay that keeps `from` → `to` in order, and remembers the arrival.
    func inOrder(_ delay: SimDuration, from: HostID, to: HostID) -> SimDuration {
        let key = from.index << 32 | to.index
        let arrival = max(now + delay, streamArrivals[key] ?? .zero)
        streamArrivals[key] = arrival
        return arrival - now
    }
}

extension WireMessage {
    /// Whether this message travels on a stream that TCP makes reliable (see above).
    var isStream: Bool {
        switch self {
        case .assignments, .mesh: true
        // Gossip goes over UDP (memberlist); a node it misses is repaired later.
        case .raft, .call, .reply, .meshNodeLeft, .meshRequest, .meshResponse: false
        }
    }
}
