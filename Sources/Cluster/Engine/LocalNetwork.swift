/// A network every engine has, which the simulator does not otherwise model.
public struct LocalNetwork: Sendable, Equatable {
    public var name: String
    public var driver: String
    public var subnet: String?
    public var gateway: String?
    public var options: [(String, String)]

    /// The engine's own networks are constants, known by name.
    public static func == (a: LocalNetwork, b: LocalNetwork) -> Bool { a.name == b.name }

    public static let bridge = LocalNetwork(name: "bridge", driver: "bridge", subnet: "172.17.0.0/16", gateway: "172.17.0.1", options: [
        ("com.docker.network.bridge.default_bridge", "true"),
        ("com.docker.network.bridge.enable_icc", "true"),
        ("com.docker.network.bridge.enable_ip_masquerade", "true"),
        ("com.docker.network.bridge.host_binding_ipv4", "0.0.0.0"),
        ("com.docker.network.bridge.name", "docker0"),
        ("com.docker.network.driver.mtu", "1500"),
    ])
    /// Made when the engine joins a swarm: containers of tasks reach the outside through it.
    public static let gatewayBridge = LocalNetwork(name: "docker_gwbridge", driver: "bridge", subnet: "172.18.0.0/16", gateway: "172.18.0.1", options: [
        ("com.docker.network.bridge.enable_icc", "false"),
        ("com.docker.network.bridge.enable_ip_masquerade", "true"),
        ("com.docker.network.bridge.name", "docker_gwbridge"),
    ])
    public static let host = LocalNetwork(name: "host", driver: "host", subnet: nil, gateway: nil, options: [])
    public static let none = LocalNetwork(name: "none", driver: "null", subnet: nil, gateway: nil, options: [])
}
