import SimCore
import Orchestration
import Cluster
import DockerClient

/// `show services` and `show mesh`: the services as the leader's store records them (with no
/// leader, the manager that has applied the most), for class. Not docker output: one block per
/// service with its tasks and their nodes; for the mesh, each published port and the tasks it
/// routes to. Each node's IPVS table follows the store as updates spread; `curl` shows what a
/// node routes to now.
struct ServicesPicture {
    let swarm: Swarm
    let hostOrder: [HostID]
    var words = PictureWords(language: .en)

    /// `show services`.
    var services: String {
        guard let store = swarm.allSeeing.freshestStore else { return words.servicesAt(swarm.now) + words.noSwarm + "\n" }
        let services = store.services.sorted { $0.spec.name < $1.spec.name }
        var lines = [words.servicesAt(swarm.now) + words.asTheStoreRecords + (services.isEmpty ? words.none : "")]
        for s in services {
            let ports = DockerFormat.ingressPorts(s.endpointPorts)
            // The one count of a service's tasks, docker service ls's (swarmkit ListServiceStatuses).
            let status = ServiceStatus(of: s, in: store)
            lines.append("  \(s.spec.name)  \(s.spec.mode.name)  \(words.running(status.running, of: status.desired))" + (ports.isEmpty ? "" : "  \(ports)"))
            var table = TabWriter(minWidth: 0, padding: 2)
            for t in current(store.tasks(ofService: s.id)) {
                table.row("    " + t.name, node(t.nodeID), t.status.state.name)
            }
            if !table.text.isEmpty { lines.append(table.text.trimmingTrailingNewline) }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `show mesh`.
    var mesh: String {
        guard let store = swarm.allSeeing.freshestStore else { return words.meshAt(swarm.now) + words.noSwarm + "\n" }
        var rows: [(Int, String)] = []
        for s in store.services {
            let endpoints = current(store.tasks(ofService: s.id)).filter { $0.status.state == .running }
                .map { words.task($0.name, on: node($0.nodeID)) }
            for p in s.endpointPorts where p.publishMode == .ingress {
                let port = p.published ?? 0
                rows.append((port, "  *:\(port)->\(p.target)/\(p.protocol.rawValue)  \(s.spec.name)  "
                    + (endpoints.isEmpty ? words.noRunningTask : endpoints.joined(separator: ", "))))
            }
        }
        let head = words.meshAt(swarm.now) + ": " + (rows.isEmpty ? words.noPublishedPorts : words.routesRoundRobin)
        return ([head] + rows.sorted { $0.0 < $1.0 }.map(\.1)).joined(separator: "\n") + "\n"
    }

    /// Each slot's newest task (global services: each node's), in docker's name order.
    func current(_ tasks: [TaskRecord]) -> [TaskRecord] {
        var newest: [String: TaskRecord] = [:]
        for t in tasks where (newest[t.name].map { $0.createdAt < t.createdAt } ?? true) { newest[t.name] = t }
        return newest.values.sorted { DockerFormat.naturalLess($0.name, $1.name) }
    }

    /// The host name of the node with this ID.
    func node(_ id: String?) -> String {
        guard let id else { return words.unassigned }
        return hostOrder.first { swarm.nodeID(of: $0) == id }.map(swarm.name(of:)) ?? id
    }
}

private extension String {
    var trimmingTrailingNewline: String { hasSuffix("\n") ? String(dropLast()) : self }
}
