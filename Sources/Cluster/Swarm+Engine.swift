import SimCore
import Raft
import Orchestration

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
        operations.finish(op, result)
    }

    func start(_ op: OperationID) {
        guard let operation = operations[op] else { return }
        let host = operation.host
        let request = operation.request
        switch request {
        case .swarmInit(let advertise, let heartbeat, let limit):
            initSwarm(op, on: host, advertise: advertise, heartbeat: heartbeat, historyLimit: limit)
        case .swarmJoin(let token, let remote, _):
            join(op, on: host, token: token, remote: remote)
        case .swarmLeave(let force):
            leave(op, on: host, force: force)
        case .info:
            finish(op, .success(.info(info(host))))
        case .networkCreate(let spec):
            if let error = localNetworkCreateError(spec, on: host) { return finish(op, .failure(error)) }
            routeToLeader(op)
        default:
            routeToLeader(op)
        }
    }

    /// Sends a manager-only call where swarmkit's raft proxy would: to the leader.
    func routeToLeader(_ op: OperationID) {
        guard let operation = operations[op] else { return }
        let host = operation.host
        guard current(host, operation.hostIncarnation) else { return }
        let request = operation.request
        guard hosts[host.index].membership != nil else { return finish(op, .failure(.notInSwarm)) }
        guard let m = hosts[host.index].manager else { return finish(op, .failure(.worker)) }
        if m.raft.role == .leader || (options.reads == .local && !request.isWrite) {
            execute(request, on: host, target: .operation(op))
        } else if let leader = knownLeader(host) {
            _ = call(.api(request), from: host, to: leader, purpose: .operation(op), timeout: options.requestTimeout)
        } else if m.ticksWithoutLeader > options.lostQuorumTicks {
            finish(op, .failure(.noLeader))
        } else {
            // swarmkit's LeaderConn polls for a leader once a second until lostQuorumTimeout.
            schedule(.retryOperation(op), after: .seconds(1))
        }
    }

    func retry(_ op: OperationID) {
        guard let operation = operations[op], operation.result == nil else { return }
        routeToLeader(op)
    }

    func receiveCall(_ id: CallID, _ call: Call, from caller: HostID, at host: HostID) {
        guard let m = hosts[host.index].manager else {
            // Not a manager (any more): the caller will try another.
            return send(.reply(id, .failed(hosts[host.index].membership == nil ? .notInSwarm : .worker)), from: host, to: caller)
        }
        if m.raft.role != .leader {
            guard let leader = knownLeader(host), leader != host else {
                return send(.reply(id, .failed(.noLeader)), from: host, to: caller)
            }
            _ = self.call(call, from: host, to: leader, purpose: .proxy(id, origin: caller), timeout: options.requestTimeout)
            return
        }
        let target = ReplyTarget.remote(id, to: caller)
        // A proxied call's caller is the proxying manager: the joiner is the host the call
        // describes (in Swarm, its own address and, for raftJoin, its certificate's node ID).
        switch call {
        case .api(let request): execute(request, on: host, target: target)
        case .join(let token, let hostname, let address, let cpus, let memory, let version):
            admit(token: token, hostname: hostname, address: address, nanoCPUs: cpus, memoryBytes: memory,
                  engineVersion: version, joiner: self.host(named: address) ?? caller, on: host, target: target)
        case .raftJoin(let nodeID, let raftID):
            let joiner = hosts.first(where: { $0.membership?.nodeID == nodeID })?.id ?? caller
            addManager(nodeID: nodeID, raftID: raftID, joiner: joiner, on: host, target: target)
        case .heartbeat(let nodeID):
            hosts[host.index].manager?.sessions[nodeID] = caller
            dispatcherHeartbeat(nodeID: nodeID, on: host, target: target)
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
        case .nodeList:
            answer(.success(.nodes(nodeViews(seenFrom: host))))
        case .nodeInspect(let ref):
            guard let node = store.resolveNode(ref) else { return answer(.failure(.noSuchNode(ref))) }
            answer(.success(.node(NodeView(record: node, managerStatus: managerStatus(raftID: node.raftID, address: node.address, seenFrom: host)))))
        case .nodeUpdate(let ref, let update):
            guard let node = store.resolveNode(ref) else { return answer(.failure(.noSuchNode(ref))) }
            var commands: [StoreCommand] = [.updateNode(id: node.id, update, at: now)]
            var membership: Raft.MembershipChange?
            if update.role == .worker && node.role == .manager {
                if store.nodes.filter({ $0.role == .manager }).count == 1 {
                    return answer(.failure(.rpc("FailedPrecondition", "attempting to demote the last manager of the swarm")))
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
        case .nodeRemove(let ref, let force):
            guard let node = store.resolveNode(ref) else { return answer(.failure(.noSuchNode(ref))) }
            if node.role == .manager && node.raftID != 0 {
                return answer(.failure(.rpc("FailedPrecondition", "node \(node.id) is a cluster manager and is a member of the raft cluster. It must be demoted to worker before removal")))
            }
            if !force && node.state == .ready {
                return answer(.failure(.rpc("FailedPrecondition", "node \(node.id) is not down and can't be removed")))
            }
            propose([.removeNode(id: node.id)], on: host, target: target, reply: .api(.success(.done)))
        case .swarmUpdate(let heartbeat, let limit, let rotateWorker, let rotateManager):
            guard let cluster = store.cluster else { return answer(.failure(.notInSwarm)) }
            var commands: [StoreCommand] = []
            if heartbeat != nil || limit != nil { commands.append(.updateCluster(heartbeat: heartbeat, taskHistoryLimit: limit, at: now)) }
            let digest = Self.caDigest(of: cluster.workerToken)
            if rotateWorker { commands.append(.rotateToken(.worker, token: identity.newJoinToken(caDigest: digest), at: now)) }
            if rotateManager { commands.append(.rotateToken(.manager, token: identity.newJoinToken(caDigest: digest), at: now)) }
            guard !commands.isEmpty else { return answer(.success(.done)) }
            propose(commands, on: host, target: target, reply: .api(.success(.done)))
        case .read:
            answer(.success(.store(store)))
        case .serviceCreate(let requested):
            guard let spec = withNetworkIDs(requested, in: store, else: answer) else { return }
            if let error = store.createServiceError(spec) { return answer(.failure(EngineError(error))) }
            let id = identity.newID()
            propose([.createService(ServiceRecord(id: id, spec: spec, createdAt: now))], on: host, target: target,
                    reply: .api(.success(.created(id: id))))
        case .serviceUpdate(let id, let requested):
            guard let spec = withNetworkIDs(requested, in: store, else: answer) else { return }
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
        case .swarmInit, .swarmJoin, .swarmLeave, .info:
            answer(.failure(EngineError("unexpected call")))
        }
    }

    /// The address (with port) of the leader, as `host` knows it: what join instructions print.
    func leaderAddress(seenFrom host: HostID) -> String {
        address(of: knownLeader(host) ?? host) + ":2377"
    }

    static func caDigest(of token: String) -> String {
        let parts = token.split(separator: "-")
        return parts.count == 4 ? String(parts[2]) : ""
    }

    // MARK: swarm init

    func initSwarm(_ op: OperationID, on host: HostID, advertise: String?, heartbeat: SimDuration?, historyLimit: Int?) {
        guard hosts[host.index].membership == nil else { return finish(op, .failure(.alreadyInSwarm)) }
        if let advertise, self.host(named: advertise) != host {
            return finish(op, .failure(EngineError("advertise address must be a non-zero IP address or network interface (with optional port number)")))
        }
        let nodeID = identity.newID()
        let clusterID = identity.newID()
        let raftID = identity.newRaftID()
        let digest = identity.newCADigest()
        var cluster = ClusterRecord(id: clusterID, workerToken: identity.newJoinToken(caDigest: digest),
                                    managerToken: identity.newJoinToken(caDigest: digest), createdAt: now)
        cluster.dispatcherHeartbeat = heartbeat ?? options.dispatcherHeartbeat
        if let historyLimit { cluster.taskHistoryLimit = historyLimit }
        var node = nodeRecord(for: host, id: nodeID, role: .manager)
        node.raftID = raftID
        hosts[host.index].membership = Membership(nodeID: nodeID, clusterID: clusterID, raftID: raftID)
        hostOfNode[nodeID] = host
        notify(.joined(host, .manager))
        hosts[host.index].raftStorage = nil
        var raft = StoreRaft(id: raftID, voters: [raftID], config: options.raft, random: raftRandom(host))
        raft.campaign()
        startManager(host, raft: raft)
        processReady(host)
        propose([.createCluster(cluster), .createNetwork(ingressNetwork(clusterID: clusterID)), .addNode(node)],
                on: host, target: nil, reply: .api(.success(.done)))
        startAgent(host)
        // `swarm init` returns once the node has registered with its dispatcher.
        let answer = EngineResponse.joined(nodeID: nodeID, asManager: true, managerAddress: address(of: host) + ":2377")
        hosts[host.index].agent?.pendingJoin = (op, answer)
    }

    func nodeRecord(for host: HostID, id: String, role: NodeRole) -> NodeRecord {
        let h = hosts[host.index]
        var record = NodeRecord(id: id, hostname: h.name, role: role, address: h.address,
                                engineVersion: options.engineVersion, nanoCPUs: h.nanoCPUs,
                                memoryBytes: h.memoryBytes, createdAt: now)
        record.engineLabels = h.engineLabels
        return record
    }

    // MARK: swarm join

    func join(_ op: OperationID, on host: HostID, token: String, remote: String) {
        guard hosts[host.index].membership == nil, hosts[host.index].backgroundJoin == nil else {
            return finish(op, .failure(.alreadyInSwarm))
        }
        guard let manager = self.host(named: remote) else {
            return finish(op, .failure(.rpc("Unavailable", "connection error: desc = \"transport: Error while dialing: dial tcp \(remote): connect: no route to host\"")))
        }
        // The joining node parses the token before it asks anyone (swarmkit ParseJoinToken).
        if case .failure(let error) = JoinToken.rootDigest(token) { return finish(op, .failure(error)) }
        let h = hosts[host.index]
        _ = call(.join(token: token, hostname: h.name, address: h.address, nanoCPUs: h.nanoCPUs,
                       memoryBytes: h.memoryBytes, engineVersion: options.engineVersion),
                 from: host, to: manager, purpose: .operation(op), timeout: options.requestTimeout)
    }

    /// On the leader: checks the token, records the node, and for a manager adds it to Raft.
    func admit(token: String, hostname: String, address: String, nanoCPUs: Int64, memoryBytes: Int64,
               engineVersion: String, joiner: HostID, on host: HostID, target: ReplyTarget) {
        guard let m = hosts[host.index].manager, let cluster = m.store.cluster else {
            return reply(target, .failed(.noLeader), from: host)
        }
        // The joiner checks the root CA it is given against the token's digest (GetRemoteCA).
        if case .success(let expected) = JoinToken.rootDigest(token), JoinToken.rootDigest(cluster.workerToken) != .success(expected) {
            return reply(target, .failed(JoinToken.caMismatch(expected: expected)), from: host)
        }
        let role: NodeRole
        if token == cluster.workerToken { role = .worker }
        else if token == cluster.managerToken { role = .manager }
        else { return reply(target, .failed(.invalidToken), from: host) }
        // A manager joins Raft afterwards, by the same path as a promoted worker (raftJoin).
        let nodeID = identity.newID()
        propose([.addNode(nodeRecord(for: joiner, id: nodeID, role: role))], on: host, target: target,
                reply: .joined(nodeID: nodeID, role: role, managers: managerHosts(of: host)))
    }

    func joinSucceeded(_ op: OperationID, nodeID: String, role: NodeRole, managers: [HostID]) {
        guard let operation = operations[op], case .swarmJoin(_, let remote, _) = operation.request else { return }
        let host = operation.host
        becomeMember(host, nodeID: nodeID, role: role, managers: managers, via: remote)
        let answer = EngineResponse.joined(nodeID: nodeID, asManager: role == .manager,
                                           managerAddress: address(of: managers.first ?? host) + ":2377")
        // `docker swarm join` returns once the node has registered, and a manager once it is in Raft.
        hosts[host.index].agent?.pendingJoin = (op, answer)
        if role == .manager { reconcileRole(host, role: .manager, isRaftMember: false) }
    }

    /// The engine on `host` is now node `nodeID`: it remembers the managers, with the one it
    /// joined through first (the one that knows the leader: swarmkit sends a new manager's Raft
    /// join to the join address), and starts its agent.
    func becomeMember(_ host: HostID, nodeID: String, role: NodeRole, managers: [HostID], via remote: String) {
        var known = managers
        if let via = self.host(named: remote) {
            known.removeAll { $0 == via }
            known.insert(via, at: 0)
        }
        hosts[host.index].knownManagers = known
        hosts[host.index].membership = Membership(nodeID: nodeID, clusterID: "", raftID: 0)
        hostOfNode[nodeID] = host
        notify(.joined(host, role))
        startAgent(host)
    }

    // MARK: Joining in the background

    /// How long an engine joining in the background waits between attempts.
    static let joinRetryDelay = SimDuration.seconds(5)

    /// Asks the join address again, for a join `docker swarm join` gave up waiting for (moby
    /// keeps its node's join running). A lost answer may leave a node record behind on the
    /// leader, as in swarmkit; the dispatcher marks it Down when no engine reports as it.
    func sendBackgroundJoin(_ host: HostID) {
        guard let (token, remote) = hosts[host.index].backgroundJoin, hosts[host.index].membership == nil else { return }
        guard let manager = self.host(named: remote) else {
            hosts[host.index].backgroundJoin = nil
            return
        }
        let h = hosts[host.index]
        _ = call(.join(token: token, hostname: h.name, address: h.address, nanoCPUs: h.nanoCPUs,
                       memoryBytes: h.memoryBytes, engineVersion: options.engineVersion),
                 from: host, to: manager, purpose: .backgroundJoin, timeout: options.requestTimeout)
    }

    func backgroundJoinAnswered(_ host: HostID, _ reply: Reply) {
        guard let (_, remote) = hosts[host.index].backgroundJoin, hosts[host.index].membership == nil else { return }
        switch reply {
        case .joined(let nodeID, let role, let managers):
            hosts[host.index].backgroundJoin = nil
            becomeMember(host, nodeID: nodeID, role: role, managers: managers, via: remote)
            if role == .manager { reconcileRole(host, role: .manager, isRaftMember: false) }
        case .failed(let error) where error == .invalidToken:
            hosts[host.index].backgroundJoin = nil
        default:
            schedule(.retryJoin(host, incarnation: network.incarnation(host)), after: Self.joinRetryDelay)
        }
    }

    /// Hosts of the managers agents can talk to: the leader's Raft voters (a promoted node is
    /// not one until it has joined Raft). Cheap enough for every heartbeat.
    func managerHosts(of leader: HostID) -> [HostID] {
        (hosts[leader.index].manager?.raft.voters ?? []).compactMap { raftDirectory[$0] }
    }

    // MARK: swarm leave

    func leave(_ op: OperationID, on host: HostID, force: Bool) {
        if hosts[host.index].membership == nil, hosts[host.index].backgroundJoin != nil {
            hosts[host.index].backgroundJoin = nil
            return finish(op, .success(.done))
        }
        guard let membership = hosts[host.index].membership else {
            return finish(op, .failure(.notPartOfSwarm))
        }
        if let m = hosts[host.index].manager, !force {
            var text = "You are attempting to leave the swarm on a node that is participating as a manager. "
            // moby counts reachable managers from a node list, which the leader answers.
            let voters = m.raft.voters
            let viewer = knownLeader(host) ?? host
            let reachable = voters.filter { v in managerStatus(raftID: v, address: "", seenFrom: viewer)?.reachable ?? false }.count
            let unreachable = voters.count - reachable
            // moby: removingManagerCausesLossOfQuorum(r, u) is r-2 <= u; the counts come from a
            // node list, so they need a leader.
            if m.raft.leader != nil && reachable - 2 <= unreachable {
                if reachable == 1 && unreachable == 0 {
                    text += "Removing the last manager erases all current state of the swarm. Use `--force` to ignore this message. "
                    return finish(op, .failure(EngineError(text)))
                }
                text += "Removing this node leaves \(reachable - 1) managers out of \(reachable + unreachable). Without a Raft quorum your swarm will be inaccessible. "
            }
            text += "The only way to restore a swarm that has lost consensus is to reinitialize it with `--force-new-cluster`. Use `--force` to suppress this message."
            return finish(op, .failure(EngineError(text)))
        }
        if membership.raftID != 0, let leader = knownLeader(host), leader != host {
            // Ask the leader to drop us from Raft; swarmkit tries, and leaves either way.
            _ = call(.api(.nodeUpdate(membership.nodeID, NodeUpdate(role: .worker))), from: host, to: leader,
                     purpose: .none, timeout: .seconds(1))
        }
        if membership.raftID != 0 { safety.retired(membership.raftID) }
        hosts[host.index].manager = nil
        hosts[host.index].agent = nil
        hostOfNode[membership.nodeID] = nil
        announceLeave(of: host, nodeID: membership.nodeID)
        hosts[host.index].membership = nil
        hosts[host.index].raftStorage = nil
        hosts[host.index].knownManagers = []
        traceHost("leave", host)
        notify(.left(host))
        finish(op, .success(.done))
    }

    // MARK: info

    func info(_ host: HostID) -> SwarmInfo {
        let h = hosts[host.index]
        let store = h.manager?.store
        return SwarmInfo(
            localState: h.membership != nil ? .active : (h.backgroundJoin != nil ? .pending : .inactive),
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
            // moby's Info() asks the control API, which has no leader to ask (LeaderConn's rule).
            error: (h.manager?.ticksWithoutLeader ?? 0) > options.lostQuorumTicks ? EngineError.noLeader.text : nil)
    }
}

extension EngineRequest {
    var traceName: String {
        switch self {
        case .swarmInit: "swarm.init"
        case .swarmJoin: "swarm.join"
        case .swarmLeave: "swarm.leave"
        case .swarmInspect: "swarm.inspect"
        case .swarmUpdate: "swarm.update"
        case .nodeList: "node.list"
        case .nodeInspect: "node.inspect"
        case .nodeUpdate: "node.update"
        case .nodeRemove: "node.remove"
        case .info: "info"
        case .read: "read"
        case .serviceCreate: "service.create"
        case .serviceUpdate: "service.update"
        case .serviceRollback: "service.rollback"
        case .serviceRemove: "service.remove"
        case .networkCreate: "network.create"
        case .networkRemove: "network.remove"
        }
    }
}
