import YAML

/// Turns the substituted tree into a `ComposeFile`, checking it as docker's schema does.
struct ComposeServiceLoader {
    let values: ComposeValues
    var unsupportedSeen: [String] = []
    var deprecatedSeen: [String] = []

    static let serviceKeys = [
        "build", "cap_add", "cap_drop", "cgroupns_mode", "cgroup_parent", "command", "configs",
        "container_name", "credential_spec", "depends_on", "deploy", "devices", "dns", "dns_search",
        "domainname", "entrypoint", "env_file", "environment", "expose", "external_links",
        "extra_hosts", "healthcheck", "hostname", "image", "init", "ipc", "isolation", "labels",
        "links", "logging", "mac_address", "network_mode", "networks", "pid", "ports", "privileged",
        "read_only", "restart", "secrets", "security_opt", "shm_size", "stdin_open",
        "stop_grace_period", "stop_signal", "sysctls", "tmpfs", "tty", "ulimits", "user",
        "userns_mode", "volumes", "working_dir",
    ]

    mutating func loadFile(_ root: YAML.Node) throws(ComposeError) -> ComposeFile {
        var compose = ComposeFile()
        for (key, value) in try values.mapping(root, "(root)", allowed: ComposeLoader.rootKeys) {
            switch key {
            case "version": compose.version = try values.stringOrNumber(value, "version")
            case "services": compose.services = try services(value)
            case "networks": compose.networks = try ComposeTopLevel(values: values).networks(value)
            case "volumes": compose.volumes = try values.mapping(value, "volumes").map(\.key)
            case "secrets": compose.secrets = try ComposeTopLevel(values: values).objects(value, "secrets")
            case "configs": compose.configs = try ComposeTopLevel(values: values).objects(value, "configs")
            default: break
            }
        }
        try checkReferences(compose, root: root)
        return compose
    }

    mutating func services(_ node: YAML.Node) throws(ComposeError) -> [ComposeService] {
        if node.isNull { return [] }
        guard let pairs = node.mapping else { throw values.fail(node, "services must be a mapping") }
        var out: [ComposeService] = []
        for pair in pairs where !(pair.key.text ?? "").hasPrefix("x-") {
            out.append(try service(pair.key, pair.value))
        }
        return out
    }

    mutating func service(_ keyNode: YAML.Node, _ node: YAML.Node) throws(ComposeError) -> ComposeService {
        let name = keyNode.text ?? ""
        let path = "services.\(name)"
        if let pairs = node.mapping {
            let problems = ComposeLoader.forbidden.filter { f in pairs.contains { $0.key.text == f.0 } }
            if !problems.isEmpty {
                let list = problems.map { "\($0.0): \($0.1)" }.joined(separator: "\n\n")
                throw values.fail(keyNode, "compose file contains unsupported options:\n\n\(list)\n")
            }
        }
        var service = ComposeService(name: name)
        for (key, value) in try values.mapping(node, path, allowed: Self.serviceKeys) {
            try read(key, value, path: "\(path).\(key)", into: &service)
        }
        guard service.image?.isEmpty == false else {
            throw values.fail(keyNode, "invalid image reference for service \(name): no image specified")
        }
        return service
    }

    mutating func read(_ key: String, _ value: YAML.Node, path: String, into service: inout ComposeService) throws(ComposeError) {
        if ComposeLoader.unsupported.contains(key) {
            if !unsupportedSeen.contains(key) { unsupportedSeen.append(key) }
            return
        }
        if let note = ComposeLoader.deprecated.first(where: { $0.0 == key }) {
            let line = "\(note.0): \(note.1)"
            if !deprecatedSeen.contains(line) { deprecatedSeen.append(line) }
            return
        }
        switch key {
        case "image": service.image = try values.string(value, path)
        case "command": service.command = try values.command(value, path)
        case "entrypoint": service.entrypoint = try values.command(value, path)
        case "environment": service.environment = try values.listOrDict(value, path)
        case "env_file":
            service.envFiles = value.sequence != nil ? try values.strings(value, path) : [try values.string(value, path)]
        case "labels": service.labels = try values.listOrDict(value, path).map { ($0.key, $0.value ?? "") }
        case "ports": service.ports = try ComposePorts(values: values).ports(value, path)
        case "networks": service.networks = try networks(value, path)
        case "secrets": service.secrets = try references(value, path)
        case "configs": service.configs = try references(value, path)
        case "healthcheck": service.healthcheck = try ComposeTopLevel(values: values).healthcheck(value, path)
        case "deploy": service.deploy = try ComposeDeployLoader(values: values).deploy(value, path)
        default: break
        }
    }

    func networks(_ node: YAML.Node, _ path: String) throws(ComposeError) -> [String] {
        if node.sequence != nil { return try values.strings(node, path) }
        return try values.mapping(node, path).map(\.key)
    }

    /// `- name` or `- source: name` (with `target`, `uid`, `gid`, `mode`).
    func references(_ node: YAML.Node, _ path: String) throws(ComposeError) -> [ComposeReference] {
        var out: [ComposeReference] = []
        for (i, item) in try values.list(node, path).enumerated() {
            if item.mapping == nil {
                out.append(ComposeReference(source: try values.string(item, "\(path).\(i)")))
                continue
            }
            var ref = ComposeReference(source: "")
            for (key, value) in try values.mapping(item, "\(path).\(i)", allowed: ["source", "target", "uid", "gid", "mode"]) {
                if key == "source" { ref.source = try values.string(value, "\(path).\(i).source") }
                if key == "target" { ref.target = try values.string(value, "\(path).\(i).target") }
                if key == "uid" { ref.uid = try values.string(value, "\(path).\(i).uid") }
                if key == "gid" { ref.gid = try values.string(value, "\(path).\(i).gid") }
                if key == "mode" { _ = try values.int(value, "\(path).\(i).mode"); ref.mode = value.text }
            }
            out.append(ref)
        }
        return out
    }

    /// Networks, secrets and configs a service names must be declared (docker/cli's convert).
    func checkReferences(_ compose: ComposeFile, root: YAML.Node) throws(ComposeError) {
        for service in compose.services {
            let at = root["services"]?[service.name] ?? root
            for network in service.networks where network != "default" && !compose.networks.contains(where: { $0.key == network }) {
                throw values.fail(at, "undefined network \"\(network)\"")
            }
            for secret in service.secrets where !compose.secrets.contains(where: { $0.key == secret.source }) {
                throw values.fail(at, "undefined secret \"\(secret.source)\"")
            }
            for config in service.configs where !compose.configs.contains(where: { $0.key == config.source }) {
                throw values.fail(at, "undefined config \"\(config.source)\"")
            }
        }
    }
}
