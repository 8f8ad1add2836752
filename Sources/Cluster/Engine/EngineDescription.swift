import SimCore
import Orchestration

/// What an engine knows of its own machine and containers, for `docker info` and `GET /info`
/// (moby `SystemInfo`): answered by the engine from its own host, in or out of a swarm, so no
/// API path needs the observer for it.
public struct EngineDescription: Sendable, Equatable {
    /// The host name (`Name`).
    public var name = ""
    public var nanoCPUs: Int64 = 1_000_000_000
    public var memoryBytes: Int64 = 0
    /// The daemon's own labels (`--label`; the host's `labels=` in a scenario).
    public var labels = Labels()
    public var architecture = "x86_64"
    public var engineVersion = ""
    /// Its containers, up and exited (`Containers`), and those up (`ContainersRunning`).
    public var containers = 0
    public var containersRunning = 0

    public init() {}
}

extension Swarm {
    /// `host`'s engine as it describes itself.
    func engineDescription(_ host: HostID) -> EngineDescription {
        let h = hosts[host.index]
        let containers = allContainers(on: host)
        var d = EngineDescription()
        d.name = h.name
        d.nanoCPUs = h.nanoCPUs
        d.memoryBytes = h.memoryBytes
        d.labels = h.engineLabels
        d.engineVersion = options.engineVersion
        d.containers = containers.count
        d.containersRunning = containers.filter(\.isUp).count
        return d
    }
}
