import Testing
import SimCore
import SimNetwork

@Suite struct CrashTests {
    @Test func aCrashedHostNeitherSendsNorReceives() {
        var net = quietNetwork(3)
        net.crash(h(1))
        #expect(!net.isUp(h(1)))
        #expect(net.transmit(from: h(1), to: h(0)) == .dropped(.senderDown))
        #expect(net.transmit(from: h(0), to: h(1)) == .dropped(.receiverDown))
        #expect(net.transmit(from: h(0), to: h(2)) == .delivered(.milliseconds(1)))
        #expect(!net.canSend(from: h(0), to: h(1)))
        #expect(!net.canSend(from: h(1), to: h(2)))
    }

    @Test func restartBringsAHostBackInANewIncarnation() {
        var net = quietNetwork(2)
        #expect(net.incarnation(h(1)) == 0)
        net.crash(h(1))
        net.crash(h(1))   // crashing a crashed host does nothing
        #expect(net.incarnation(h(1)) == 0)
        net.restart(h(1))
        #expect(net.isUp(h(1)))
        #expect(net.incarnation(h(1)) == 1)
        #expect(net.transmit(from: h(0), to: h(1)) == .delivered(.milliseconds(1)))
        net.restart(h(1))   // a reboot of a running host is also a new incarnation
        #expect(net.incarnation(h(1)) == 2)
        #expect(net.incarnation(h(0)) == 0)
    }

    @Test func aMessageInFlightToAHostThatRestartsIsVoid() {
        var net = quietNetwork(2)
        let sent = Envelope(from: h(0), to: h(1), incarnation: net.incarnation(h(1)), message: "append")
        #expect(net.transmit(from: h(0), to: h(1)) == .delivered(.milliseconds(1)))
        net.crash(h(1))
        #expect(!net.accepts(sent))                 // receiver down
        net.restart(h(1))
        #expect(!net.accepts(sent))                 // up again, but a newer incarnation
        let resent = Envelope(from: h(0), to: h(1), incarnation: net.incarnation(h(1)), message: "append")
        #expect(net.accepts(resent))
        #expect(net.accepts(from: h(0), to: h(1), sentToIncarnation: 1))
        #expect(!net.accepts(from: h(0), to: h(1), sentToIncarnation: 0))
    }

    @Test func aMessageInFlightSurvivesItsSendersCrash() {
        var net = quietNetwork(2)
        let sent = Envelope(from: h(0), to: h(1), incarnation: net.incarnation(h(1)), message: 7)
        net.crash(h(0))
        #expect(net.accepts(sent))
    }

    @Test func aMessageInFlightIsDroppedWhenItsLinkClosesAndKeptWhenItReopens() {
        var net = quietNetwork(3)
        let sent = Envelope(from: h(0), to: h(1), incarnation: 0, message: 1)
        net.partition([hosts(0), hosts(1, 2)])
        #expect(!net.accepts(sent))
        net.heal()
        #expect(net.accepts(sent))
        net.cut(from: h(0), to: h(1))
        #expect(!net.accepts(sent))
        #expect(net.accepts(Envelope(from: h(1), to: h(0), incarnation: 0, message: 1)))
        net.heal()
        net.isolate(h(1))
        #expect(!net.accepts(sent))
    }

    @Test func faultDropsDrawNoRandomness() {
        // Two networks with one seed; one sees extra dropped messages first. Their later
        // deliveries must match draw for draw.
        let link = LinkProfile(latency: .uniform(.milliseconds(1), .milliseconds(9)), loss: 0.2, duplication: 0.1)
        var a = Network(hostCount: 3, defaultLink: link, random: SeededRandom(seed: 5))
        var b = a
        b.crash(h(2))
        b.cut(from: h(1), to: h(0))
        #expect(b.transmit(from: h(0), to: h(2)) == .dropped(.receiverDown))
        #expect(b.transmit(from: h(2), to: h(0)) == .dropped(.senderDown))
        #expect(b.transmit(from: h(1), to: h(0)) == .dropped(.cut))
        b.partition([hosts(0), hosts(1)])
        #expect(b.transmit(from: h(0), to: h(1)) == .dropped(.partitioned))
        b.heal()
        let fromA = (0..<200).map { _ in a.transmit(from: h(0), to: h(1)) }
        let fromB = (0..<200).map { _ in b.transmit(from: h(0), to: h(1)) }
        #expect(fromA == fromB)
    }
}
