import SimCore
import Orchestration
import Cluster
import ScenarioLanguage
import DockerClient

/// `docker secret …` and `docker config …`, and the look-up by name the CLI makes before it
/// sends a service spec that uses them (docker/cli cli/command/secret, cli/command/config,
/// service/parse.go `ParseSecrets`/`ParseConfigs`).
extension DockerCommandRun {
    /// `secret` or `config`, from the command's path.
    var payloadKind: PayloadKind { invocation.path.first == "config" ? .config : .secret }

    mutating func payloadCreate() throws(Diagnostic) {
        let kind = payloadKind
        let name = try argument(0)
        let (data, problem) = try payloadData(kind)
        if let problem {
            // docker/cli config create wraps the reader's error; secret create does not.
            out += (kind == .config ? "Error reading content from \"\(try argument(1))\": " : "") + problem + "\n"
            return
        }
        var labels = Labels()
        for v in invocation.values("label") { if case .keyValue(let k, let val) = v { labels[k] = val ?? "" } }
        switch call(.payloadCreate(kind, PayloadSpec(name: name, labels: labels, data: data))) {
        case .failure(let e): fail(e)
        case .success(.created(let id)): out += id + "\n"
        case .success: break
        }
    }

    /// The content: the file named by the second argument, or standard input for `-`
    /// (`readSecretData` / `readConfigData`, with their words for each failure).
    func payloadData(_ kind: PayloadKind) throws(Diagnostic) -> (data: [UInt8], problem: String?) {
        guard arguments.count > 1 else { return ([], "\(kind.rawValue) file is required") }
        let file = try argument(1)
        if file == "-" {
            let data = Array((input ?? []).prefix(2 * kind.maxSize))
            return (data, data.isEmpty ? "error reading from STDIN: data is empty" : nil)
        }
        switch runner.files.read(file) {
        case .failure(let e): return ([], "error reading from \(file): \(e.message)")
        case .success(let bytes):
            let data = Array(bytes.prefix(2 * kind.maxSize))
            return (data, data.isEmpty ? "error reading from \(file): data is empty" : nil)
        }
    }

    mutating func payloadList() {
        var pairs: [(String, String)] = []
        for v in invocation.values("filter") { if case .keyValue(let k, let val) = v { pairs.append((k, val ?? "")) } }
        let filters: PayloadFilters
        do throws(PayloadReferenceError) { filters = try PayloadFilters(pairs: pairs) } catch {
            return fail(EngineError(error.message))
        }
        switch call(.payloadList(payloadKind, filters)) {
        case .failure(let e): fail(e)
        case .success(.payloads(let records)):
            out += DockerFormat.payloadList(records, kind: payloadKind, now: swarm.now, quiet: invocation.isOn("quiet"))
        case .success: break
        }
    }

    mutating func payloadInspect() throws(Diagnostic) {
        var found: [PayloadRecord] = []
        var errors = ""
        for i in arguments.indices {
            switch call(.payloadInspect(payloadKind, try argument(i))) {
            case .failure(let e): errors += "Error response from daemon: \(e.text)\n"
            case .success(.payload(let r)): found.append(r)
            case .success: break
            }
        }
        out += invocation.isOn("pretty") ? found.map(DockerFormat.payloadInspectPretty).joined() : DockerFormat.payloadInspectJSON(found)
        out += errors
    }

    mutating func payloadRemove() throws(Diagnostic) {
        var errors = ""   // docker/cli: the removed names first, then the errors
        for i in arguments.indices {
            let name = try argument(i)
            switch call(.payloadRemove(payloadKind, name)) {
            case .failure(let e): errors += "Error response from daemon: \(e.text)\n"
            case .success: out += name + "\n"
            }
        }
        out += errors
    }

    // MARK: Service references

    /// Fills in the ID of every secret and config the spec names but has no ID for yet, as
    /// the CLI does before it sends the spec. False (and docker's message printed) when a
    /// target repeats or a name is not found.
    mutating func resolvePayloads(_ spec: inout ServiceSpec) -> Bool {
        guard let secrets = resolve(spec.task.secrets, .secret), let configs = resolve(spec.task.configs, .config) else { return false }
        spec.task.secrets = secrets
        spec.task.configs = configs
        return true
    }

    private mutating func resolve(_ refs: [PayloadReference], _ kind: PayloadKind) -> [PayloadReference]? {
        var targets: [String] = []
        for r in refs {
            if targets.contains(r.target) { out += "duplicate \(kind.rawValue) target for \(r.name) not allowed\n"; return nil }
            targets.append(r.target)
        }
        let wanted = refs.filter { $0.id.isEmpty }
        guard !wanted.isEmpty else { return refs }
        var filters = PayloadFilters()
        filters.namePrefixes = wanted.map(\.name)
        let records: [PayloadRecord]
        switch call(.payloadList(kind, filters)) {
        case .success(.payloads(let r)): records = r
        case .failure(let e): fail(e); return nil
        case .success: return nil
        }
        var resolved = refs
        for i in resolved.indices where resolved[i].id.isEmpty {
            guard let record = records.first(where: { $0.spec.name == resolved[i].name }) else {
                out += "\(kind.rawValue) not found: \(resolved[i].name)\n"
                return nil
            }
            resolved[i].id = record.id
        }
        return resolved
    }
}
