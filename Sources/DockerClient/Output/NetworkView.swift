import SimCore
import Orchestration
import Cluster

/// One network as an engine's API shows it (moby `network.Inspect`): a local network every
/// engine has, a swarm network as the cluster knows it, or a swarm network this engine has
/// instantiated because a task here (or, for ingress, the node itself) uses it.
package struct NetworkView {
    package enum Form {
        /// bridge, docker_gwbridge, host, none: the engine's own.
        case local(LocalNetwork)
        /// A swarm network this engine has not instantiated: what the managers answer (moby
        /// `BasicNetworkFromGRPC`: no containers, no peers).
        case cluster
        /// A swarm network instantiated here: libnetwork's view, with the endpoints on this
        /// node and the nodes that share it.
        case instantiated
    }

    package var form: Form
    package var id: String
    var name: String
    var driver: String
    var scope: String
    var created: SimTime
    /// The swarm network, for swarm forms.
    package var record: NetworkRecord?
    /// Endpoints on this engine, keyed as docker keys them (container ID, `lb-<name>`,
    /// `ingress-sbox`), sorted by key.
    var containers: [Endpoint] = []
    var peers: [Peer] = []
    /// With `--verbose`: what the network's DNS knows, by service name.
    var services: [ServiceEntry] = []

    struct Endpoint {
        var key: String
        var name: String
        var endpointID: String
        var address: IPv4CIDR
        /// `02:42:` then the IPv4 address's octets, as libnetwork derives it.
        var macAddress: String {
            let a = address.address
            return "02:42:" + [a >> 24, a >> 16, a >> 8, a].map { hex2(UInt8($0 & 0xFF)) }.joined(separator: ":")
        }
    }

    struct Peer {
        var name: String
        var ip: String
    }

    /// A service as the network's load balancer and DNS know it: `<service>` answers the VIP,
    /// `tasks.<service>` the tasks' addresses (libnetwork `ServiceInfo`).
    struct ServiceEntry {
        var name: String
        var vip: String
        var ports: [String]
        var localLBIndex: Int
        var tasks: [TaskEntry]
    }

    struct TaskEntry {
        var name: String
        var endpointID: String
        var endpointIP: String
        var hostIP: String
    }

    var isSwarm: Bool { record != nil }
}

func hex2(_ byte: UInt8) -> String {
    let digits = Array("0123456789abcdef")
    return String([digits[Int(byte >> 4)], digits[Int(byte & 0xF)]])
}
