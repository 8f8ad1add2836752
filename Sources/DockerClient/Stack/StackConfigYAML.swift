import SimCore
import Compose
import Orchestration
import ScenarioLanguage

/// `docker stack config`: the merged, substituted compose file as docker prints it, which is
/// gopkg.in/yaml.v3 encoding docker/cli's `composetypes.Config` with an indent of 2: fields in
/// the Go struct's order, empty ones left out, maps (services, environment, labels, networks)
/// sorted by key, durations as Go prints them (`1m30s`), memory as a quoted byte count,
/// strings quoted where YAML would read them as something else (`"3306"`, `"80:80"`).
///
/// Only what `ComposeFile` keeps is printed: keys docker ignores for stacks (`build`, `links`,
/// …) are dropped by the loader, so they do not appear here (docker prints them).
struct StackConfigYAML {
    private var lines: [String] = []

    static func render(_ file: ComposeFile) -> String {
        var w = StackConfigYAML()
        w.line(0, "version", quote(file.version ?? ""))
        if file.services.isEmpty { w.line(0, "services", "{}") } else { w.line(0, "services") }
        for s in file.services.sorted(by: { $0.name < $1.name }) { w.service(s) }
        if !file.networks.isEmpty { w.line(0, "networks") }
        for n in file.networks.sorted(by: { $0.key < $1.key }) { w.network(n) }
        if !file.volumes.isEmpty { w.line(0, "volumes") }
        for v in file.volumes.sorted() { w.line(1, v, "{}") }
        w.objects("secrets", file.secrets)
        w.objects("configs", file.configs)
        return w.lines.map { $0 + "\n" }.joined()
    }

    // MARK: Services

    mutating func service(_ s: ComposeService) {
        line(1, s.name)
        list(2, "command", s.command)
        references(2, "configs", s.configs)
        deploy(s.deploy)
        list(2, "entrypoint", s.entrypoint)
        if !s.environment.isEmpty { line(2, "environment") }
        for e in s.environment.sorted(by: { $0.key < $1.key }) { line(3, e.key, e.value.map(Self.quote) ?? "null") }
        list(2, "env_file", s.envFiles.isEmpty ? nil : s.envFiles)
        if let h = s.healthcheck { healthcheck(h) }
        if let image = s.image { line(2, "image", Self.quote(image)) }
        pairs(2, "labels", s.labels.map { ($0.key, $0.value) })
        if !s.networks.isEmpty { line(2, "networks") }
        for n in s.networks.sorted() { line(3, n, "null") }
        if !s.ports.isEmpty { line(2, "ports") }
        for p in s.ports {
            item(3, "mode", p.mode)
            line(4, "target", String(p.target))
            if let published = p.published, published != 0 { line(4, "published", String(published)) }
            line(4, "protocol", p.protocol)
        }
        references(2, "secrets", s.secrets)
    }

    mutating func deploy(_ d: ComposeDeploy) {
        guard d != ComposeDeploy() else { return }
        line(2, "deploy")
        if d.mode != "replicated" { line(3, "mode", Self.quote(d.mode)) }
        if let r = d.replicas { line(3, "replicas", String(r)) }
        pairs(3, "labels", d.labels.map { ValueSyntax.splitKeyValue($0) }.map { ($0.0, $0.1 ?? "") })
        update(3, "update_config", d.updateConfig)
        update(3, "rollback_config", d.rollbackConfig)
        if d.limits != .init() || d.reservations != .init() { line(3, "resources") }
        resources(4, "limits", d.limits)
        resources(4, "reservations", d.reservations)
        if let r = d.restartPolicy {
            line(3, "restart_policy")
            if let c = r.condition { line(4, "condition", Self.quote(c)) }
            if let v = r.delay { line(4, "delay", Self.duration(v)) }
            if let v = r.maxAttempts { line(4, "max_attempts", String(v)) }
            if let v = r.window { line(4, "window", Self.duration(v)) }
        }
        if !d.constraints.isEmpty || !d.spreads.isEmpty || d.maxReplicasPerNode != nil { line(3, "placement") }
        list(4, "constraints", d.constraints.isEmpty ? nil : d.constraints)
        if !d.spreads.isEmpty { line(4, "preferences") }
        for s in d.spreads { item(5, "spread", Self.quote(s)) }
        if let m = d.maxReplicasPerNode, m != 0 { line(4, "max_replicas_per_node", String(m)) }
        if let m = d.endpointMode { line(3, "endpoint_mode", Self.quote(m)) }
    }

