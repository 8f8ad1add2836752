import SimCore
import Orchestration
import ScenarioLanguage
import Cluster

// Output of `docker network …`, laid out as docker/cli prints it (cli/command/network
// formatter.go; inspect prints the daemon's JSON, moby api/types/network `Inspect` of engine
// 28, indented by four spaces, map keys sorted as Go's encoder sorts them).

extension DockerFormat {
    // MARK: network ls

    /// `docker network ls`: `NETWORK ID NAME DRIVER SCOPE`, by name (naturally), IDs cut to 12.
    package static func networkList(_ views: [NetworkView], quiet: Bool) -> String {
        let sorted = views.sorted { naturalLess($0.name, $1.name) || ($0.name == $1.name && $0.id < $1.id) }
        if quiet { return sorted.map { truncateID($0.id) + "\n" }.joined() }
        var table = TabWriter()
        table.row("NETWORK ID", "NAME", "DRIVER", "SCOPE")
        for v in sorted { table.row(truncateID(v.id), v.name, v.driver, v.scope) }
        return table.text
    }

    // MARK: network inspect

    /// `docker network inspect [--verbose]`: one JSON object per network, in the order asked.
    package static func networkInspectJSON(_ views: [NetworkView]) -> String {
        let items = views.map { "    " + networkJSON($0) }
        return items.isEmpty ? "[]\n" : "[\n" + items.joined(separator: ",\n") + "\n]\n"
    }

    static func networkJSON(_ v: NetworkView) -> String {
        var o = JSONObject(indent: 1)
        o.string("Name", v.name)
        o.string("Id", v.id)
        o.string("Created", goTime(v.created))
        o.string("Scope", v.scope)
        o.string("Driver", v.driver)
        o.raw("EnableIPv4", "true")
        o.raw("EnableIPv6", "false")
        o.raw("IPAM", ipamJSON(v))
        o.raw("Internal", "false")
        o.raw("Attachable", String(v.record?.spec.attachable ?? false))
        o.raw("Ingress", String(v.record?.isIngress ?? false))
        var configFrom = JSONObject(indent: 2)
        configFrom.string("Network", "")
        o.raw("ConfigFrom", configFrom.text)
        o.raw("ConfigOnly", "false")
        let options = optionsJSON(v)
        let labels = v.record?.spec.labels ?? Labels()
        switch v.form {
        case .cluster:
            o.raw("Containers", "null")
            o.raw("Options", options)
            o.raw("Labels", labels.isEmpty ? "null" : JSONObject.map(labels, indent: 2))
        case .local, .instantiated:
            o.raw("Containers", containersJSON(v.containers))
            o.raw("Options", options)
            o.raw("Labels", JSONObject.map(labels, indent: 2))
        }
        if !v.peers.isEmpty {
            o.raw("Peers", rawArrayJSON(v.peers.map { p in
                var peer = JSONObject(indent: 3)
                peer.string("Name", p.name)
                peer.string("IP", p.ip)
                return peer.text
            }, indent: 2))
        }
        if !v.services.isEmpty { o.raw("Services", servicesJSON(v.services)) }
        return o.text
    }

    /// `IPAM`: the default driver and the network's subnet and gateway, if it has them.
    static func ipamJSON(_ v: NetworkView) -> String {
        var ipam = JSONObject(indent: 2)
        ipam.string("Driver", "default")
        ipam.raw("Options", "null")
        let subnet: (String, String)?
        switch v.form {
        case .local(let n): subnet = n.subnet.map { ($0, n.gateway ?? "") }
        case .cluster, .instantiated: subnet = v.record.map { ($0.subnet.description, $0.gateway.addressText) }
        }
        if let (s, g) = subnet {
            var config = JSONObject(indent: 4)
            config.string("Subnet", s)
            config.string("Gateway", g)
            ipam.raw("Config", rawArrayJSON([config.text], indent: 3))
        } else {
            ipam.raw("Config", "null")
        }
        return ipam.text
    }

    /// `Options`: a local network's driver options, or an overlay's VXLAN id.
    static func optionsJSON(_ v: NetworkView) -> String {
        var options = JSONObject(indent: 2)
        switch v.form {
        case .local(let n):
            for (k, value) in n.options { options.string(k, value) }
        case .cluster, .instantiated:
            options.string("com.docker.network.driver.overlay.vxlanid_list", String(v.record?.vxlanID ?? 0))
        }
        return options.text
    }

    static func containersJSON(_ endpoints: [NetworkView.Endpoint]) -> String {
        var o = JSONObject(indent: 2)
        for e in endpoints {
            var c = JSONObject(indent: 3)
            c.string("Name", e.name)
            c.string("EndpointID", e.endpointID)
            c.string("MacAddress", e.macAddress)
            c.string("IPv4Address", e.address.description)
            c.string("IPv6Address", "")
            o.raw(e.key, c.text)
        }
        return o.text
    }

    /// libnetwork's `ServiceInfo` per service: the VIP `<service>` resolves to, the tasks
    /// `tasks.<service>` resolves to.
    static func servicesJSON(_ services: [NetworkView.ServiceEntry]) -> String {
        var o = JSONObject(indent: 2)
        for s in services {
            var entry = JSONObject(indent: 3)
            entry.string("VIP", s.vip)
            entry.raw("Ports", stringsJSON(s.ports, indent: 4))
            entry.raw("LocalLBIndex", String(s.localLBIndex))
            let tasks = s.tasks.sorted { naturalLess($0.name, $1.name) }
            entry.raw("Tasks", rawArrayJSON(tasks.map { t in
                var task = JSONObject(indent: 5)
                task.string("Name", t.name)
                task.string("EndpointID", t.endpointID)
                task.string("EndpointIP", t.endpointIP)
                var info = JSONObject(indent: 6)
                info.string("Host IP", t.hostIP)
                task.raw("Info", info.text)
                return task.text
            }, indent: 4))
            o.raw(s.name, entry.text)
        }
        return o.text
    }

    /// Go's `time.Time` in JSON (RFC 3339 with nanoseconds, trailing zeros dropped):
    /// `2026-01-01T00:00:12.5Z`, `2026-01-01T00:00:00Z`.
    static func goTime(_ t: SimTime) -> String {
        var text = VirtualCalendar.rfc3339(t)   // …:SS.nnnnnnnnnZ
        text.removeLast()
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text + "Z"
    }

    // MARK: network rm

    /// The question `docker network rm ingress` asks; with nobody to answer, nothing is removed.
    package static let ingressRemovalWarning = "WARNING! Before removing the routing-mesh network, make sure all the nodes in your swarm run the same docker engine version. Otherwise, removal may not be effective and functionality of newly create ingress networks will be impaired.\nAre you sure you want to continue? [y/N] "
}
