import Testing
import SimCore
import SimNetwork

@Suite struct DeterminismTests {
    /// 2,000 transmissions over a four-host network with jitter, loss and duplication, one
    /// slow override and a cut, recorded in order.
    static func transmissions(seed: UInt64) -> [Transmission] {
        let link = LinkProfile(latency: .exponential(minimum: .milliseconds(1), mean: .milliseconds(4)), loss: 0.1, duplication: 0.05)
        var net = Network(hostCount: 4, defaultLink: link, random: SeededRandom(seed: seed))
        net.setLink(from: h(3), to: h(0), LinkProfile(latency: .uniform(.milliseconds(20), .milliseconds(40)), loss: 0.3))
        net.cut(from: h(1), to: h(2))
        var out: [Transmission] = []
        for i in 0..<2_000 { out.append(net.transmit(from: h(i % 4), to: h((i / 4) % 4))) }
        return out
    }

    @Test func theSameSeedGivesTheSameTransmissions() {
        let a = Self.transmissions(seed: 42), b = Self.transmissions(seed: 42)
        #expect(a == b)
        // The recording covers every kind of fate.
        #expect(a.contains(.dropped(.cut)))
        #expect(a.contains(.dropped(.loss)))
        #expect(a.contains { if case .duplicated = $0 { true } else { false } })
    }

    @Test func differentSeedsGiveDifferentTransmissions() {
        #expect(Self.transmissions(seed: 42) != Self.transmissions(seed: 43))
    }

    @Test func aCopiedNetworkForksItsStream() {
        var a = Network(hostCount: 2, random: SeededRandom(seed: 7))
        var b = a
        #expect(a.transmit(from: h(0), to: h(1)) == b.transmit(from: h(0), to: h(1)))
    }
}