    mutating func update(_ depth: Int, _ key: String, _ u: ComposeDeploy.UpdateConfig?) {
        guard let u else { return }
        line(depth, key, u == .init() ? "{}" : nil)
        if let v = u.parallelism { line(depth + 1, "parallelism", String(v)) }
        if let v = u.delay { line(depth + 1, "delay", Self.duration(v)) }
        if let v = u.failureAction { line(depth + 1, "failure_action", Self.quote(v)) }
        if let v = u.monitor { line(depth + 1, "monitor", Self.duration(v)) }
        if let v = u.maxFailureRatio, v != 0 { line(depth + 1, "max_failure_ratio", DockerFormat.goFloat(v)) }
        if let v = u.order { line(depth + 1, "order", Self.quote(v)) }
    }

    mutating func resources(_ depth: Int, _ key: String, _ r: ComposeDeploy.Resources) {
        guard r != .init() else { return }
        line(depth, key)
        if let v = r.cpus { line(depth + 1, "cpus", Self.quote(v)) }
        if let v = r.memory { line(depth + 1, "memory", Self.quote(ValueSyntax.parseMemoryBytes(v).map { String($0) } ?? v)) }
        if let v = r.pids, v != 0 { line(depth + 1, "pids", String(v)) }
    }

    mutating func healthcheck(_ h: ComposeHealthcheck) {
        line(2, "healthcheck")
        list(3, "test", h.test.isEmpty ? nil : h.test)
        if let v = h.timeout { line(3, "timeout", Self.duration(v)) }
        if let v = h.interval { line(3, "interval", Self.duration(v)) }
        if let v = h.retries { line(3, "retries", String(v)) }
        if let v = h.startPeriod { line(3, "start_period", Self.duration(v)) }
        if h.disable { line(3, "disable", "true") }
    }

    mutating func references(_ depth: Int, _ key: String, _ refs: [ComposeReference]) {
        if !refs.isEmpty { line(depth, key) }
        for r in refs {
            item(depth + 1, "source", Self.quote(r.source))
            if let t = r.target { line(depth + 2, "target", Self.quote(t)) }
            if let u = r.uid { line(depth + 2, "uid", Self.quote(u)) }
            if let g = r.gid { line(depth + 2, "gid", Self.quote(g)) }
            if let m = r.mode { line(depth + 2, "mode", PayloadReference.parseMode(m).map { String($0) } ?? m) }
        }
    }

    // MARK: Top level

    mutating func network(_ n: ComposeNetwork) {
        let name = n.name ?? (n.external ? n.key : nil)
        let empty = name == nil && n.driver == nil && n.subnets.isEmpty && !n.external && !n.attachable
        line(1, n.key, empty ? "{}" : nil)
        if let name { line(2, "name", Self.quote(name)) }
        if let d = n.driver { line(2, "driver", Self.quote(d)) }
        if !n.subnets.isEmpty { line(2, "ipam"); line(3, "config") }
        for s in n.subnets { item(4, "subnet", Self.quote(s)) }
        if n.external { line(2, "external", "true") }
        if n.attachable { line(2, "attachable", "true") }
    }

