import SimCore
import Orchestration
import Cluster

/// Output of the docker CLI's swarm, node and info commands, worded and laid out as docker's.
package enum DockerFormat {
    package static func swarmInitialized(nodeID: String, token: String, managerAddress: String) -> String {
        """
        Swarm initialized: current node (\(nodeID)) is now a manager.

        To add a worker to this swarm, run the following command:

            docker swarm join --token \(token) \(managerAddress)

        To add a manager to this swarm, run 'docker swarm join-token manager' and follow the instructions.


        """
    }

    package static func joined(asManager: Bool) -> String {
        "This node joined a swarm as a \(asManager ? "manager" : "worker").\n"
    }

    package static func joinToken(role: NodeRole, token: String, managerAddress: String, rotated: Bool) -> String {
        var text = rotated ? "Successfully rotated \(role.rawValue) join token.\n\n" : ""
        text += """
        To add a \(role.rawValue) to this swarm, run the following command:

            docker swarm join --token \(token) \(managerAddress)


        """
        return text
    }

    // MARK: node ls

    /// `docker node ls`: sorted by hostname (naturally: w2 before w10), the current node starred.
    package static func nodeList(_ views: [NodeView], currentNodeID: String?, quiet: Bool) -> String {
        let sorted = views.sorted { naturalLess($0.record.hostname, $1.record.hostname) || ($0.record.hostname == $1.record.hostname && $0.record.id < $1.record.id) }
        if quiet { return sorted.map { $0.record.id + "\n" }.joined() }
        var table = TabWriter()
        table.row("ID", "HOSTNAME", "STATUS", "AVAILABILITY", "MANAGER STATUS", "ENGINE VERSION")
        for v in sorted {
            let r = v.record
            table.row(r.id + (r.id == currentNodeID ? " *" : ""), r.hostname, r.state.display,
                      r.availability.display, v.managerStatus?.display ?? "", r.engineVersion)
        }
        return table.text
    }

    /// Compares strings with digit runs as numbers ("w2" < "w10"), as docker's sortorder does.
    package static func naturalLess(_ a: String, _ b: String) -> Bool {
        var i = a.unicodeScalars.makeIterator(), j = b.unicodeScalars.makeIterator()
        var ca = i.next(), cb = j.next()
        func isDigit(_ c: Unicode.Scalar?) -> Bool { c.map { $0 >= "0" && $0 <= "9" } ?? false }
        while let x = ca, let y = cb {
            if isDigit(x) && isDigit(y) {
                var na = "", nb = ""
                while isDigit(ca) { na.unicodeScalars.append(ca!); ca = i.next() }
                while isDigit(cb) { nb.unicodeScalars.append(cb!); cb = j.next() }
                let ta = na.drop(while: { $0 == "0" }), tb = nb.drop(while: { $0 == "0" })
                if ta.count != tb.count { return ta.count < tb.count }
                if ta != tb { return ta < tb }
                continue
            }
            if x != y { return x < y }
            ca = i.next(); cb = j.next()
        }
        return ca == nil && cb != nil
    }

    // MARK: node inspect

    /// docker/cli `formatter.PrettyPrint` on a string: its first letter upper-cased.
    static func capitalizedFirst(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }

    package static func nodeInspectPretty(_ v: NodeView) -> String {
        let r = v.record
        var s = "ID:\t\t\t\(r.id)\n"
        if !r.labels.isEmpty {
            s += "Labels:\n"
            for (k, val) in r.labels { s += " - \(k)\(val.isEmpty ? "" : "=" + val)\n" }
        }
        // docker/cli's nodeInspectPrettyTemplate pads these four with spaces before the tab.
        s += "Hostname:              \t\(r.hostname)\n"
        s += "Joined at:             \t\(VirtualCalendar.timestamp(r.createdAt))\n"
        s += "Status:\n State:\t\t\t\(r.state.display)\n"
        if !r.stateMessage.isEmpty { s += " Message:              \t\(DockerFormat.capitalizedFirst(r.stateMessage))\n" }
        s += " Availability:         \t\(r.availability.display)\n"
        s += " Address:\t\t\(r.address)\n"
        if let m = v.managerStatus {
            s += "Manager Status:\n Address:\t\t\(m.address)\n"
            s += " Raft Status:\t\t\(m.reachable ? "Reachable" : "Unreachable")\n"
            s += " Leader:\t\t\(m.leader ? "Yes" : "No")\n"
        }
        s += "Platform:\n Operating System:\t\(r.os)\n Architecture:\t\t\(r.architecture)\n"
        s += "Resources:\n CPUs:\t\t\t\(cpuText(r.nanoCPUs))\n Memory:\t\t\(bytesText(r.memoryBytes))\n"
        s += "Engine Version:\t\t\(r.engineVersion)\n"
        if !r.engineLabels.isEmpty {
            s += "Engine Labels:\n"
            for (k, val) in r.engineLabels { s += " - \(k)\(val.isEmpty ? "" : "=" + val)\n" }
        }
        return s
    }

    package static func nodeInspectJSON(_ views: [NodeView]) -> String {
        var items: [String] = []
        for v in views {
            let r = v.record
            var o = JSONObject(indent: 1)
            o.string("ID", r.id)
            var version = JSONObject(indent: 2)
            version.raw("Index", String(r.updatedAt.nanoseconds / 1_000_000))
            o.raw("Version", version.text)
            o.string("CreatedAt", VirtualCalendar.rfc3339(r.createdAt))
            o.string("UpdatedAt", VirtualCalendar.rfc3339(r.updatedAt))
            var spec = JSONObject(indent: 2)
            spec.raw("Labels", JSONObject.map(r.labels, indent: 3))
            spec.string("Role", r.role.rawValue)
            spec.string("Availability", r.availability.rawValue)
            o.raw("Spec", spec.text)
            var description = JSONObject(indent: 2)
            description.string("Hostname", r.hostname)
            var platform = JSONObject(indent: 3)
            platform.string("Architecture", r.architecture)
            platform.string("OS", r.os)
            description.raw("Platform", platform.text)
            var resources = JSONObject(indent: 3)
            resources.raw("NanoCPUs", String(r.nanoCPUs))
            resources.raw("MemoryBytes", String(r.memoryBytes))
            description.raw("Resources", resources.text)
            var engine = JSONObject(indent: 3)
            engine.string("EngineVersion", r.engineVersion)
            if !r.engineLabels.isEmpty { engine.raw("Labels", JSONObject.map(r.engineLabels, indent: 4)) }
            description.raw("Engine", engine.text)
            o.raw("Description", description.text)
            var status = JSONObject(indent: 2)
            status.string("State", r.state.rawValue)
            if !r.stateMessage.isEmpty { status.string("Message", r.stateMessage) }
            status.string("Addr", r.address)
            o.raw("Status", status.text)
            if let m = v.managerStatus {
                var ms = JSONObject(indent: 2)
                if m.leader { ms.raw("Leader", "true") }
                ms.string("Reachability", m.reachable ? "reachable" : "unreachable")
                ms.string("Addr", m.address)
                o.raw("ManagerStatus", ms.text)
            }
            items.append("    " + o.text)
        }
        return items.isEmpty ? "[]\n" : "[\n" + items.joined(separator: ",\n") + "\n]\n"
    }

    static func cpuText(_ nano: Int64) -> String {
        nano % 1_000_000_000 == 0 ? "\(nano / 1_000_000_000)" : SimDuration(nanoseconds: nano).exactSeconds
    }

    /// go-units BytesSize: binary units with up to 4 significant digits ("7.704GiB", "512MiB").
    static func bytesText(_ bytes: Int64) -> String {
        let units = ["B", "KiB", "MiB", "GiB", "TiB", "PiB"]
        var value = Double(bytes)
        var i = 0
        while value >= 1024 && i < units.count - 1 { value /= 1024; i += 1 }
        return formatG4(value) + units[i]
    }

    /// Go's %.4g: four significant digits, trailing zeros dropped.
    static func formatG4(_ v: Double) -> String {
        if v == 0 { return "0" }
        var digits = 0
        var m = v
        while m >= 10 { m /= 10; digits += 1 }
        let decimals = max(0, 3 - digits)
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let rounded = (v * scale).rounded() / scale
        var text = String(Int64(rounded))
        if decimals > 0 {
            let fraction = Int64(((rounded - Double(Int64(rounded))) * scale).rounded())
            if fraction > 0 {
                var f = String(fraction)
                f = String(repeating: "0", count: decimals - f.count) + f
                while f.hasSuffix("0") { f.removeLast() }
                text += "." + f
            }
        }
        return text
    }

    // MARK: info

    package static func info(_ i: SwarmInfo) -> String {
        var s = " Swarm: \(i.localState.rawValue)\n"
        guard i.localState == .active else { return s }
        s += "  NodeID: \(i.nodeID)\n"
        if let error = i.error { s += "  Error: \(error)\n" }
        s += "  Is Manager: \(i.isManager)\n"
        // docker/cli printSwarmInfo: the cluster part only from a manager that got an answer.
        if i.isManager && i.error == nil {
            if let id = i.clusterID { s += "  ClusterID: \(id)\n" }
            if let m = i.managers { s += "  Managers: \(m)\n" }
            if let n = i.nodes { s += "  Nodes: \(n)\n" }
            // No Default Address Pool or SubnetSize: a plain `swarm init` sets none.
            s += "  Data Path Port: 4789\n"
            s += "  Orchestration:\n"
            if let limit = i.taskHistoryLimit { s += "   Task History Retention Limit: \(limit)\n" }
            s += "  Raft:\n"
            s += "   Snapshot Interval: \(i.snapshotInterval)\n"
            s += "   Number of Old Snapshots to Retain: 0\n"
            s += "   Heartbeat Tick: \(i.heartbeatTicks)\n"
            s += "   Election Tick: \(i.electionTicks)\n"
            s += "  Dispatcher:\n"
            if let hb = i.dispatcherHeartbeat { s += "   Heartbeat Period: \(VirtualCalendar.humanDuration(hb))\n" }
            s += "  CA Configuration:\n"
            s += "   Expiry Duration: 3 months\n"
            s += "   Force Rotate: 0\n"
            s += "  Autolock Managers: \(i.autolock)\n"
            s += "  Root Rotation In Progress: false\n"
        }
        s += "  Node Address: \(i.nodeAddress)\n"
        if !i.managerAddresses.isEmpty {
            s += "  Manager Addresses:\n"
            for a in i.managerAddresses { s += "   \(a)\n" }
        }
        // moby's Info() warns whenever there are exactly two managers (printed last, on stderr).
        if i.isManager && i.error == nil && i.managers == 2 { s += twoManagerWarning + "\n" }
        return s
    }

    /// moby daemon/cluster/swarm.go `Info()`, word for word.
    static let twoManagerWarning = """
        WARNING: Running Swarm in a two-manager configuration. This configuration provides
                 no fault tolerance, and poses a high risk to lose control over the cluster.
                 Refer to https://docs.docker.com/engine/swarm/admin_guide/ to configure the
                 Swarm for fault-tolerance.
        """
}
