import SimCore

// What the manager's control API refuses before a service change reaches Raft (swarmkit
// manager/controlapi/service.go: validateServiceSpec, checkPortConflicts, UpdateService), in
// the words the docker CLI prints after "Error response from daemon: ".

extension ClusterStore {
    /// Why `docker service create` with `spec` must fail, or nil when it may go ahead.
    public func createServiceError(_ spec: ServiceSpec) -> String? {
        if let error = Self.endpointError(spec) { return error }
        if !spec.name.isEmpty, service(named: spec.name) != nil {
            // swarmkit CreateService: store.ErrNameConflict's text, then the service's name.
            return "rpc error: code = AlreadyExists desc = name conflicts with an existing object: service \(spec.name) already exists"
        }
        return portConflict(spec, serviceID: nil)
    }

    /// Why `docker service update` of service `id` to `spec` must fail, or nil.
    public func updateServiceError(id: String, _ spec: ServiceSpec) -> String? {
        guard let current = service(id: id) else { return "rpc error: code = NotFound desc = service \(id) not found" }
        if let error = Self.endpointError(spec) { return error }
        if current.spec.isGlobal != spec.isGlobal {
            return "rpc error: code = Unimplemented desc = service mode change is not allowed"
        }
        if current.spec.name != spec.name {
            return "rpc error: code = Unimplemented desc = renaming services is not supported"
        }
        return current.spec.endpoint == spec.endpoint ? nil : portConflict(spec, serviceID: id)
    }

    /// Why `docker service rollback` of service `id` must fail, or nil.
    public func rollbackServiceError(id: String) -> String? {
        guard let current = service(id: id) else { return "rpc error: code = NotFound desc = service \(id) not found" }
        return current.previousSpec == nil
            ? "rpc error: code = FailedPrecondition desc = service \(id) does not have a previous spec" : nil
    }

    static func endpointError(_ spec: ServiceSpec) -> String? {
        guard spec.endpoint.mode == .dnsrr, spec.endpoint.ports.contains(where: { $0.publishMode == .ingress }) else { return nil }
        return "rpc error: code = InvalidArgument desc = EndpointSpec: port published with ingress mode can't be used with dnsrr mode"
    }

    /// A published port another service already holds: an ingress port conflicts with any
    /// use of the number, a host-mode port only with an ingress one (swarmkit
    /// `checkPortConflicts`).
    func portConflict(_ spec: ServiceSpec, serviceID: String?) -> String? {
        let mine = spec.endpoint.ports.filter { ($0.published ?? 0) != 0 }
        guard !mine.isEmpty else { return nil }
        for other in services where other.id != serviceID {
            for theirs in other.spec.endpoint.ports + other.endpointPorts {
                guard let n = theirs.published, n != 0 else { continue }
                let clash = mine.filter { $0.published == n && $0.protocol == theirs.protocol }
                if theirs.publishMode == .host, clash.contains(where: { $0.publishMode == .ingress }) {
                    return "rpc error: code = InvalidArgument desc = port '\(n)' is already in use by service '\(other.spec.name)' (\(other.id)) as a host-published port"
                }
                if theirs.publishMode == .ingress, !clash.isEmpty {
                    return "rpc error: code = InvalidArgument desc = port '\(n)' is already in use by service '\(other.spec.name)' (\(other.id)) as an ingress port"
                }
            }
        }
        return nil
    }
}

extension IDGenerator {
    /// A container ID as the engine makes them: 64 lowercase hex digits.
    public mutating func newContainerID() -> String {
        var text = ""
        for _ in 0..<4 {
            let hex = String(newRaftID(), radix: 16)
            text += String(repeating: "0", count: 16 - hex.count) + hex
        }
        return text
    }
}
