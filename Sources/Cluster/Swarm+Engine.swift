import SimCore
import Raft
import Orchestration
import NodeRoles

/// The docker API of each engine: what a CLI call does, where it goes, and when it answers.
extension Swarm {
    // MARK: Operations

    /// Starts a docker API call on `host`. Run the swarm until `result(of:)` is non-nil.
    public func submit(_ request: EngineRequest, on host: HostID) -> OperationID {
        let op = operations.add(host: host, hostIncarnation: network.incarnation(host), request: request)
        if trace.isEnabled {
            var line = TraceLine(time: now, event: "api.call")
            line.field("host", name(of: host))
            line.field("request", "\(request.traceName)")
            trace.write(line)
        }
        guard network.isUp(host) else {
            finish(op, .failure(EngineError("Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?")))
            return op
        }
        start(op)
        return op
    }

    /// The answer to `op`, once there is one (and until it is taken).
    public func result(of op: OperationID) -> EngineResult? { operations[op]?.result }

    /// The answer to `op`, which the swarm then forgets (a long run holds only the calls in
    /// flight). Nil while unanswered: the call carries on, and its answer is dropped when it
    /// comes, so call this once the caller is done waiting either way.
    public func takeResult(of op: OperationID) -> EngineResult? { operations.take(op) }

    /// The number of docker calls the swarm holds: in flight, or answered and not yet taken.
    public var heldOperationCount: Int { operations.count }

    func finish(_ op: OperationID, _ result: EngineResult) {
        guard let operation = operations[op], operation.result == nil else { return }
        // `docker swarm join` stops waiting after its timeout; the engine goes on trying.
        if case .failure(let error) = result, error == .deadline,
           case .swarmJoin(let token, let remote, _) = operation.request {
            let host = operation.host
            if hosts[host.index].membership == nil, network.isUp(host) {
                hosts[host.index].backgroundJoin = (token, remote)
                schedule(.retryJoin(host, incarnation: network.incarnation(host)), after: Self.joinRetryDelay)
                operations.finish(op, .failure(.joinTimeout))
                return
            }
        }
        if let queries = networkQueries(operation.request), network.isUp(operation.host) {
            return operations.finish(op, withEngineNetworks(result, queries: queries, on: operation.host))
        }
        operations.finish(op, result)
    }

    func start(_ op: OperationID) {
        guard let operation = operations[op] else { return }
        let host = operation.host
        let request = operation.request
        if hosts[host.index].locked { return startWhileLocked(op, request, on: host) }
        switch request {
        case .swarmInit(let advertise, let heartbeat, let limit):
            initSwarm(op, on: host, advertise: advertise, heartbeat: heartbeat, historyLimit: limit)
        case .swarmInitForceNewCluster(let heartbeat, let limit):
            forceNewCluster(op, on: host, heartbeat: heartbeat, historyLimit: limit)
        case .swarmJoin(let token, let remote, _):
            join(op, on: host, token: token, remote: remote)
        case .swarmLeave(let force):
            leave(op, on: host, force: force)
        case .info:
            finish(op, .success(.info(info(host))))
        case .get(let queries) where !queries.isEmpty && queries.allSatisfy({ $0.kind == .container }):
            finish(op, .success(.records(queries.map { containerAnswer($0, on: host) })))
        case .networkCreate(let spec):
            if let error = localNetworkCreateError(spec, on: host) { return finish(op, .failure(error)) }
            routeToLeader(op)
        default:
            routeToLeader(op)
        }
    }

