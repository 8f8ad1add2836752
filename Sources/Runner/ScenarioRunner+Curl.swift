import SimCore
import Orchestration
import Cluster
import ScenarioLanguage
import DockerClient

/// `curl HOST:PORT x N`: requests through the routing mesh, one after another, as a client on
/// the host's network would send them.
extension ScenarioRunner {
    /// What the last `curl` saw, for `expect curl …`.
    struct CurlRecord {
        var port: Int
        var answered: [String] = []
        var failures = 0
    }

    func curl(_ request: CurlRequest, at s: ScriptStatement) throws(Diagnostic) -> String {
        let swarm = try ensureSwarm()
        let entry: HostID
        let label: String
        switch request.target {
        case .host(let name):
            entry = try hostID(name, at: s.location)
            label = name
        case .address(let ip):
            guard let h = swarm.host(named: ip.description) else {
                throw Diagnostic(at: s.location, length: s.text.count, "no host has the address \(ip)",
                                 hint: "curl a declared host, or an address a hosts statement gave")
            }
            entry = h
            label = ip.description
        }
        var record = CurlRecord(port: request.port)
        var out = ""
        var counts: [(task: String, count: Int)] = []
        let width = String(request.count).count
        for i in 1...max(request.count, 1) {
            let id = swarm.sendRequest(to: entry, port: request.port)
            swarm.run(until: { $0.meshResult(of: id) != nil }, deadline: swarm.now + .seconds(3600))
            let number = String(repeating: " ", count: width - String(i).count) + String(i)
            guard let r = swarm.meshResult(of: id) else { break }
            if case .answered(_, let node) = r.outcome { recordRequest(entry: entry, answeredBy: node) } else { recordRequest(entry: entry, answeredBy: nil) }
            switch r.outcome {
            case .answered(let task, let node):
                out += "\(number)  \(task) on \(node)\n"
                record.answered.append(task)
                if let k = counts.firstIndex(where: { $0.task == task }) { counts[k].count += 1 } else { counts.append((task, 1)) }
            case .refused:
                out += "\(number)  curl: (7) Failed to connect to \(label) port \(request.port): Connection refused\n"
                record.failures += 1
            case .timedOut:
                let via = r.chosenTask.map { " (routed to \(swarm.taskName($0)) on \($0 == "" ? "?" : r.chosenNode ?? "?"))" } ?? ""
                out += "\(number)  curl: (28) Operation timed out after \(r.elapsed.milliseconds) milliseconds\(via)\n"
                record.failures += 1
            }
        }
        let total = max(request.count, 1)
        out += "\(total) request\(total == 1 ? "" : "s"): \(total - record.failures) answered, \(record.failures) failed"
        if !counts.isEmpty {
            out += "; " + counts.sorted { DockerFormatOrder.less($0.task, $1.task) }.map { "\($0.task) ×\($0.count)" }.joined(separator: ", ")
        }
        out += "\n"
        lastCurl = record
        return out
    }

    /// Whether the last curl's condition holds.
    func curlHolds(_ condition: Condition) -> Bool {
        guard let c = lastCurl else { return false }
        switch condition {
        case .curlNoFailures: return c.failures == 0
        case .curlFailures(let k): return c.failures <= k
        case .curlAllTasksAnswered:
            guard let store = swarm?.allSeeing.freshestStore,
                  let service = store.services.first(where: { s in s.endpointPorts.contains { $0.published == c.port } }) else { return false }
            let running = store.tasks(ofService: service.id).filter { $0.status.state == .running && $0.desiredState == .running }
            return !running.isEmpty && running.allSatisfy { c.answered.contains($0.name) }
        default: return false
        }
    }
}

extension SimDuration {
    package var milliseconds: Int64 { nanoseconds / 1_000_000 }
}

/// Task names in docker's order: `web.2` before `web.10`.
enum DockerFormatOrder {
    static func less(_ a: String, _ b: String) -> Bool { DockerFormat.naturalLess(a, b) }
}
