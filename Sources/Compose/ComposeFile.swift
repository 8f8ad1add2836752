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
