import Testing
@testable import Orchestration

@Suite struct AddressPoolTests {
    // MARK: IPv4CIDR

    @Test func cidrParsesFormatsAndMasks() {
        let a = IPv4CIDR("10.0.1.3/24")
        #expect(a?.description == "10.0.1.3/24")
        #expect(a?.addressText == "10.0.1.3")
        #expect(a?.network.description == "10.0.1.0/24")
        #expect(a?.isNetwork == false && a?.network.isNetwork == true)
        #expect(IPv4CIDR("10.0.0.0/8")?.size == 1 << 24)
        for bad in ["10.0.1.0", "10.0.1/24", "10.0.1.0/33", "10.0.1.256/24", "a.b.c.d/8", "10.0.1.0/", "/24", "10.0.1.0/+4"] {
            #expect(IPv4CIDR(bad) == nil, "\(bad)")
        }
    }

    @Test func subnetsOverlapWhenOneContainsTheOther() {
        let net16 = IPv4CIDR(10, 1, 0, 0, prefixLength: 16)
        #expect(net16.overlaps(IPv4CIDR(10, 1, 7, 0, prefixLength: 24)))
        #expect(IPv4CIDR(10, 1, 7, 0, prefixLength: 24).overlaps(net16))
        #expect(!net16.overlaps(IPv4CIDR(10, 2, 0, 0, prefixLength: 24)))
        #expect(IPv4CIDR(0, 0, 0, 0, prefixLength: 0).overlaps(net16))
    }

    // MARK: OccupancyBitmap

    @Test func bitmapFindsTheFirstFreePositionAcrossLevels() {
        var b = OccupancyBitmap(count: 70_000)
        #expect(b.firstFree(from: 0) == 0)
        for i in 0..<5000 { b.set(i) }
        #expect(b.firstFree(from: 0) == 5000)
        #expect(b.firstFree(from: 6000) == 6000)
        b.clear(1234)
        #expect(b.firstFree(from: 0) == 1234)
        #expect(b.firstFree(from: 1235) == 5000)
        for i in 5000..<70_000 { b.set(i) }
        #expect(b.firstFree(from: 1235) == nil)
        #expect(b.firstFree(from: 69_999) == nil)
        b.clear(69_999)
        #expect(b.firstFree(from: 1235) == 69_999)
        #expect(b.firstFree(from: 70_000) == nil)
    }

    @Test func bitmapNeverReturnsPositionsPastItsEnd() {
        var b = OccupancyBitmap(count: 3)
        b.set(0); b.set(1); b.set(2)
        #expect(b.firstFree(from: 0) == nil)
        #expect(OccupancyBitmap(count: 0).firstFree(from: 0) == nil)
    }

    @Test func bitmapAgreesWithALinearScan() {
        // A fixed pseudo-random walk of sets and clears, checked against a plain array.
        var b = OccupancyBitmap(count: 5000)
        var plain = [Bool](repeating: false, count: 5000)
        var x: UInt64 = 12345
        for _ in 0..<20_000 {
            x = x &* 6364136223846793005 &+ 1442695040888963407
            let p = Int((x >> 33) % 5000)
            if (x >> 20) & 3 == 0 { b.clear(p); plain[p] = false } else { b.set(p); plain[p] = true }
            let from = Int((x >> 40) % 5000)
            #expect(b.firstFree(from: from) == plain[from...].firstIndex(of: false))
        }
    }

    // MARK: AddressPool

    @Test func aPoolReservesNetworkGatewayAndBroadcastAndGoesSerially() {
        var pool = AddressPool(subnet: IPv4CIDR(10, 0, 1, 0, prefixLength: 24))
        #expect(pool.gateway.description == "10.0.1.1/24")
        #expect(pool.allocate()?.description == "10.0.1.2/24")
        #expect(pool.allocate()?.description == "10.0.1.3/24")
        let four = pool.allocate()
        #expect(four?.description == "10.0.1.4/24")
        // A released address is not reused until the others have had their turn.
        if let four { pool.release(four) }
        #expect(pool.allocate()?.description == "10.0.1.5/24")
        #expect(!pool.isTaken(IPv4CIDR(10, 0, 1, 4, prefixLength: 24)))
    }

    @Test func aFullPoolWrapsAroundToFreedAddressesAndThenRefuses() {
        var pool = AddressPool(subnet: IPv4CIDR(192, 168, 5, 0, prefixLength: 29))   // .2 … .6 usable
        let given = (0..<5).compactMap { _ in pool.allocate() }
        #expect(given.map(\.addressText) == ["192.168.5.2", "192.168.5.3", "192.168.5.4", "192.168.5.5", "192.168.5.6"])
        #expect(pool.allocate() == nil)
        pool.release(given[1])
        pool.release(pool.gateway)   // ignored
        #expect(pool.allocate()?.addressText == "192.168.5.3")
        #expect(pool.allocate() == nil)
    }
}
