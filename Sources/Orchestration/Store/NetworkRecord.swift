import SimCore

/// What `docker network create -d overlay` asks for (swarmkit `api.NetworkSpec`, reduced).
public struct NetworkSpec: Equatable, Sendable {
    public var name: String
    /// Always `overlay`: the only driver of swarm-scoped networks simulated.
    public var driver = "overlay"
    /// `--attachable`: standalone containers may join (recorded; no standalone containers here).
    public var attachable = false
    /// The routing mesh's network (`--ingress`; made by `swarm init`).
    public var ingress = false
    /// `--label`.
    public var labels = Labels()
    /// `--subnet`, as given (CIDR); nil to take the next /24 of the default address pool.
    public var subnet: String?

    public init(name: String, attachable: Bool = false, ingress: Bool = false, labels: Labels = Labels(), subnet: String? = nil) {
        self.name = name
        self.attachable = attachable
        self.ingress = ingress
        self.labels = labels
        self.subnet = subnet
    }
}

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
