import SimCore

/// A service's virtual IP on one network (swarmkit `Endpoint_VirtualIP`): what `<service>`
/// resolves to inside that network.
public struct VirtualIP: Equatable, Sendable {
    public var networkID: String
    public var address: IPv4CIDR

    public init(networkID: String, address: IPv4CIDR) {
        self.networkID = networkID
        self.address = address
    }
}
