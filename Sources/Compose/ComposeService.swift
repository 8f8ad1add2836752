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
