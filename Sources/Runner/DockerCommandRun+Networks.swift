import SimCore
import Orchestration
import Cluster
import ScenarioLanguage
import DockerClient

/// `docker network …`: create and rm go to the managers; ls and inspect are answered by the
/// engine the command runs on, from its own networks and, on a manager, the cluster's (as the
/// daemon's network router does: a failed cluster read just leaves the cluster's out; see
/// `Swarm.withEngineNetworks`).
extension DockerCommandRun {
    mutating func networkCreate() throws(Diagnostic) {
        guard invocation.has("driver") else {
            throw Diagnostic(at: invocation.location, length: invocation.commandName.count,
                             "'docker network create' without '-d overlay' makes a local bridge network, which is not simulated",
                             hint: "add '-d overlay' for a swarm network")
        }
        var spec = NetworkSpec(name: try argument(0), attachable: invocation.isOn("attachable"), subnet: try text("subnet"))
        for value in invocation.values("label") { if case .keyValue(let k, let v) = value { spec.labels[k] = v ?? "" } }
        switch call(.networkCreate(spec)) {
        case .failure(let e): fail(e)
        case .success(.created(let id)): out += id + "\n"
        case .success: break
        }
    }

    mutating func networkList() {
        guard let answers = get([.list(.network, filters)]) else { return }
        if let e = answers[0].error { return fail(e) }
        out += DockerFormat.networkList(answers[0].networks, quiet: invocation.isOn("quiet"))
    }

    mutating func networkInspect() throws(Diagnostic) {
        let refs = try arguments.indices.map { i throws(Diagnostic) in try argument(i) }
        guard let answers = get(refs.map { .inspect(.network, $0, verbose: invocation.isOn("verbose")) }) else { return }
        var found: [NetworkView] = []
        var missing: [String] = []
        for (i, ref) in refs.enumerated() {
            if let v = answers[i].networks.first { found.append(v) } else { missing.append(ref) }
        }
        out += DockerFormat.networkInspectJSON(found)
        for ref in missing { out += "Error response from daemon: network \(ref) not found\n" }
    }

    /// `docker network rm`: each network in turn (docker/cli `runRemove`). The ingress network
    /// needs a "y" at the prompt, which a scenario never gives; the engine's own networks
    /// cannot go; a swarm network goes through the managers.
    mutating func networkRemove() throws(Diagnostic) {
        for i in arguments.indices {
            let ref = try argument(i)
            guard let answers = get([.inspect(.network, ref)]) else { continue }
            guard let v = answers[0].networks.first else {
                out += "Error response from daemon: network \(ref) not found\n"
                continue
            }
            if v.record?.isIngress == true {
                out += DockerFormat.ingressRemovalWarning + "\n"
                continue
            }
            if case .local(let n) = v.form {
                if n.name == LocalNetwork.gatewayBridge.name {
                    fail(EngineError("error while removing network: network \(n.name) id \(v.id) has active endpoints"))
                } else {
                    fail(EngineError("\(n.name) is a pre-defined network and cannot be removed"))
                }
                continue
            }
            switch call(.networkRemove(v.id)) {
            case .failure(let e): fail(e)
            case .success: out += ref + "\n"
            }
        }
    }
}
