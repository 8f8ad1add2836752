import SimCore
import Raft
import Orchestration
import NodeRoles

/// How an engine enters and leaves a swarm: `swarm init`, `swarm join` (also in the background,
/// after the command stopped waiting), `swarm leave`.
extension Swarm {
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
        setMembership(Membership(nodeID: nodeID, clusterID: clusterID, raftID: raftID), of: host)
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
        hosts[host.index].pendingJoin = PendingJoin(operation: op, nodeID: nodeID, asManager: true,
                                                    managerAddress: address(of: host) + ":2377")
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
        // `docker swarm join` returns once the node has registered, and a manager once it is in Raft.
        hosts[host.index].pendingJoin = PendingJoin(operation: op, nodeID: nodeID, asManager: role == .manager,
                                                    managerAddress: address(of: managers.first ?? host) + ":2377")
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
        setMembership(Membership(nodeID: nodeID, clusterID: "", raftID: 0), of: host)
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
    /// Every heartbeat answer carries this list: the last one is kept, with what it was made
    /// from, and given again while the voters and the directory are unchanged.
    func managerHosts(of leader: HostID) -> [HostID] {
        let voters = withManager(leader) { $0.raft.voters } ?? []
        if let last = lastManagerHosts, last.directoryChanges == raftDirectoryChanges, last.voters == voters {
            return last.hosts
        }
        let answer = voters.compactMap { raftDirectory[$0] }
        lastManagerHosts = (voters, raftDirectoryChanges, answer)
        return answer
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
        stopAgent(host)
        hostOfNode[membership.nodeID] = nil
        announceLeave(of: host, nodeID: membership.nodeID)
        setMembership(nil, of: host)
        hosts[host.index].raftStorage = nil
        hosts[host.index].knownManagers = []
        traceHost("leave", host)
        notify(.left(host))
        finish(op, .success(.done))
    }
}