    mutating func objects(_ key: String, _ objects: [ComposeObject]) {
        if !objects.isEmpty { line(0, key) }
        for o in objects.sorted(by: { $0.key < $1.key }) {
            let name = o.name ?? (o.external ? o.key : nil)
            line(1, o.key, name == nil && o.file == nil && !o.external ? "{}" : nil)
            if let name { line(2, "name", Self.quote(name)) }
            if let f = o.file { line(2, "file", Self.quote(f)) }
            if o.external { line(2, "external", "true") }
        }
    }

    // MARK: Writing

    mutating func line(_ depth: Int, _ key: String, _ value: String? = nil) {
        let pad = String(repeating: "  ", count: depth)
        lines.append(pad + Self.quote(key) + ":" + (value.map { " " + $0 } ?? ""))
    }

    /// The first key of a mapping in a list: `- key: value` at `depth`'s indentation; the
    /// mapping's other keys follow at `depth + 1`.
    mutating func item(_ depth: Int, _ key: String, _ value: String) {
        lines.append(String(repeating: "  ", count: depth) + "- " + Self.quote(key) + ": " + value)
    }

    mutating func list(_ depth: Int, _ key: String, _ values: [String]?) {
        guard let values else { return }
        line(depth, key, values.isEmpty ? "[]" : nil)
        for v in values { lines.append(String(repeating: "  ", count: depth + 1) + "- " + Self.quote(v)) }
    }

    mutating func pairs(_ depth: Int, _ key: String, _ pairs: [(String, String)]) {
        if !pairs.isEmpty { line(depth, key) }
        for (k, v) in pairs.sorted(by: { $0.0 < $1.0 }) { line(depth + 1, k, Self.quote(v)) }
    }

    /// A duration as Go prints it; as written when it does not parse.
    static func duration(_ text: String) -> String {
        guard case .success(let d) = DockerCLI.parseGoDuration(text) else { return quote(text) }
        return DockerFormat.goDuration(d)
    }

    /// A string as yaml.v3 writes it: plain when it reads back as the same string, in double
    /// quotes when it would read as another type, in single quotes when its characters need it.
    static func quote(_ s: String) -> String {
        if s.isEmpty || resolvesToOtherType(s) { return "\"" + s.replacingAll("\\", "\\\\").replacingAll("\"", "\\\"") + "\"" }
        if s.contains("\n") { return "\"" + s.replacingAll("\\", "\\\\").replacingAll("\"", "\\\"").replacingAll("\n", "\\n") + "\"" }
        guard let first = s.unicodeScalars.first else { return "\"\"" }
        let indicators: Set<Unicode.Scalar> = ["-", "?", ":", ",", "[", "]", "{", "}", "#", "&", "*", "!", "|", ">", "'", "\"", "%", "@", "`"]
        let startsBadly = indicators.contains(first) && !(first == "-" && s.count > 1 && !s.hasPrefix("- "))
        if startsBadly || s.hasPrefix(" ") || s.hasSuffix(" ") || s.hasSuffix(":") || s.contains(": ") || s.contains(" #") {
            return "'" + s.replacingAll("'", "''") + "'"
        }
        return s
    }

    /// Null, booleans (with YAML 1.1's `yes`/`on`), numbers and base-60 numbers (`80:80`).
    static func resolvesToOtherType(_ s: String) -> Bool {
        let words = ["~", "null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE",
                     "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF",
                     ".inf", ".Inf", ".INF", "-.inf", ".nan", ".NaN", ".NAN"]
        if words.contains(s) { return true }
        let body = s.hasPrefix("-") || s.hasPrefix("+") ? Substring(s.dropFirst()) : Substring(s)
        guard let c = body.first, c.isASCII, c.isNumber || c == "." else { return false }
        let allowed = Set("0123456789._:eE+-xXoabcdefABCDEF")
        return body.allSatisfy { allowed.contains($0) } && body.contains(where: { $0.isNumber })
    }
}

extension String {
    fileprivate func replacingAll(_ target: String, _ replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}

extension DockerFormat {
    /// `docker stack config`'s output for a loaded compose file.
    package static func stackConfig(_ file: ComposeFile) -> String { StackConfigYAML.render(file) }
}
