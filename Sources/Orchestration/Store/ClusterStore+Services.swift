import SimCore

// Services in the store: lookups and the commands that change them (swarmkit
// manager/controlapi/service.go for the user's changes, orchestrator/update for the updater's).

extension ClusterStore {
    // MARK: Reads

    /// The service with this exact ID. O(log n).
    public func service(id: String) -> ServiceRecord? {
        index(ofService: id).map { services[$0] }
    }

    /// The service with this name, if any.
    public func service(named name: String) -> ServiceRecord? {
        services.first { $0.spec.name == name }
    }

    /// What a docker command names a service by: a full ID, a name, or a unique ID prefix
    /// (docker's order).
    public func resolveService(_ reference: String) -> ServiceRecord? {
        if let s = service(id: reference) { return s }
        if let s = service(named: reference) { return s }
        guard !reference.isEmpty else { return nil }
        let matches = services.filter { $0.id.hasPrefix(reference) }
        return matches.count == 1 ? matches[0] : nil
    }

    func index(ofService id: String) -> Int? {
        let i = insertionIndex(ofService: id)
        return i < services.count && services[i].id == id ? i : nil
    }

    func insertionIndex(ofService id: String) -> Int {
        var lo = 0, hi = services.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if services[mid].id < id { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    // MARK: Ingress ports

    /// The first port of swarm's dynamic range, which ingress ports published without a number
    /// come from (swarmkit allocator/portallocator: 30000–32767).
    public static let dynamicPortRange = 30000...32767

    /// `ports` with every ingress port that has no published number given the lowest free one
    /// in the dynamic range. A port the service had picked for the same target, protocol and
    /// mode keeps its number.
    func allocatePorts(_ ports: [PortConfig], keeping old: [PortConfig], serviceID: String) -> [PortConfig] {
        var used: [Int] = []
        for s in services where s.id != serviceID {
            for p in s.endpointPorts { if let n = p.published { used.append(n) } }
        }
        for p in ports { if let n = p.published { used.append(n) } }
        var result = ports
        var next = Self.dynamicPortRange.lowerBound
        for i in result.indices where (result[i].published ?? 0) == 0 {
            if let kept = old.first(where: { $0.target == result[i].target && $0.protocol == result[i].protocol
                && $0.publishMode == result[i].publishMode && $0.published != nil }),
               let n = kept.published, !used.contains(n) {
                result[i].published = n
                used.append(n)
                continue
            }
            guard result[i].publishMode == .ingress else { result[i].published = nil; continue }
            while used.contains(next) && next < Self.dynamicPortRange.upperBound { next += 1 }
            result[i].published = next
            used.append(next)
        }
        return result
    }

    // MARK: Apply

    mutating func applyServiceCommand(_ command: StoreCommand, at raftIndex: UInt64, into changes: inout StoreChanges) {
        switch command {
        case .createService(var record):
            guard index(ofService: record.id) == nil, referencesExist(record.spec.task) else { return }
            record.version = Swift.max(raftIndex, 1)
            record.specVersion = 0
            record.endpointPorts = allocatePorts(record.spec.endpoint.ports, keeping: [], serviceID: record.id)
            record.virtualIPs = []
            allocateVirtualIPs(&record)
            services.insert(record, at: insertionIndex(ofService: record.id))
            changes.append(StoreChanges.Service(id: record.id, kind: .created))

        case .updateService(let id, let spec, let time):
            guard let i = index(ofService: id), referencesExist(spec.task) else { return }
            var s = services[i]
            s.previousSpec = s.spec
            s.previousSpecVersion = s.specVersion
            s.spec = spec
            s.specVersion = s.version
            s.updateStatus = nil
            if spec.isJob { s.jobIteration += 1 }  // swarmkit controlapi: an updated job runs again
            s.endpointPorts = allocatePorts(spec.endpoint.ports, keeping: s.endpointPorts, serviceID: id)
            allocateVirtualIPs(&s)
            touch(&s, raftIndex, time)
            services[i] = s
            changes.append(StoreChanges.Service(id: id, kind: .spec))

        case .rollbackService, .startRollback:
            applyRollback(command, at: raftIndex, into: &changes)

        case .setUpdateStatus(let id, let status, let time):
            guard let i = index(ofService: id) else { return }
            services[i].updateStatus = status
            touch(&services[i], raftIndex, time)
            changes.append(StoreChanges.Service(id: id, kind: .updateStatus))

        case .removeService(let id):
            guard let i = index(ofService: id) else { return }
            releaseVirtualIPs(services[i])
            services.remove(at: i)
            changes.append(StoreChanges.Service(id: id, kind: .removed))

        default:
            preconditionFailure("applyServiceCommand called with a command that is not about services: \(command)")
        }
    }

    /// `docker service rollback` and the updater's own rollback: the previous spec returns.
    private mutating func applyRollback(_ command: StoreCommand, at raftIndex: UInt64, into changes: inout StoreChanges) {
        switch command {
        case .rollbackService(let id, let time):
            guard let i = index(ofService: id), let previous = services[i].previousSpec else { return }
            var s = services[i]
            let (current, currentVersion) = (s.spec, s.specVersion)
            s.spec = previous
            s.specVersion = s.previousSpecVersion ?? 0
            s.previousSpec = current
            s.previousSpecVersion = currentVersion
            s.updateStatus = UpdateStatus(state: .rollbackStarted, message: "manually requested rollback", startedAt: time)
            s.endpointPorts = allocatePorts(previous.endpoint.ports, keeping: s.endpointPorts, serviceID: id)
            allocateVirtualIPs(&s)
            touch(&s, raftIndex, time)
            services[i] = s
            changes.append(StoreChanges.Service(id: id, kind: .spec))

        case .startRollback(let id, let message, let time):
            guard let i = index(ofService: id), services[i].updateStatus != nil,
                  let previous = services[i].previousSpec else { return }
            var s = services[i]
            s.updateStatus?.state = .rollbackStarted
            s.updateStatus?.message = message
            s.spec = previous
            s.specVersion = s.previousSpecVersion ?? 0
            s.previousSpec = nil
            s.previousSpecVersion = nil
            s.endpointPorts = allocatePorts(previous.endpoint.ports, keeping: s.endpointPorts, serviceID: id)
            allocateVirtualIPs(&s)
            touch(&s, raftIndex, time)
            services[i] = s
            changes.append(StoreChanges.Service(id: id, kind: .spec))
        default:
            preconditionFailure("applyRollback called with a command that is not a rollback: \(command)")
        }
    }

    /// Records a change: the version moves past both its old value and the Raft index, so each
    /// spec a service takes gets a number no other spec of it has had.
    private func touch(_ s: inout ServiceRecord, _ raftIndex: UInt64, _ time: SimTime) {
        s.version = Swift.max(s.version + 1, raftIndex)
        s.updatedAt = time
    }
}
