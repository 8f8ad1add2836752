import SimCore

/// A task's place on one network (swarmkit `api.NetworkAttachment`): the network and the
/// task's address on it, nil once released (the task stopped) or when the subnet was full.
public struct NetworkAttachment: Equatable, Sendable {
    public var networkID: String
    public var address: IPv4CIDR?

    public init(networkID: String, address: IPv4CIDR?) {
        self.networkID = networkID
        self.address = address
    }
}
