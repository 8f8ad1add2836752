/// The addresses of one network's subnet, handed out the way libnetwork's default IPAM does for
/// swarm networks: the network and broadcast addresses are never given out, the gateway is
/// taken when the pool is made, and the rest go **serially** — each request takes the first free
/// address after the last one given, wrapping around at the end — so a freed address is not
/// reused until the others have had their turn (swarmkit's cnmallocator sets libnetwork's
/// `com.docker.network.ipam.serial` option "so we allocate addresses that haven't been
/// recently freed").
///
/// - Complexity: `allocate` and `release` are O(log n) for a subnet of n addresses.
public struct AddressPool: Equatable, Sendable {
    public let subnet: IPv4CIDR
    public let gateway: IPv4CIDR
    private var taken: OccupancyBitmap
    /// Where the next serial search starts (libnetwork bitseq's `curr`).
    private var cursor: Int = 0

    /// The most addresses a pool hands out: a /8's worth. A larger subnet uses its first 2²⁴
    /// addresses (a simulator limit that keeps the bitmap at 2 MiB).
    static let maxPositions = 1 << 24

    /// A pool for `subnet` (its network address) with the gateway at `gateway`, or at the first
    /// address when nil (libnetwork's default).
    init(subnet: IPv4CIDR, gateway: UInt32? = nil) {
        self.subnet = subnet.network
        let size = Int(subnet.size)
        taken = OccupancyBitmap(count: Swift.min(size, Self.maxPositions))
        if size > 2 {
            taken.set(0)                                            // network address
            if size <= Self.maxPositions { taken.set(size - 1) }    // broadcast address
        }
        let gatewayAddress = gateway ?? subnet.network.host(size > 2 ? 1 : 0).address
        self.gateway = IPv4CIDR(address: gatewayAddress, prefixLength: subnet.prefixLength)
        let g = Int(self.subnet.offset(of: self.gateway))
        if !taken.isTaken(g) { taken.set(g) }
    }

    /// The next address, serially; nil when the subnet is full.
    mutating func allocate() -> IPv4CIDR? {
        guard let p = taken.firstFree(from: cursor) ?? taken.firstFree(from: 0) else { return nil }
        taken.set(p)
        cursor = p + 1 < taken.count ? p + 1 : 0
        return subnet.host(UInt32(p))
    }

    /// Gives `address` back. Addresses outside the subnet, the gateway, and free ones are
    /// ignored.
    mutating func release(_ address: IPv4CIDR) {
        guard subnet.contains(address.address), address.address != gateway.address else { return }
        let p = Int(subnet.offset(of: address))
        guard p < taken.count, taken.isTaken(p), p != 0, p != taken.count - 1 else { return }
        taken.clear(p)
    }

    /// Every address handed out, lowest first (the network, gateway and broadcast addresses
    /// are not listed). O(n): for checks and tests.
    public var allocated: [IPv4CIDR] {
        var out: [IPv4CIDR] = []
        let reserved = subnet.size > 2
        for p in 0..<taken.count where taken.isTaken(p) {
            let a = subnet.host(UInt32(p))
            if a.address == gateway.address || (reserved && (p == 0 || UInt64(p) == subnet.size - 1)) { continue }
            out.append(a)
        }
        return out
    }

    /// Whether `address` is handed out (or reserved).
    public func isTaken(_ address: IPv4CIDR) -> Bool {
        subnet.contains(address.address) && taken.isTaken(Int(subnet.offset(of: address)))
    }
}
