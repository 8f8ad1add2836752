import Testing
import SimCore
import SimNetwork

@Suite struct LinkTests {
    @Test func theDefaultLinkIsALan() {
        let lan = LinkProfile()
        #expect(lan.latency == .uniform(.microseconds(200), .milliseconds(1)))
        #expect(lan.loss == 0)
        #expect(lan.duplication == 0)
    }

    @Test func anOverrideAppliesToOneDirectionOnly() {
        var net = quietNetwork(3)
        net.setLink(from: h(0), to: h(1), .perfect(.milliseconds(50)))
        #expect(net.transmit(from: h(0), to: h(1)) == .delivered(.milliseconds(50)))
        #expect(net.transmit(from: h(1), to: h(0)) == .delivered(.milliseconds(1)))
        #expect(net.transmit(from: h(0), to: h(2)) == .delivered(.milliseconds(1)))
        #expect(net.link(from: h(0), to: h(1)) == .perfect(.milliseconds(50)))
        #expect(net.link(from: h(1), to: h(0)) == .perfect(.milliseconds(1)))
    }

    @Test func anOverrideCanBeReplacedAndCleared() {
        var net = quietNetwork(2)
        net.setLink(from: h(0), to: h(1), .perfect(.milliseconds(50)))
        net.setLink(from: h(0), to: h(1), .perfect(.milliseconds(60)))
        #expect(net.transmit(from: h(0), to: h(1)) == .delivered(.milliseconds(60)))
        net.setLink(from: h(0), to: h(1), nil)
        #expect(net.transmit(from: h(0), to: h(1)) == .delivered(.milliseconds(1)))
        #expect(net.linkOverrides.isEmpty)
        net.setLink(from: h(1), to: h(0), nil)   // clearing what is not there does nothing
        #expect(net.linkOverrides.isEmpty)
    }

    @Test func overridesFollowNoDefaultChangeButUnoverriddenLinksDo() {
        var net = quietNetwork(3)
        net.setLinks(between: h(0), and: h(2), .perfect(.milliseconds(30)))
        net.defaultLink = .perfect(.milliseconds(4))
        #expect(net.transmit(from: h(0), to: h(1)) == .delivered(.milliseconds(4)))
        #expect(net.transmit(from: h(2), to: h(0)) == .delivered(.milliseconds(30)))
        #expect(net.transmit(from: h(0), to: h(2)) == .delivered(.milliseconds(30)))
        #expect(net.linkOverrides.map { [$0.from.index, $0.to.index] } == [[0, 2], [2, 0]])
    }

    @Test func lossOneAlwaysDropsAndLossZeroNever() {
        var net = quietNetwork(2)
        net.setLink(from: h(0), to: h(1), LinkProfile(latency: .fixed(.milliseconds(1)), loss: 1))
        for _ in 0..<100 {
            #expect(net.transmit(from: h(0), to: h(1)) == .dropped(.loss))
            #expect(net.transmit(from: h(1), to: h(0)) == .delivered(.milliseconds(1)))
        }
    }

    @Test func lossRatioMatchesTheProfile() {
        let p = 0.1, n = 200_000
        var net = Network(hostCount: 2, defaultLink: LinkProfile(latency: .fixed(.zero), loss: p), random: SeededRandom(seed: 17))
        var lost = 0
        for _ in 0..<n {
            switch net.transmit(from: h(0), to: h(1)) {
            case .dropped(.loss): lost += 1
            case .delivered(.zero): break
            case let other: Issue.record("unexpected \(other)")
            }
        }
        #expect(within(Double(lost) / Double(n), of: p, standardError: binomialStandardError(p: p, n: n)))
    }

    @Test func duplicationRatioMatchesTheProfileAmongDeliveredMessages() {
        let loss = 0.25, dup = 0.05, n = 200_000
        let link = LinkProfile(latency: .uniform(.milliseconds(1), .milliseconds(2)), loss: loss, duplication: dup)
        var net = Network(hostCount: 2, defaultLink: link, random: SeededRandom(seed: 23))
        var lost = 0, once = 0, twice = 0
        for _ in 0..<n {
            switch net.transmit(from: h(0), to: h(1)) {
            case .dropped(let why):
                #expect(why == .loss)
                lost += 1
            case .delivered: once += 1
            case .duplicated(let a, let b):
                #expect(a >= .milliseconds(1) && a <= .milliseconds(2))
                #expect(b >= .milliseconds(1) && b <= .milliseconds(2))
                twice += 1
            }
        }
        #expect(lost + once + twice == n)
        #expect(within(Double(lost) / Double(n), of: loss, standardError: binomialStandardError(p: loss, n: n)))
        let delivered = once + twice
        #expect(within(Double(twice) / Double(delivered), of: dup, standardError: binomialStandardError(p: dup, n: delivered)))
    }

    @Test func copiesCountsArrivals() {
        #expect(Transmission.dropped(.loss).copies == 0)
        #expect(Transmission.delivered(.zero).copies == 1)
        #expect(Transmission.duplicated(.zero, .zero).copies == 2)
    }

    @Test func jitterReordersMessagesOnOneLink() {
        // Sent 1 µs apart on a 1–5 ms link, later messages sometimes arrive first.
        var net = Network(hostCount: 2, defaultLink: LinkProfile(latency: .uniform(.milliseconds(1), .milliseconds(5))), random: SeededRandom(seed: 3))
        var arrivals: [SimDuration] = []
        for i in 0..<100 {
            guard case .delivered(let d) = net.transmit(from: h(0), to: h(1)) else { Issue.record("not delivered"); return }
            arrivals.append(.microseconds(Int64(i)) + d)
        }
        #expect(arrivals != arrivals.sorted())
    }
}
