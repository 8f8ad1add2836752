/// The parts of a compose file that `docker stack deploy` uses, as read from the file.
///
/// Durations, byte sizes and CPU counts are kept as written (`10s`, `512M`, `0.5`): turning them
/// into a service spec is the deploying command's work. Every collection keeps the order of
/// the file.
public struct ComposeFile: Sendable, Equatable {
    public var version: String?
    public var services: [ComposeService] = []
    public var networks: [ComposeNetwork] = []
    /// Top-level volumes: accepted and named, not simulated.
    public var volumes: [String] = []
    public var secrets: [ComposeObject] = []
    public var configs: [ComposeObject] = []

    public init() {}

    public func service(_ name: String) -> ComposeService? { services.first { $0.name == name } }
}

/// One service of a compose file.
public struct ComposeService: Sendable, Equatable {
    public var name: String
    public var image: String?
    public var command: [String]?
    public var entrypoint: [String]?
    /// `KEY=value` entries; a nil value is a name given without one (taken from the shell).
    public var environment: [(key: String, value: String?)] = []
    /// Files of `KEY=value` lines to add to the environment, as written (read at deploy).
    public var envFiles: [String] = []
    public var ports: [ComposePort] = []
    public var networks: [String] = []
    public var secrets: [ComposeReference] = []
    public var configs: [ComposeReference] = []
    public var healthcheck: ComposeHealthcheck?
    public var labels: [(key: String, value: String)] = []
    public var deploy = ComposeDeploy()

    public init(name: String) { self.name = name }

    public static func == (a: Self, b: Self) -> Bool {
        a.name == b.name && a.image == b.image && a.command == b.command && a.entrypoint == b.entrypoint
            && a.environment.map { "\($0.key)=\($0.value ?? "<unset>")" } == b.environment.map { "\($0.key)=\($0.value ?? "<unset>")" }
            && a.envFiles == b.envFiles && a.ports == b.ports && a.networks == b.networks && a.secrets == b.secrets && a.configs == b.configs
            && a.healthcheck == b.healthcheck && a.labels.map { "\($0.key)=\($0.value)" } == b.labels.map { "\($0.key)=\($0.value)" }
            && a.deploy == b.deploy
    }
}

/// A published port, from the short (`8080:80/udp`) or the long syntax.
public struct ComposePort: Sendable, Equatable {
    public var target: Int
    public var published: Int?
    public var `protocol`: String = "tcp"
    public var mode: String = "ingress"

    public init(target: Int, published: Int?, protocol: String = "tcp", mode: String = "ingress") {
        self.target = target
        self.published = published
        self.protocol = `protocol`
        self.mode = mode
    }
}

/// A service's use of a secret or config: `source`, and where it appears in the container.
public struct ComposeReference: Sendable, Equatable {
    public var source: String
    public var target: String?
    public var uid: String?
    public var gid: String?
    /// File mode as written (`0440` is octal, as Go's YAML reads it); parsed when converted.
    public var mode: String?

    public init(source: String, target: String? = nil) {
        self.source = source
        self.target = target
    }
}

public struct ComposeHealthcheck: Sendable, Equatable {
    public var test: [String] = []
    public var interval: String?
    public var timeout: String?
    public var retries: Int?
    public var startPeriod: String?
    public var disable = false

    public init() {}
}

/// A top-level network.
public struct ComposeNetwork: Sendable, Equatable {
    public var key: String
    public var name: String?
    public var driver: String?
    public var attachable = false
    public var external = false
    public var subnets: [String] = []

    public init(key: String) { self.key = key }
}

/// A top-level secret or config.
public struct ComposeObject: Sendable, Equatable {
    public var key: String
    public var name: String?
    public var file: String?
    public var external = false

    public init(key: String) { self.key = key }
}
