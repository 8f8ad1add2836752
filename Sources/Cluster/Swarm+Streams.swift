import SimCore
import SimNetwork

/// Messages that real Swarm sends on a long-lived TCP stream with no retry of its own above it:
/// the dispatcher's assignments (the agent's session stream) and routing-mesh updates. TCP
/// retransmits what the link loses, so such a message is late, not lost, unless the connection
/// itself breaks (a partition, a cut, a crash), after which a new session resends everything.
///
/// The retransmissions' fate is drawn when the message is sent, at the link's loss rate then; a
/// real connection would deliver at its next retransmission once the link recovers. So the
/// model does not hold later messages behind a lost one (TCP's head-of-line blocking): a message
/// sent after the link healed arrives on time. Order is kept above the stream instead: every
/// assignment set and mesh update carries the leader's term and applied index
/// (`LeaderStamp`), and a node ignores one older than what it has taken, as swarmkit's
/// ordered stream would never show it.
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
        case .delivered(let d): return .delivered(waited + d)
        case .duplicated(let a, let b): return .duplicated(waited + a, waited + b)
        }
    }
}

extension WireMessage {
    /// Whether this message travels on a stream that TCP makes reliable (see above).
    var isStream: Bool {
        switch self {
        case .assignments, .mesh: true
        // Gossip goes over UDP (memberlist); a node it misses is repaired later.
        case .raft, .raftMemberRemoved, .call, .reply, .meshNodeLeft, .meshRequest, .meshResponse: false
        }
    }
}
