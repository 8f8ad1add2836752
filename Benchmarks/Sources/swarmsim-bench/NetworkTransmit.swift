import SimCore
import SimNetwork

/// `network-transmit`: the cost of deciding one message's fate, the network's hot path.
let networkTransmit = Workload(
    name: "network-transmit",
    summary: "SimNetwork.transmit on 16 hosts, LAN latency, 1% loss, 0.5% duplication, one cut; 10,000,000 messages"
) {
    let messages = 10_000_000, repeats = 3
    var delivered = 0
    let timing = bestOf(repeats) { delivered = transmitMany(messages, seed: 1) }
    return [BenchResult(
        name: "network-transmit", value: Double(messages) / timing.best, unit: "messages/s",
        details: [
            ("delivered copies", fixed(Double(delivered), decimals: 0)),
            ("runs (s)", timing.all.map(formatSeconds).joined(separator: " ")),
        ])]
}

/// Sends `count` messages round-robin over every ordered pair of 16 hosts; returns the number
/// of copies delivered.
func transmitMany(_ count: Int, seed: UInt64) -> Int {
    let hostCount = 16
    var network = Network(hostCount: hostCount,
                          defaultLink: LinkProfile(loss: 0.01, duplication: 0.005),
                          random: SeededRandom(seed: seed))
    network.cut(from: HostID(3), to: HostID(4))
    var copies = 0
    var from = 0, to = 1
    for _ in 0..<count {
        copies &+= network.transmit(from: HostID(from), to: HostID(to)).copies
        to += 1
        if to == hostCount { to = 0; from = (from + 1) % hostCount }
    }
    return copies
}
