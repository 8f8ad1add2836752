import SimCore
import Orchestration
import Cluster
import ScenarioLanguage
import DockerClient

/// The docker CLI on a host: each command becomes the Engine API calls the real CLI makes,
/// run on the swarm until answered, and its output is worded as docker words it.
extension ScenarioRunner {
    func docker(_ inv: DockerInvocation, on host: HostID) throws(Diagnostic) -> String {
        let swarm = try ensureSwarm()
        var cli = DockerCommandRun(runner: self, swarm: swarm, host: host, invocation: inv)
        return try cli.run()
    }
}

/// One docker command line being carried out.
struct DockerCommandRun {
    let runner: ScenarioRunner
    let swarm: Swarm
    let host: HostID
    let invocation: DockerInvocation
    var out = ""
    /// The command's standard input (`printf … | docker …`); nil when nothing is piped in.
    var input: [UInt8]?

    init(runner: ScenarioRunner, swarm: Swarm, host: HostID, invocation: DockerInvocation) {
        self.runner = runner; self.swarm = swarm; self.host = host; self.invocation = invocation
    }

    /// Calls the engine and runs the swarm until it answers (or the runner's timeout).
    func call(_ request: EngineRequest) -> EngineResult {
        let op = swarm.submit(request, on: host)
        swarm.run(until: { $0.result(of: op) != nil }, deadline: swarm.now + runner.options.commandTimeout)
        return swarm.takeResult(of: op) ?? .failure(EngineError("no answer after \(runner.options.commandTimeout) (the command is still waiting)"))
    }

    mutating func fail(_ error: EngineError) { out += "Error response from daemon: \(error.text)\n" }

    /// A flag's text with variables expanded.
    func text(_ name: String) throws(Diagnostic) -> String? {
        guard let w = invocation.text(name) else { return nil }
        return try w.expanded(runner.variable)
    }

    func argument(_ i: Int) throws(Diagnostic) -> String {
        try invocation.arguments[i].expanded(runner.variable)
    }

    var arguments: [Word] { invocation.arguments }

    mutating func run() throws(Diagnostic) -> String {
        switch invocation.path {
        case ["swarm", "init"]: swarmInit()
        case ["swarm", "join"]: try swarmJoin()
        case ["swarm", "join-token"]: try joinToken()
        case ["swarm", "leave"]: leave()
        case ["swarm", "update"] where invocation.has("autolock"): swarmUpdateAutolock()
        case ["swarm", "update"]: swarmUpdate()
        case ["swarm", "unlock-key"]: unlockKey()
        case ["swarm", "unlock"]: unlock()
        case ["node", "ls"]: nodeList()
        case ["node", "inspect"]: try nodeInspect()
        case ["node", "promote"]: try changeRole(to: .manager)
        case ["node", "demote"]: try changeRole(to: .worker)
        case ["node", "update"]: try nodeUpdate()
        case ["node", "rm"]: try nodeRemove()
        case ["node", "ps"]: try nodeTasks()
        case ["service", "create"]: try serviceCreate()
        case ["service", "ls"]: serviceList()
        case ["service", "ps"]: try servicePs()
        case ["service", "inspect"]: try serviceInspect()
        case ["service", "scale"]: try serviceScale()
        case ["service", "update"]: try serviceUpdate()
        case ["service", "rollback"]: try serviceRollback()
        case ["service", "rm"]: try serviceRemove()
        case ["network", "create"]: try networkCreate()
        case ["network", "ls"]: networkList()
        case ["network", "inspect"]: try networkInspect()
        case ["network", "rm"]: try networkRemove()
        case ["stack", "deploy"]: try stackDeploy()
        case ["stack", "ls"]: stackList()
        case ["stack", "services"]: try stackServices()
        case ["stack", "ps"]: try stackTasks()
        case ["stack", "rm"]: try stackRemove()
        case ["stack", "config"]: try stackConfig()
        case ["secret", "create"], ["config", "create"]: try payloadCreate()
        case ["secret", "ls"], ["config", "ls"]: payloadList()
        case ["secret", "inspect"], ["config", "inspect"]: try payloadInspect()
        case ["secret", "rm"], ["config", "rm"]: try payloadRemove()
        case ["ps"]: containers()
        case ["info"]: info()
        default:
            throw Diagnostic(at: invocation.location, length: invocation.commandName.count,
                             "'\(invocation.commandName)' is not simulated yet",
                             hint: "the simulator runs swarm, node, service, network, secret, config, ps and info commands so far")
        }
        return out
    }

    // MARK: swarm

    mutating func swarmInit() {
        var request = EngineRequest.swarmInit(advertiseAddress: invocation.text("advertise-addr")?.text,
                                              dispatcherHeartbeat: invocation.duration("dispatcher-heartbeat"),
                                              taskHistoryLimit: invocation.int("task-history-limit"))
        if invocation.isOn("force-new-cluster") {
            request = .swarmInitForceNewCluster(dispatcherHeartbeat: invocation.duration("dispatcher-heartbeat"),
                                                taskHistoryLimit: invocation.int("task-history-limit"))
        }
        switch call(request) {
        case .failure(let e): fail(e)
        case .success(.joined(let nodeID, _, let address)):
            guard case .success(.cluster(let c, _)) = call(.swarmInspect) else {
                out += "Swarm initialized: current node (\(nodeID)) is now a manager.\n"
                return
            }
            out += DockerFormat.swarmInitialized(nodeID: nodeID, token: c.workerToken, managerAddress: address)
            if invocation.isOn("autolock") { initAutolock() }
        case .success: break
        }
    }

