import Testing
import SimCore
import SimNetwork

@Suite struct PartitionTests {
    @Test func unpartitionedNetworkIsOneGroup() {
        let net = quietNetwork(3)
        #expect(net.groups == [hosts(0, 1, 2)])
        #expect(net.canSend(from: h(0), to: h(2)))
        #expect(Network(random: SeededRandom(seed: 1)).groups == [])
    }

    @Test func hostsInDifferentGroupsCannotTalk() {
        var net = quietNetwork(4)
        net.partition([hosts(0, 1), hosts(2, 3)])
        #expect(net.transmit(from: h(0), to: h(1)) == .delivered(.milliseconds(1)))
        #expect(net.transmit(from: h(2), to: h(3)) == .delivered(.milliseconds(1)))
        #expect(net.transmit(from: h(0), to: h(2)) == .dropped(.partitioned))
        #expect(net.transmit(from: h(3), to: h(1)) == .dropped(.partitioned))
        #expect(!net.canSend(from: h(1), to: h(2)))
        #expect(net.sameGroup(h(2), h(3)))
        #expect(!net.sameGroup(h(0), h(3)))
    }

    @Test func unlistedHostsJoinTheFirstGroup() {
        var net = quietNetwork(5)
        net.partition([hosts(3, 1), hosts(0, 2)])
        // Each group sorted; groups ordered by their first host.
        #expect(net.groups == [hosts(0, 2), hosts(1, 3, 4)])
        #expect(net.canSend(from: h(4), to: h(1)))
        #expect(!net.canSend(from: h(4), to: h(0)))
    }

    @Test func aHostListedTwiceStaysInTheFirstGroupListingIt() {
        var net = quietNetwork(3)
        net.partition([hosts(0, 1), hosts(1, 2)])
        #expect(net.groups == [hosts(0, 1), hosts(2)])
    }

    @Test func partitionReplacesTheEarlierOne() {
        var net = quietNetwork(3)
        net.partition([hosts(0), hosts(1), hosts(2)])
        #expect(net.groups == [hosts(0), hosts(1), hosts(2)])
        net.partition([hosts(0, 1), hosts(2)])
        #expect(net.groups == [hosts(0, 1), hosts(2)])
        #expect(net.canSend(from: h(0), to: h(1)))
        net.partition([])
        #expect(net.groups == [hosts(0, 1, 2)])
    }

    @Test func partitionAlsoReplacesIsolation() {
        var net = quietNetwork(3)
        net.isolate(h(1))
        net.partition([hosts(0, 1), hosts(2)])
        #expect(net.canSend(from: h(0), to: h(1)))
        #expect(net.groups == [hosts(0, 1), hosts(2)])
    }

    @Test func isolateWorksOnTopOfThePartition() {
        var net = quietNetwork(5)
        net.partition([hosts(0, 1, 2), hosts(3, 4)])
        net.isolate(h(1))
        #expect(net.groups == [hosts(0, 2), hosts(1), hosts(3, 4)])
        #expect(net.transmit(from: h(0), to: h(1)) == .dropped(.partitioned))
        #expect(net.transmit(from: h(1), to: h(0)) == .dropped(.partitioned))
        #expect(net.transmit(from: h(0), to: h(2)) == .delivered(.milliseconds(1)))
        #expect(net.transmit(from: h(3), to: h(4)) == .delivered(.milliseconds(1)))
        net.isolate(h(3))
        #expect(net.groups == [hosts(0, 2), hosts(1), hosts(3), hosts(4)])
        #expect(!net.canSend(from: h(1), to: h(3)))
    }

