import SimCore

/// One swarm network as the replicated store holds it (swarmkit `api.Network`: the spec, and
/// what the allocator gave it: its subnet, gateway and VXLAN ID).
public struct NetworkRecord: Equatable, Sendable {
    /// 25 lowercase base-36 characters (swarmkit identity.NewID).
    public var id: String
    public var spec: NetworkSpec
    /// The subnet the allocator gave it (`IPAM.Config[0].Subnet`): `--subnet`, or the next free
    /// /24 of the default pool 10.0.0.0/8. Set when the create command is applied.
    public var subnet = IPv4CIDR(0, 0, 0, 0, prefixLength: 0)
    /// The gateway: the subnet's first address (`IPAM.Config[0].Gateway`).
    public var gateway = IPv4CIDR(0, 0, 0, 0, prefixLength: 0)
    /// The overlay's VXLAN network identifier: the lowest free from 4096 up (swarmkit's
    /// overlay driver; `com.docker.network.driver.overlay.vxlanid_list`).
    public var vxlanID = 0
    public var createdAt: SimTime

    public init(id: String, spec: NetworkSpec, createdAt: SimTime) {
        self.id = id
        self.spec = spec
        self.createdAt = createdAt
    }

    public var name: String { spec.name }
    /// Swarm networks are all `swarm`-scoped.
    public var scope: String { "swarm" }
    public var isIngress: Bool { spec.ingress }

    /// The `ingress` network `docker swarm init` creates (docker's defaults: 10.0.0.0/24,
    /// gateway 10.0.0.1, the first of the default address pool).
    public static func ingress(id: String, createdAt: SimTime) -> NetworkRecord {
        NetworkRecord(id: id, spec: NetworkSpec(name: "ingress", ingress: true), createdAt: createdAt)
    }
}