    /// Sends a manager-only call where swarmkit's raft proxy would: to the leader. Without one,
    /// as swarmkit's `LeaderConn`: a manager that has gone more than `lostQuorumTicks` without a
    /// leader when the call arrives refuses it at once; otherwise the call polls for a leader
    /// once a second (`deadline` set) until one appears or the request's deadline passes.
    func routeToLeader(_ op: OperationID, deadline: SimTime? = nil) {
        guard let operation = operations[op] else { return }
        let host = operation.host
        guard current(host, operation.hostIncarnation) else { return }
        let request = operation.request
        switch engine.call(isWrite: request.isWrite, on: engineHost(host), polling: deadline != nil) {
        case .answerHere: execute(request, on: host, target: .operation(op))
        case .forward(let leader):
            let timeout = deadline.map { $0 - now } ?? options.requestTimeout
            _ = call(.api(request), from: host, to: leader, purpose: .operation(op), timeout: timeout)
        case .refuse(let refusal): finish(op, .failure(refusal.error))
        case .retry: pollForLeader(op, deadline: deadline)
        }
    }

    func receiveCall(_ id: CallID, _ call: Call, from caller: HostID, at host: HostID) {
        switch engine.forwarded(on: engineHost(host), self: host) {
        case .answerHere: break
        case .forward(let leader):
            _ = self.call(call, from: host, to: leader, purpose: .proxy(id, origin: caller), timeout: options.requestTimeout)
            return
        case .refuse(let refusal):
            // Not a manager (any more), or no leader: the caller will try another.
            return send(.reply(id, .failed(refusal.error)), from: host, to: caller)
        case .retry: return
        }
        let target = ReplyTarget.remote(id, to: caller)
        // A proxied call's caller is the proxying manager: the joiner is the host the call
        // describes, by the address the call carries (in Swarm, its advertise address and TLS peer).
        switch call {
        case .api(let request): execute(request, on: host, target: target)
        case .join(let token, let hostname, let address, let cpus, let memory, let version):
            admit(token: token, hostname: hostname, address: address, nanoCPUs: cpus, memoryBytes: memory,
                  engineVersion: version, joiner: self.host(named: address) ?? caller, on: host, target: target)
        case .raftJoin(let nodeID, let raftID, let joiner):
            addManager(nodeID: nodeID, raftID: raftID, joiner: joiner, on: host, target: target)
        case .heartbeat(let nodeID, let incarnation, let origin):
            hosts[host.index].manager?.prefetchHeartbeatReads(from: origin)
            // The session runs through `caller`, the node itself or the manager it reached. A
            // session through another manager than before is a new stream, which starts with
            // the node's whole assignment set (swarmkit: the agent's new `Session` call, whose
            // first message is a complete set): one sent through a manager that has stopped
            // since was lost with it.
            let stream = hosts[host.index].manager?.sessionThrough(caller, of: nodeID, from: origin) ?? (moved: true, position: nil)
            // The node's host, while the origin's engine is still that node (an engine's
            // membership and the address book change together: Swarm+Membership.swift).
            let sender = hosts[origin.index].membership?.nodeID == nodeID ? origin : nil
            dispatcherHeartbeat(nodeID: nodeID, origin: origin, incarnation: incarnation, newStream: stream.moved, via: caller,
                                position: stream.position, sender: sender, on: host, target: target)
        case .taskStatus(_, let reports):
            dispatcherTaskStatus(reports, on: host)
            reply(target, .taskStatusAccepted, from: host)
        }
    }

    // MARK: On the leader (or a local read)

