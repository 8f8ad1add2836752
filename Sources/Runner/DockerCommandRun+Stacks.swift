import SimCore
import Orchestration
import Cluster
import ScenarioLanguage
import DockerClient
import Compose

/// `docker stack …`, as docker/cli 28.2.2 runs it (cli/command/stack/swarm): the compose files
/// are read and converted on the client, then sent as the network and service calls
/// `docker network create` and `docker service create/update/rm` make. Which records belong
/// to a stack is `Stack`'s label filter, read from the same leader answer `service ls` reads.
extension DockerCommandRun {
    // MARK: deploy

    mutating func stackDeploy() throws(Diagnostic) {
        let namespace = try argument(0)
        guard let (compose, warnings) = try loadStack() else { return }
        for w in warnings { out += w + "\n\n" }
        if let image = compose.services.first(where: { ($0.image ?? "").isEmpty }) {
            out += "invalid image reference for service \(image.name): no image specified\n"
            return
        }
        if invocation.value("detach") == nil {
            out += "Since --detach=false was not specified, tasks will be created in the background.\n"
                + "In a future release, --detach=false will become the default.\n"
        }
        guard case .success(.info(let info)) = call(.info), info.isManager else {
            out += "this node is not a swarm manager. Use \"docker swarm init\" or \"docker swarm join\" to connect this node to swarm and try again\n"
            return
        }
        let convert = StackConvert(namespace: namespace, file: compose, environment: composeEnvironment)
        do throws(StackConvert.Failure) {
            if invocation.isOn("prune") { prune(namespace, keeping: compose.services.map(\.name)) }
            let networks = try convert.networks()
            guard deployNetworks(networks, namespace: namespace),
                  deployPayloads(convert, composeFile: composeFileName),
                  let services = resolveStackPayloads(convert.services(), namespace: namespace) else { return }
            let ids = deployServices(services, namespace: namespace)
            if invocation.value("detach") == .bool(false) { for id in ids { converge(id, reference: id) } }
        } catch {
            out += error.message + "\n"
        }
    }

    /// The validated name, resolve mode and files, loaded as one compose file; nil after
    /// printing docker's error.
    mutating func loadStack() throws(Diagnostic) -> (ComposeFile, [String])? {
        let namespace = try argument(0)
        if namespace.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\"" || $0 == "'" }) {
            out += "invalid stack name: \(namespace.goQuoted)\n"
            return nil
        }
        if let mode = try text("resolve-image"), !["always", "changed", "never"].contains(mode) {
            out += "Invalid option \(mode) for flag --resolve-image\n"
            return nil
        }
        return try readComposeFiles()
    }

    /// Every `-c` file read beside the scenario and loaded as one; nil after printing the error.
    mutating func readComposeFiles() throws(Diagnostic) -> (ComposeFile, [String])? {
        var files: [(name: String, text: String)] = []
        for value in invocation.values("compose-file") {
            guard case .text(let word) = value else { continue }
            for name in try word.expanded(runner.variable).split(separator: ",").map(String.init) {
                if name == "-" {
                    // Standard input: a pipe in front of the command (`printf … | docker stack deploy -c - app`).
                    files.append(("-", String(decoding: input ?? [], as: UTF8.self)))
                    continue
                }
                switch runner.files.read(name) {
                case .success(let bytes): files.append((name, String(decoding: bytes, as: UTF8.self)))
                case .failure(let e): out += e.message + "\n"; return nil
                }
            }
        }
        guard !files.isEmpty else { out += "Specify a Compose file (with --compose-file)\n"; return nil }
        do throws(ComposeError) {
            let result = try ComposeLoader.load(files: files, environment: composeEnvironment)
            var compose = result.file
            guard applyEnvFiles(&compose, composeFile: files[0].name) else { return nil }
            return (compose, result.warnings)
        } catch {
            out += error.description + "\n"
            return nil
        }
    }

    /// The scenario's variables, for `${VAR}` in compose files and bare `environment` names.
    var composeEnvironment: [String: String] {
        var env: [String: String] = [:]
        for name in ["WORKER_TOKEN", "MANAGER_TOKEN", "LEADER"] { env[name] = runner.variable(name) }
        for host in runner.hostIDs.keys { env["ID_" + host] = runner.variable("ID_" + host) }
        return env
    }

    /// Creates the stack's networks it does not have yet (createNetworks); false after an error.
    mutating func deployNetworks(_ networks: (create: [NetworkSpec], external: [String]), namespace: String) -> Bool {
        let queries = networks.external.map { EngineQuery.inspect(.network, $0) } + [.list(.network, Stack.filter(namespace))]
        guard let answers = get(queries) else { return false }
        for (i, name) in networks.external.enumerated() where answers[i].networks.isEmpty {
            out += "network \(name.goQuoted) is declared as external, but could not be found. You need to create a swarm-scoped network before the stack is deployed\n"
            return false
        }
        let existing = answers[networks.external.count].networks.compactMap(\.record?.spec.name)
        for spec in networks.create where !existing.contains(spec.name) {
            out += "Creating network \(spec.name)\n"
            if case .failure(let e) = call(.networkCreate(spec)) {
                out += "failed to create network \(spec.name): Error response from daemon: \(e.text)\n"
                return false
            }
        }
        return true
    }
}
