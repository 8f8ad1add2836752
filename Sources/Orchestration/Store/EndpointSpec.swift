import SimCore

/// How clients reach a service: its published ports and how its name resolves (swarmkit
/// `api.EndpointSpec`).
public struct EndpointSpec: Equatable, Sendable {
    public enum Mode: String, Equatable, Sendable {
        /// One virtual IP, load-balanced over the tasks.
        case vip
        /// DNS round robin over the tasks' addresses; cannot publish ingress ports.
        case dnsrr
    }

    public var mode: Mode = .vip
    public var ports: [PortConfig] = []

    public init(mode: Mode = .vip, ports: [PortConfig] = []) {
        self.mode = mode
        self.ports = ports
    }
}