    mutating func swarmJoin() throws(Diagnostic) {
        let token = try text("token") ?? ""
        let remote = try argument(0)
        switch call(.swarmJoin(token: token, remoteAddress: remote, advertiseAddress: try text("advertise-addr"))) {
        case .failure(let e): fail(e)
        case .success(.joined(_, let asManager, _)): out += DockerFormat.joined(asManager: asManager)
        case .success: break
        }
    }

    mutating func joinToken() throws(Diagnostic) {
        let roleText = try argument(0)
        let role: NodeRole = roleText == "manager" ? .manager : .worker
        let rotate = invocation.isOn("rotate")
        if rotate {
            let r = call(.swarmUpdate(dispatcherHeartbeat: nil, taskHistoryLimit: nil,
                                      rotateWorkerToken: role == .worker, rotateManagerToken: role == .manager))
            if case .failure(let e) = r { return fail(e) }
        }
        switch call(.swarmInspect) {
        case .failure(let e): fail(e)
        case .success(.cluster(let c, let address)):
            if invocation.isOn("quiet") { out += c.token(for: role) + "\n"; return }
            out += DockerFormat.joinToken(role: role, token: c.token(for: role), managerAddress: address, rotated: rotate)
        case .success: break
        }
    }

    mutating func leave() {
        switch call(.swarmLeave(force: invocation.isOn("force"))) {
        case .failure(let e): fail(e)
        case .success: out += "Node left the swarm.\n"
        }
    }

    mutating func swarmUpdate() {
        let r = call(.swarmUpdate(dispatcherHeartbeat: invocation.duration("dispatcher-heartbeat"),
                                  taskHistoryLimit: invocation.int("task-history-limit"),
                                  rotateWorkerToken: false, rotateManagerToken: false))
        switch r {
        case .failure(let e): fail(e)
        case .success: out += "Swarm updated.\n"
        }
    }

    // MARK: node

    /// The node ID of the engine this command runs on (`self`, the `*` in node ls).
    var currentNodeID: String? { swarm.nodeID(of: host) }

    mutating func nodeList() {
        guard let answers = get([.list(.node, filters)]) else { return }
        if let e = answers[0].error { return fail(e) }
        out += DockerFormat.nodeList(answers[0].nodes, currentNodeID: currentNodeID, quiet: invocation.isOn("quiet"))
    }

    func reference(_ i: Int) throws(Diagnostic) -> String {
        let ref = try argument(i)
        return ref == "self" ? (currentNodeID ?? ref) : ref
    }

    mutating func nodeInspect() throws(Diagnostic) {
        var views: [NodeView] = []
        var missing: [String] = []
        for i in arguments.indices {
            let ref = try reference(i)
            guard let answers = get([.inspect(.node, ref)]) else { continue }
            switch answers[0] {
            case .failure(let e) where e == .noSuchNode(ref): missing.append(try argument(i))
            case .failure(let e): fail(e)
            case .success: views += answers[0].nodes
            }
        }
        if invocation.isOn("pretty") {
            out += views.map(DockerFormat.nodeInspectPretty).joined(separator: "\n\n")
        } else {
            out += DockerFormat.nodeInspectJSON(views)
        }
        // Docker 23 and later print the daemon's not-found error as it is.
        for name in missing { out += "Error response from daemon: node \(name) not found\n" }
    }

    mutating func changeRole(to role: NodeRole) throws(Diagnostic) {
        for i in arguments.indices {
            let ref = try reference(i)
            let name = try argument(i)
            guard let answers = get([.inspect(.node, ref)]) else { continue }
            switch answers[0] {
            case .failure(let e):
                fail(e)
                continue
            case .success:
                guard let v = answers[0].nodes.first else { continue }
                if v.record.role == role {
                    out += role == .manager ? "Node \(name) is already a manager.\n" : "Node \(name) is already a worker.\n"
                    continue
                }
                switch call(.nodeUpdate(v.record.id, NodeUpdate(role: role))) {
                case .failure(let e): fail(e)
                case .success:
                    out += role == .manager ? "Node \(name) promoted to a manager in the swarm.\n" : "Manager \(name) demoted in the swarm.\n"
                }
            }
        }
    }

    mutating func nodeUpdate() throws(Diagnostic) {
        var update = NodeUpdate()
        if let a = invocation.text("availability")?.text { update.availability = NodeAvailability(rawValue: a) }
        if let r = invocation.text("role")?.text { update.role = NodeRole(rawValue: r) }
        for v in invocation.values("label-add") { if case .keyValue(let k, let val) = v { update.labelsToAdd.append((k, val ?? "")) } }
        for v in invocation.values("label-rm") {
            if case .text(let w) = v { update.labelsToRemove.append(w.text) }
            if case .keyValue(let k, _) = v { update.labelsToRemove.append(k) }
        }
        let name = try argument(0)
        switch call(.nodeUpdate(try reference(0), update)) {
        case .failure(let e): fail(e)
        case .success: out += name + "\n"
        }
    }

    mutating func nodeRemove() throws(Diagnostic) {
        for i in arguments.indices {
            let name = try argument(i)
            switch call(.nodeRemove(try reference(i), force: invocation.isOn("force"))) {
            case .failure(let e): fail(e)
            case .success: out += name + "\n"
            }
        }
    }

    mutating func info() {
        if case .success(.info(let i)) = call(.info) { out += DockerFormat.info(i) }
    }
}
