import SimCore
import Orchestration
import Cluster
import DockerClient

/// The Engine API's JSON shapes (moby `api/swagger.yaml`, v1.50), built from the simulator's
/// records. Keys are in swagger's order; fields the simulator does not model take the value a
/// daemon gives when the feature is unused.
enum APIJSON {
    typealias J = JSONValue

    static func obj(_ pairs: KeyValuePairs<String, J>) -> J { .object(pairs.map { J.Member($0.key, $0.value) }) }
    static func str(_ s: String) -> J { .string(s) }
    static func int<I: BinaryInteger>(_ v: I) -> J { .int(v) }
    static func strings(_ a: [String]) -> J { .array(a.map(J.string)) }
    static func labels(_ l: Labels) -> J { .object(l.map { J.Member($0.key, .string($0.value)) }) }
    static func time(_ t: SimTime, _ cal: ServedCalendar) -> J { .string(cal.rfc3339(t)) }

    /// swarmkit's `Meta.Version` for records the simulator keeps without one: the virtual time
    /// of their last change, in nanoseconds, which grows with every change as a version must.
    static func version(_ updatedAt: SimTime) -> UInt64 { UInt64(max(0, updatedAt.nanoseconds)) }

    static func versionJSON(_ v: UInt64) -> J { obj(["Index": .int(v)]) }

    // MARK: Swarm

    /// `GET /swarm`: swagger `Swarm` (ClusterInfo and JoinTokens).
    static func swarm(_ c: ClusterRecord, info: SwarmInfo?, _ cal: ServedCalendar) -> J {
        obj([
            "ID": str(c.id), "Version": versionJSON(version(c.updatedAt)),
            "CreatedAt": time(c.createdAt, cal), "UpdatedAt": time(c.updatedAt, cal),
            "Spec": swarmSpec(c, info: info), "TLSInfo": tlsInfo,
            "RootRotationInProgress": .bool(false), "DataPathPort": int(4789),
            "DefaultAddrPool": strings([ClusterStore.defaultAddressPool.description]),
            "SubnetSize": int(ClusterStore.defaultSubnetSize),
            "JoinTokens": obj(["Worker": str(c.workerToken), "Manager": str(c.managerToken)]),
        ])
    }

    static func swarmSpec(_ c: ClusterRecord, info: SwarmInfo?) -> J {
        obj([
            "Name": str(c.name), "Labels": obj([:]),
            "Orchestration": obj(["TaskHistoryRetentionLimit": int(c.taskHistoryLimit)]),
            "Raft": obj([
                "SnapshotInterval": int(info?.snapshotInterval ?? 10_000), "KeepOldSnapshots": int(0),
                "LogEntriesForSlowFollowers": int(info?.logEntriesForSlowFollowers ?? 500),
                "ElectionTick": int(info?.electionTicks ?? 10), "HeartbeatTick": int(info?.heartbeatTicks ?? 1),
            ]),
            "Dispatcher": obj(["HeartbeatPeriod": int(c.dispatcherHeartbeat.nanoseconds)]),
            "CAConfig": obj(["NodeCertExpiry": int(Int64(7_776_000) * 1_000_000_000)]),
            "TaskDefaults": obj([:]),
            "EncryptionConfig": obj(["AutoLockManagers": .bool(c.unlockKey != nil)]),
        ])
    }

    /// The simulator has no TLS: an empty trust root, as a node shows before it has one.
    static let tlsInfo: J = obj(["TrustRoot": str(""), "CertIssuerSubject": str(""), "CertIssuerPublicKey": str("")])

    // MARK: Nodes

    /// swagger `Node`.
    static func node(_ v: NodeView, _ cal: ServedCalendar) -> J {
        let r = v.record
        var members: [J.Member] = [
            .init("ID", str(r.id)), .init("Version", versionJSON(version(r.updatedAt))),
            .init("CreatedAt", time(r.createdAt, cal)), .init("UpdatedAt", time(r.updatedAt, cal)),
            .init("Spec", obj(["Labels": labels(r.labels), "Role": str(r.role.rawValue), "Availability": str(r.availability.rawValue)])),
            .init("Description", obj([
                "Hostname": str(r.hostname),
                "Platform": obj(["Architecture": str(r.architecture), "OS": str(r.os)]),
                "Resources": obj(["NanoCPUs": int(r.nanoCPUs), "MemoryBytes": int(r.memoryBytes)]),
                "Engine": obj(["EngineVersion": str(r.engineVersion), "Labels": labels(r.engineLabels), "Plugins": .array([])]),
                "TLSInfo": tlsInfo,
            ])),
            .init("Status", obj(["State": str(r.state.rawValue), "Message": str(r.stateMessage), "Addr": str(r.address)])),
        ]
        if let m = v.managerStatus {
            members.append(.init("ManagerStatus", obj([
                "Leader": .bool(m.leader), "Reachability": str(m.reachable ? "reachable" : "unreachable"), "Addr": str(m.address),
            ])))
        }
        return .object(members)
    }
}
