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
