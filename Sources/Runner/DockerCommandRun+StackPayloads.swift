import Orchestration
import Cluster
import DockerClient

/// A stack's secrets and configs, as docker/cli 28.2.2's stack deploy and rm handle them
/// (cli/command/stack/swarm deploy_composefile.go `createSecrets`/`createConfigs`,
/// remove.go `removeSecrets`/`removeConfigs`; convert's `Secrets`/`Configs`).
extension DockerCommandRun {
    /// Reads each kind's files, then creates those the swarm does not have yet, saying
    /// `Creating secret NAME`; false after printing docker's error. A secret or config that
    /// already exists is kept as it is: docker sends a label-only update the daemon accepts
    /// when the data is unchanged (a changed file is not refused here as the daemon would).
    mutating func deployPayloads(_ convert: StackConvert, composeFile: String) -> Bool {
        let directory = composeFile.lastIndex(of: "/").map { String(composeFile[...$0]) } ?? ""
        for kind in [PayloadKind.secret, .config] {
            var specs: [PayloadSpec] = []
            for (spec, path) in convert.objects(kind, directory: directory) {
                switch runner.files.read(path) {
                case .failure(let e): out += e.message + "\n"; return false
                case .success(let bytes): specs.append(PayloadSpec(name: spec.name, labels: spec.labels, data: bytes))
                }
            }
            for spec in specs {
                guard let existing = payloads(kind, named: [spec.name]) else { return false }
                if existing.contains(where: { $0.spec.name == spec.name }) { continue }
                out += "Creating \(kind.rawValue) \(spec.name)\n"
                if case .failure(let e) = call(.payloadCreate(kind, spec)) {
                    out += "failed to create \(kind.rawValue) \(spec.name): Error response from daemon: \(e.text)\n"
                    return false
                }
            }
        }
        return true
    }

    /// The first `-c` file's name: the loader resolves `file:` paths from its directory.
    var composeFileName: String {
        for value in invocation.values("compose-file") {
            if case .text(let word) = value, let name = (try? word.expanded(runner.variable))?.split(separator: ",").first {
                return String(name)
            }
        }
        return ""
    }

    /// The secrets or configs whose names start with one of `names`; nil after the daemon's error.
    mutating func payloads(_ kind: PayloadKind, named names: [String]) -> [PayloadRecord]? {
        var filters = PayloadFilters()
        filters.namePrefixes = names
        switch call(.payloadList(kind, filters)) {
        case .success(.payloads(let records)): return records
        case .failure(let e): fail(e); return nil
        case .success: return nil
        }
    }

    /// Fills in the IDs of every service's secrets and configs, as convert.Services does
    /// before anything is created; nil after printing `service NAME: secret not found: X`.
    mutating func resolveStackPayloads(_ services: [(name: String, spec: Result<ServiceSpec, StackConvert.Failure>)],
                                       namespace: String) -> [(name: String, spec: Result<ServiceSpec, StackConvert.Failure>)]? {
        var resolved = services
        for i in resolved.indices {
            guard case .success(var spec) = resolved[i].spec else { continue }
            for kind in [PayloadKind.secret, .config] {
                var refs = kind == .secret ? spec.task.secrets : spec.task.configs
                if let problem = lookUp(&refs, kind) {
                    out += "service \(Stack.descope(namespace, resolved[i].name)): \(problem)\n"
                    return nil
                }
                if kind == .secret { spec.task.secrets = refs } else { spec.task.configs = refs }
            }
            resolved[i].spec = .success(spec)
        }
        return resolved
    }

    /// docker/cli service/parse.go `ParseSecrets`/`ParseConfigs`: repeated targets refused,
    /// names listed by the daemon, each one's ID filled in; the problem in docker's words.
    private mutating func lookUp(_ refs: inout [PayloadReference], _ kind: PayloadKind) -> String? {
        guard !refs.isEmpty else { return nil }
        var targets: [String] = []
        for r in refs {
            if targets.contains(r.target) { return "duplicate \(kind.rawValue) target for \(r.name) not allowed" }
            targets.append(r.target)
        }
        guard let records = payloads(kind, named: refs.map(\.name)) else { return "" }
        for i in refs.indices {
            guard let record = records.first(where: { $0.spec.name == refs[i].name }) else {
                return "\(kind.rawValue) not found: \(refs[i].name)"
            }
            refs[i].id = record.id
        }
        return nil
    }

    /// The stack's secrets, then its configs, each sorted by name; nil after the daemon's error.
    mutating func stackPayloads(_ namespace: String) -> [PayloadRecord]? {
        var filters = PayloadFilters()
        filters.labels = [(Stack.namespaceLabel, namespace)]
        var all: [PayloadRecord] = []
        for kind in [PayloadKind.secret, .config] {
            switch call(.payloadList(kind, filters)) {
            case .success(.payloads(let records)): all += records.sorted { $0.spec.name < $1.spec.name }
            case .failure(let e): fail(e); return nil
            case .success: return nil
            }
        }
        return all
    }

    /// Removes the stack's secrets and configs, saying so; true if one failed
    /// (removeSecrets/removeConfigs).
    mutating func removeStackPayloads(_ records: [PayloadRecord]) -> Bool {
        var failed = false
        for r in records {
            out += "Removing \(r.kind.rawValue) \(r.spec.name)\n"
            if case .failure(let e) = call(.payloadRemove(r.kind, r.id)) {
                out += "Failed to remove \(r.kind.rawValue) \(r.id): Error response from daemon: \(e.text)"
                failed = true
            }
        }
        return failed
    }
}