    @Test func cutsAreOneWay() {
        var net = quietNetwork(3)
        net.cut(from: h(0), to: h(1))
        #expect(net.transmit(from: h(0), to: h(1)) == .dropped(.cut))
        #expect(net.transmit(from: h(1), to: h(0)) == .delivered(.milliseconds(1)))
        #expect(net.transmit(from: h(0), to: h(2)) == .delivered(.milliseconds(1)))
        #expect(net.isCut(from: h(0), to: h(1)))
        #expect(!net.isCut(from: h(1), to: h(0)))
        #expect(!net.canSend(from: h(0), to: h(1)))
        #expect(net.canSend(from: h(1), to: h(0)))
        // Cuts do not change the groups.
        #expect(net.groups == [hosts(0, 1, 2)])
    }

    @Test func cutsAreListedSortedAndCanBeUndone() {
        var net = quietNetwork(3)
        net.cut(from: h(2), to: h(0))
        net.cut(from: h(0), to: h(1))
        net.cut(from: h(0), to: h(1))   // twice is once
        net.cut(from: h(1), to: h(2))
        #expect(net.cutLinks.map { [$0.from.index, $0.to.index] } == [[0, 1], [1, 2], [2, 0]])
        net.uncut(from: h(1), to: h(2))
        net.uncut(from: h(2), to: h(1))   // not cut: nothing happens
        #expect(net.cutLinks.map { [$0.from.index, $0.to.index] } == [[0, 1], [2, 0]])
        #expect(net.transmit(from: h(1), to: h(2)) == .delivered(.milliseconds(1)))
    }

    @Test func cutSurvivesARepartition() {
        var net = quietNetwork(3)
        net.cut(from: h(0), to: h(1))
        net.partition([hosts(0, 1), hosts(2)])
        #expect(net.transmit(from: h(0), to: h(1)) == .dropped(.cut))
    }

    @Test func healClearsPartitionsIsolationAndCuts() {
        var net = quietNetwork(4)
        net.partition([hosts(0, 1), hosts(2, 3)])
        net.isolate(h(0))
        net.cut(from: h(1), to: h(0))
        net.heal()
        #expect(net.groups == [hosts(0, 1, 2, 3)])
        #expect(net.cutLinks.isEmpty)
        for a in 0..<4 {
            for b in 0..<4 { #expect(net.transmit(from: h(a), to: h(b)) == .delivered(.milliseconds(1))) }
        }
    }

    @Test func healKeepsCrashesAndLinkOverrides() {
        var net = quietNetwork(3)
        net.crash(h(2))
        net.setLink(from: h(0), to: h(1), .perfect(.milliseconds(7)))
        net.partition([hosts(0), hosts(1, 2)])
        net.heal()
        #expect(!net.isUp(h(2)))
        #expect(net.transmit(from: h(0), to: h(2)) == .dropped(.receiverDown))
        #expect(net.transmit(from: h(0), to: h(1)) == .delivered(.milliseconds(7)))
    }

    @Test func newHostsJoinTheFirstGroup() {
        var net = quietNetwork(2)
        net.partition([hosts(1), hosts(0)])
        let added = net.addHost()
        #expect(added == h(2))
        #expect(net.hostCount == 3)
        #expect(net.groups == [hosts(0), hosts(1, 2)])
        #expect(net.canSend(from: h(2), to: h(1)))
    }

    @Test func dropReasonsAreCheckedInOrder() {
        var net = quietNetwork(4)
        net.setLink(from: h(0), to: h(1), LinkProfile(latency: .fixed(.zero), loss: 1))
        #expect(net.transmit(from: h(0), to: h(1)) == .dropped(.loss))
        net.cut(from: h(0), to: h(1))
        #expect(net.transmit(from: h(0), to: h(1)) == .dropped(.cut))
        net.partition([hosts(0), hosts(1)])
        #expect(net.transmit(from: h(0), to: h(1)) == .dropped(.partitioned))
        net.crash(h(1))
        #expect(net.transmit(from: h(0), to: h(1)) == .dropped(.receiverDown))
        net.crash(h(0))
        #expect(net.transmit(from: h(0), to: h(1)) == .dropped(.senderDown))
    }
}
