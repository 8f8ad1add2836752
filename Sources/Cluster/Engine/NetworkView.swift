import SimCore
import Orchestration

/// One network as an engine's API shows it (moby `network.Inspect`): a local network every
/// engine has, a swarm network as the cluster knows it, or a swarm network this engine has
/// instantiated because a task here (or, for ingress, the node itself) uses it.
public struct NetworkView: Sendable, Equatable {
    public enum Form: Sendable, Equatable {
        /// bridge, docker_gwbridge, host, none: the engine's own.
        case local(LocalNetwork)
        /// A swarm network this engine has not instantiated: what the managers answer (moby
        /// `BasicNetworkFromGRPC`: no containers, no peers).
        case cluster
        /// A swarm network instantiated here: libnetwork's view, with the endpoints on this
        /// node and the nodes that share it.
        case instantiated
    }

    public var form: Form
    public var id: String
    public var name: String
    public var driver: String
    public var scope: String
    public var created: SimTime
    /// The swarm network, for swarm forms.
    public var record: NetworkRecord?
    /// Endpoints on this engine, keyed as docker keys them (container ID, `lb-<name>`,
    /// `ingress-sbox`), sorted by key.
    public var containers: [Endpoint] = []
    public var peers: [Peer] = []
    /// With `--verbose`: what the network's DNS knows, by service name.
    public var services: [ServiceEntry] = []

    public struct Endpoint: Sendable, Equatable {
        public var key: String
        public var name: String
        public var endpointID: String
        public var address: IPv4CIDR
        /// `02:42:` then the IPv4 address's octets, as libnetwork derives it.
        public var macAddress: String {
            let a = address.address
            return "02:42:" + [a >> 24, a >> 16, a >> 8, a].map { hex2(UInt8($0 & 0xFF)) }.joined(separator: ":")
        }
    }

    public struct Peer: Sendable, Equatable {
        public var name: String
        public var ip: String
    }

    /// A service as the network's load balancer and DNS know it: `<service>` answers the VIP,
    /// `tasks.<service>` the tasks' addresses (libnetwork `ServiceInfo`).
    public struct ServiceEntry: Sendable, Equatable {
        public var name: String
        public var vip: String
        public var ports: [String]
        public var localLBIndex: Int
        public var tasks: [TaskEntry]
    }

    public struct TaskEntry: Sendable, Equatable {
        public var name: String
        public var endpointID: String
        public var endpointIP: String
        public var hostIP: String
    }

    public var isSwarm: Bool { record != nil }
}

package func hex2(_ byte: UInt8) -> String {
    let digits = Array("0123456789abcdef")
    return String([digits[Int(byte >> 4)], digits[Int(byte & 0xF)]])
}