    func execute(_ request: EngineRequest, on host: HostID, target: ReplyTarget) {
        guard let m = hosts[host.index].manager else { return reply(target, .failed(.worker), from: host) }
        let store = m.store
        func answer(_ r: EngineResult) { reply(target, .api(r), from: host) }
        switch request {
        case .swarmInspect:
            guard let cluster = store.cluster else { return answer(.failure(.notInSwarm)) }
            answer(.success(.cluster(cluster, managerAddress: leaderAddress(seenFrom: host))))
        case .get(let queries):
            answer(.success(self.answer(queries, in: store, on: host)))
        case .nodeUpdate(let ref, let update):
            updateNode(ref, update, manager: m, on: host, target: target)
        case .nodeRemove(let ref, let force):
            guard let node = store.resolveNode(ref) else { return answer(.failure(.noSuchNode(ref))) }
            if node.role == .manager && node.raftID != 0 && m.raft.voters.contains(node.raftID) {
                return answer(.failure(.rpc("FailedPrecondition", "node \(node.id) is a cluster manager and is a member of the raft cluster. It must be demoted to worker before removal")))
            }
            if !force && node.state == .ready {
                return answer(.failure(.rpc("FailedPrecondition", "node \(node.id) is not down and can't be removed")))
            }
            propose([.removeNode(id: node.id)], on: host, target: target, reply: .api(.success(.done)))
        case .swarmUpdate(let heartbeat, let limit, let rotateWorker, let rotateManager):
            updateSwarm(heartbeat: heartbeat, taskHistoryLimit: limit, rotateWorker: rotateWorker,
                        rotateManager: rotateManager, in: store, on: host, target: target)
        case .serviceCreate(let requested):
            guard let spec = withNetworkIDs(requested, in: store, else: answer) else { return }
            if let error = ServiceLimits.refusal(spec) { return answer(.failure(error)) }
            if let error = store.createServiceError(spec) { return answer(.failure(EngineError(error))) }
            let id = identity.newID()
            propose([.createService(ServiceRecord(id: id, spec: spec, createdAt: now))], on: host, target: target,
                    reply: .api(.success(.created(id: id))))
        case .serviceUpdate(let id, let requested):
            guard let spec = withNetworkIDs(requested, in: store, else: answer) else { return }
            if let error = ServiceLimits.refusal(spec) { return answer(.failure(error)) }
            if let error = store.updateServiceError(id: id, spec) { return answer(.failure(EngineError(error))) }
            propose([.updateService(id: id, spec, at: now)], on: host, target: target, reply: .api(.success(.done)))
        case .serviceRollback(let id):
            if let error = store.rollbackServiceError(id: id) { return answer(.failure(EngineError(error))) }
            propose([.rollbackService(id: id, at: now)], on: host, target: target, reply: .api(.success(.done)))
        case .serviceRemove(let id):
            guard store.service(id: id) != nil else { return answer(.failure(.rpc("NotFound", "service \(id) not found"))) }
            propose([.removeService(id: id)], on: host, target: target, reply: .api(.success(.done)))
        case .networkCreate(let spec):
            createNetwork(spec, in: store, on: host, target: target)
        case .networkRemove(let reference):
            removeNetwork(reference, in: store, on: host, target: target)
        case .payloadCreate, .payloadList, .payloadInspect, .payloadRemove:
            executePayload(request, in: store, on: host, target: target)
        case .swarmAutolock, .swarmUnlockKey, .swarmUnlock:
            executeAutolock(request, in: store, on: host, target: target)
        case .swarmInit, .swarmInitForceNewCluster, .swarmJoin, .swarmLeave, .info:
            answer(.failure(EngineError("unexpected call")))
        }
    }

    /// `docker node update`: a demotion is refused for the last manager or when it would cost
    /// quorum, and takes the node out of Raft (a demoted leader first hands leadership over).
    private func updateNode(_ ref: String, _ update: NodeUpdate, manager m: Manager, on host: HostID,
                            target: ReplyTarget) {
        func answer(_ r: EngineResult) { reply(target, .api(r), from: host) }
        let store = m.store
        guard let node = store.resolveNode(ref) else { return answer(.failure(.noSuchNode(ref))) }
        var commands: [StoreCommand] = [.updateNode(id: node.id, update, at: now)]
        var membership: Raft.MembershipChange?
        if update.role == .worker && node.role == .manager {
            if store.nodes.filter({ $0.role == .manager }).count == 1 {
                return answer(.failure(.rpc("FailedPrecondition", "attempting to demote the last manager of the swarm")))
            }
            // swarmkit looks the node up in the Raft member list (a forced new cluster removed
            // the other managers from it, not from the store).
            guard m.raft.voters.contains(node.raftID) else {
                return answer(.failure(.rpc("NotFound", "can't find manager in raft memberlist")))
            }
            if node.raftID != 0 {
                guard m.raft.canRemove(node.raftID) else { return answer(.failure(.lossOfQuorum)) }
                // A demoted leader hands leadership over before it leaves Raft (reconcileRoles).
                if node.raftID != m.raft.id || m.raft.transferTarget == nil {
                    membership = Raft.MembershipChange(kind: .removeVoter, node: node.raftID)
                    commands.append(.setNodeRole(id: node.id, .worker, raftID: 0, at: now))
                }
            }
        }
        propose(commands, membership: membership, on: host, target: target, reply: .api(.success(.done)))
    }

