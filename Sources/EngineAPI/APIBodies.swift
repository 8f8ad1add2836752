import SimCore
import Orchestration
import Cluster
import DockerClient

/// Request bodies and query checks the adapter reads: JSON in, the simulator's values out.
enum APIBodies {
    typealias J = JSONValue

    /// The body as JSON; an empty body is an empty object (Go decodes nothing into defaults).
    static func json(_ body: [UInt8]) throws(APIError) -> J {
        if body.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { return .object([]) }
        do {
            return try JSONParser.parse(body)
        } catch {
            throw APIError(400, "invalid JSON: \(error.description)")
        }
    }

    /// `POST /swarm/init`: `AdvertiseAddr`, and the spec's dispatcher heartbeat and task history
    /// limit when given (autolock: `autolock`). A new cluster from an old one is another feature.
    static func swarmInit(_ body: [UInt8]) throws(APIError) -> (advertise: String?, heartbeat: SimDuration?, historyLimit: Int?) {
        let j = try json(body)
        if j[go: "ForceNewCluster"] == .bool(true) { throw APIError(501, "--force-new-cluster is not simulated by SwarmSim yet") }
        let u = try swarmUpdate(body)
        return (nonEmpty(j[go: "AdvertiseAddr"]?.string), u.heartbeat, u.historyLimit)
    }

    static func swarmJoin(_ body: [UInt8]) throws(APIError) -> (token: String, remote: String, advertise: String?) {
        let j = try json(body)
        guard let remote = j[go: "RemoteAddrs"]?.array?.first?.string, !remote.isEmpty else {
            throw APIError(400, "invalid RemoteAddrs: at least 1 RemoteAddr is required to join")
        }
        return (j[go: "JoinToken"]?.string ?? "", remote, nonEmpty(j[go: "AdvertiseAddr"]?.string))
    }

    /// The parts of a `SwarmSpec` the simulator keeps; zero means "not given", as in moby.
    static func swarmUpdate(_ body: [UInt8]) throws(APIError) -> (heartbeat: SimDuration?, historyLimit: Int?) {
        let j = try json(body)
        let spec = j[go: "Spec"] ?? j
        let beat = spec[go: "Dispatcher"]?[go: "HeartbeatPeriod"]?.int64.flatMap { $0 > 0 ? SimDuration.nanoseconds($0) : nil }
        let limit = spec[go: "Orchestration"]?[go: "TaskHistoryRetentionLimit"]?.int
        return (beat, limit)
    }

    /// `version` must be the object's current version (swarmkit: "update out of sequence").
    static func versionMismatch(_ route: APIRoute, current: UInt64) -> APIError? {
        guard let text = route.value("version") else { return APIError(400, "invalid version: missing version") }
        guard let v = UInt64(text) else { return APIError(400, "invalid version '\(text)'") }
        return v == current ? nil : APIError(500, "rpc error: code = Unknown desc = update out of sequence")
    }

    /// `POST /nodes/{id}/update`: the whole `NodeSpec`, as the change from `current` that the
    /// simulator's node update takes.
    static func nodeUpdate(_ body: [UInt8], current: NodeRecord) throws(APIError) -> NodeUpdate {
        let j = try json(body)
        var update = NodeUpdate()
        if let a = j[go: "Availability"]?.string, !a.isEmpty {
            guard let availability = NodeAvailability(rawValue: a) else { throw APIError(400, "invalid Availability: \"\(a)\"") }
            if availability != current.availability { update.availability = availability }
        }
        if let r = j[go: "Role"]?.string, !r.isEmpty {
            guard let role = NodeRole(rawValue: r) else { throw APIError(400, "invalid Role: \"\(r)\"") }
            if role != current.role { update.role = role }
        }
        if case .object(let labels)? = j[go: "Labels"] {
            for m in labels where current.labels[m.key] != (m.value.string ?? "") { update.labelsToAdd.append((m.key, m.value.string ?? "")) }
            for (k, _) in current.labels where !labels.contains(where: { $0.key == k }) { update.labelsToRemove.append(k) }
        } else if j[go: "Labels"] == nil || j[go: "Labels"] == .null {
            update.labelsToRemove = current.labels.map(\.key)
        }
        return update
    }

    /// `POST /networks/create`: overlay networks are the swarm's; a local network driver is
    /// an engine feature the simulator does not have.
    static func networkCreate(_ body: [UInt8]) throws(APIError) -> NetworkSpec {
        let j = try json(body)
        guard let name = j[go: "Name"]?.string, !name.isEmpty else { throw APIError(400, "network name must not be empty") }
        let driver = j[go: "Driver"]?.string ?? ""
        guard driver == "overlay" else {
            throw APIError(501, "local networks (driver \"\(driver.isEmpty ? "bridge" : driver)\") are not simulated by SwarmSim: create an overlay network (-d overlay)")
        }
        if j[go: "Ingress"] == .bool(true) { throw APIError(501, "creating an ingress network is not simulated by SwarmSim yet") }
        let subnet = j[go: "IPAM"]?[go: "Config"]?.array?.first?[go: "Subnet"]?.string
        var spec = NetworkSpec(name: name, attachable: j[go: "Attachable"] == .bool(true), subnet: nonEmpty(subnet))
        if case .object(let labels)? = j[go: "Labels"] { for m in labels { spec.labels[m.key] = m.value.string ?? "" } }
        return spec
    }

    static func nonEmpty(_ s: String?) -> String? { s.flatMap { $0.isEmpty ? nil : $0 } }
}