    /// `docker swarm update`: the heartbeat period and task history limit, and token rotation.
    private func updateSwarm(heartbeat: SimDuration?, taskHistoryLimit limit: Int?, rotateWorker: Bool,
                             rotateManager: Bool, in store: ClusterStore, on host: HostID, target: ReplyTarget) {
        func answer(_ r: EngineResult) { reply(target, .api(r), from: host) }
        guard let cluster = store.cluster else { return answer(.failure(.notInSwarm)) }
        var commands: [StoreCommand] = []
        if heartbeat != nil || limit != nil { commands.append(.updateCluster(heartbeat: heartbeat, taskHistoryLimit: limit, at: now)) }
        let digest = Self.caDigest(of: cluster.workerToken)
        if rotateWorker { commands.append(.rotateToken(.worker, token: identity.newJoinToken(caDigest: digest), at: now)) }
        if rotateManager { commands.append(.rotateToken(.manager, token: identity.newJoinToken(caDigest: digest), at: now)) }
        guard !commands.isEmpty else { return answer(.success(.done)) }
        propose(commands, on: host, target: target, reply: .api(.success(.done)))
    }

    /// The address (with port) of the leader, as `host` knows it: what join instructions print.
    func leaderAddress(seenFrom host: HostID) -> String {
        address(of: knownLeader(host) ?? host) + ":2377"
    }

    static func caDigest(of token: String) -> String {
        let parts = token.split(separator: "-")
        return parts.count == 4 ? String(parts[2]) : ""
    }

    // MARK: info

    func info(_ host: HostID) -> SwarmInfo {
        let h = hosts[host.index]
        let store = h.manager?.store
        return SwarmInfo(
            localState: h.locked ? .locked : h.membership != nil ? .active : (h.backgroundJoin != nil ? .pending : .inactive),
            nodeID: h.membership?.nodeID ?? "",
            nodeAddress: h.address,
            isManager: h.manager != nil,
            clusterID: store?.cluster?.id,
            managers: store.map { s in s.nodes.filter { $0.role == .manager }.count },
            nodes: store?.nodes.count,
            managerAddresses: (store.map { s in s.nodes.filter { $0.role == .manager }.map { $0.address + ":2377" } } ?? h.knownManagers.map { address(of: $0) + ":2377" }).sorted(),
            dispatcherHeartbeat: store?.cluster?.dispatcherHeartbeat,
            taskHistoryLimit: store?.cluster?.taskHistoryLimit,
            snapshotInterval: options.raft.snapshotInterval,
            electionTicks: options.raft.electionTicks,
            heartbeatTicks: options.raft.heartbeatTicks,
            logEntriesForSlowFollowers: options.raft.logEntriesForSlowFollowers,
            autolock: store?.cluster?.unlockKey != nil,
            // moby's Info() asks the control API, which has no leader to ask (LeaderConn's rule).
            error: (h.manager?.ticksWithoutLeader ?? 0) > options.lostQuorumTicks ? EngineError.noLeader.text : nil,
            engine: engineDescription(host))
    }
}
