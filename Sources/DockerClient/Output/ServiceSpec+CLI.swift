import SimCore
import Orchestration
import ScenarioLanguage

// Building a service spec from `docker service create` flags and changing it with
// `docker service update` flags, as docker/cli does (cli/command/service/opts.go `ToService`,
// update.go `updateService`). Messages are docker's.

/// Turns a word of the command line into its text, expanding variables.
public typealias WordExpander = (Word) throws(Diagnostic) -> String

extension ServiceSpec {
    // MARK: service create

    /// The spec `docker service create` sends, from its flags and arguments (`IMAGE [COMMAND]
    /// [ARG...]`: the words after the image become the container's arguments). Defaults are
    /// filled in as swarmkit fills them. An image with neither tag nor digest gets `:latest`,
    /// standing in for the daemon's image resolution (which would also pin a digest).
    ///
    /// An empty `name` means none was given: the daemon picks one.
    public init(invocation inv: DockerInvocation, expand: WordExpander) throws(Diagnostic) {
        guard let imageWord = inv.arguments.first else {
            throw Diagnostic(at: inv.location, length: 6, "\"docker service create\" requires at least 1 argument.")
        }
        var task = TaskTemplate(image: DockerImage.withDefaultTag(try expand(imageWord)))
        for word in inv.arguments.dropFirst() { task.args.append(try expand(word)) }

        let mode = try Self.mode(inv)
        self.init(name: try inv.text("name").map(expand) ?? "", mode: mode, task: task)

        for value in inv.values("label") { if case .keyValue(let k, let v) = value { labels[k] = v ?? "" } }
        for value in inv.values("env") { if case .keyValue(let k, let v) = value { Self.setEnv(&self.task.env, k, v) } }
        for value in inv.values("constraint") { if case .constraint(let c) = value { self.task.constraints.append(c) } }
        for value in inv.values("placement-pref") { if case .spread(let d) = value { self.task.preferences.append(d) } }
        for value in inv.values("publish") { if case .publish(let p) = value { endpoint.ports.append(PortConfig(p)) } }
        // docker/cli `convertNetworks` checks each exists (the daemon answers "network X not
        // found" the same way) and sorts them by target; the daemon turns names into IDs.
        self.task.networks = try Self.texts(inv, "network", expand).sorted()
        self.task.secrets = try Self.payloadReferences(inv, "secret", .secret, expand)
        self.task.configs = try Self.payloadReferences(inv, "config", .config, expand)
        try applyCommonFlags(inv, expand: expand)
        try checkEndpoint(inv)
    }

    // MARK: service update

    /// Applies `docker service update` flags to the service's current spec, as docker/cli's
    /// `updateService`: `--image`, `--args`, `--replicas` (replicated services only), the
    /// `-add`/`-rm` pairs (constraints end up sorted, ports sorted by published then target
    /// port, env by name), `--force` (bumps `forceUpdate` so every task is replaced), and the
    /// flags shared with `create`. `--rollback` is not a spec change: the caller asks for a
    /// rollback instead. `resolveNetwork` gives a network's ID from what the user wrote (nil:
    /// no such network), as the CLI's network inspect does.
    public mutating func apply(update inv: DockerInvocation, expand: WordExpander,
                               resolveNetwork: (String) -> String? = { $0 }) throws(Diagnostic) {
        if let image = try inv.text("image").map(expand) { task.image = DockerImage.withDefaultTag(image) }
        if let args = try inv.text("args").map(expand) { task.args = Self.splitWords(args) }
        try updateMode(inv)

        for value in inv.values("label-add") { if case .keyValue(let k, let v) = value { labels[k] = v ?? "" } }
        for name in try Self.texts(inv, "label-rm", expand) { labels[name] = nil }
        for value in inv.values("env-add") { if case .keyValue(let k, let v) = value { Self.setEnv(&task.env, k, v) } }
        let envRemoved = try Self.texts(inv, "env-rm", expand)
        task.env.removeAll { entry in envRemoved.contains(String(entry.prefix { $0 != "=" })) }
        if inv.has("env-add") { task.env.sort { $0.prefix { $0 != "=" } < $1.prefix { $0 != "=" } } }

        if inv.has("constraint-add") || inv.has("constraint-rm") {
            for value in inv.values("constraint-add") { if case .constraint(let c) = value { task.constraints.append(c) } }
            let removed = try Self.texts(inv, "constraint-rm", expand).map(Self.normalizedConstraint)
            task.constraints = task.constraints.filter { !removed.contains($0.description) }.sorted { $0.description < $1.description }
        }
        for value in inv.values("placement-pref-rm") { if case .spread(let d) = value { task.preferences.removeAll { $0 == d } } }
        for value in inv.values("placement-pref-add") { if case .spread(let d) = value { task.preferences.append(d) } }

        if inv.has("publish-add") || inv.has("publish-rm") {
            var ports = endpoint.ports
            for value in inv.values("publish-rm") {
                guard case .publish(let p) = value else { continue }
                let gone = PortConfig(p)
                ports.removeAll { $0.target == gone.target && $0.protocol == gone.protocol && $0.publishMode == gone.publishMode }
            }
            for value in inv.values("publish-add") {
                guard case .publish(let p) = value else { continue }
                let port = PortConfig(p)
                if !endpoint.ports.contains(port) { ports.append(port) }
            }
            endpoint.ports = ports.sorted { ($0.published ?? 0, $0.target) < ($1.published ?? 0, $1.target) }
        }

        try updateNetworks(inv, expand: expand, resolve: resolveNetwork)
        try updatePayloads(inv, expand: expand)
        if inv.isOn("force") { task.forceUpdate += 1 }
        try applyCommonFlags(inv, expand: expand)
        try checkEndpoint(inv)
    }

    /// `--network-rm` and `--network-add`, as docker/cli `updateNetworks`: every network named
    /// is resolved to its ID; removals go, additions already attached are refused, and the
    /// result is sorted by ID.
    mutating func updateNetworks(_ inv: DockerInvocation, expand: WordExpander, resolve: (String) -> String?) throws(Diagnostic) {
        guard inv.has("network-add") || inv.has("network-rm") else { return }
        func id(_ name: String, flag: String) throws(Diagnostic) -> String {
            guard let id = resolve(name) else {
                let location = inv.flags.first { $0.name == flag }?.location ?? inv.location
                throw Diagnostic(at: location, length: flag.count + 2, "Error response from daemon: network \(name) not found")
            }
            return id
        }
        var removed: [String] = []
        for name in try Self.texts(inv, "network-rm", expand) { removed.append(try id(name, flag: "network-rm")) }
        var networks = task.networks.filter { !removed.contains($0) }
        for name in try Self.texts(inv, "network-add", expand) {
            let added = try id(name, flag: "network-add")
            if networks.contains(added) {
                let location = inv.flags.first { $0.name == "network-add" }?.location ?? inv.location
                throw Diagnostic(at: location, length: 13, "service is already attached to network \(name)")
            }
            networks.append(added)
        }
        task.networks = networks.sorted()
    }

    // MARK: Flags shared by create and update

    mutating func applyCommonFlags(_ inv: DockerInvocation, expand: WordExpander) throws(Diagnostic) {
        if let n = inv.int("replicas-max-per-node") { task.maxReplicasPerNode = n }
        if inv.has("reserve-cpu") || inv.has("reserve-memory") {
            task.reservations = Scheduler.Resources(nanoCPUs: Self.nanoCPUs(inv, "reserve-cpu"), memoryBytes: Self.bytes(inv, "reserve-memory"))
        }
        if inv.has("limit-cpu") || inv.has("limit-memory") {
            task.limits = Scheduler.Resources(nanoCPUs: Self.nanoCPUs(inv, "limit-cpu"), memoryBytes: Self.bytes(inv, "limit-memory"))
        }
        if let c = inv.text("restart-condition")?.text, let condition = RestartPolicy.Condition(rawValue: c) { task.restart.condition = condition }
        if let d = inv.duration("restart-delay") { task.restart.delay = d }
        if let n = inv.int("restart-max-attempts") { task.restart.maxAttempts = n }
        if let d = inv.duration("restart-window") { task.restart.window = d }
        Self.applyUpdateFlags(inv, prefix: "update", to: &update)
        Self.applyUpdateFlags(inv, prefix: "rollback", to: &rollback)
        if let m = inv.text("endpoint-mode")?.text, let mode = EndpointSpec.Mode(rawValue: m) { endpoint.mode = mode }
        if let d = inv.duration("stop-grace-period") { task.stopGracePeriod = d }
        try applyHealthFlags(inv, expand: expand)
    }

    static func applyUpdateFlags(_ inv: DockerInvocation, prefix: String, to config: inout UpdateConfig) {
        if let n = inv.int("\(prefix)-parallelism") { config.parallelism = n }
        if let d = inv.duration("\(prefix)-delay") { config.delay = d }
        if let d = inv.duration("\(prefix)-monitor") { config.monitor = d }
        if let a = inv.text("\(prefix)-failure-action")?.text, let action = UpdateConfig.FailureAction(rawValue: a) {
            config.failureAction = action
        }
        if case .ratio(let r)? = inv.value("\(prefix)-max-failure-ratio") { config.maxFailureRatio = r }
        if let o = inv.text("\(prefix)-order")?.text, let order = UpdateConfig.Order(rawValue: o) { config.order = order }
    }

    /// Ingress-published ports need a virtual IP (swarmkit controlapi `validateEndpointSpec`;
    /// docker reports the daemon's words).
    func checkEndpoint(_ inv: DockerInvocation) throws(Diagnostic) {
        guard endpoint.mode == .dnsrr, endpoint.ports.contains(where: { $0.publishMode == .ingress }) else { return }
        let flag = inv.flags.first { $0.name == "endpoint-mode" } ?? inv.flags.first { $0.name.hasPrefix("publish") }
        throw Diagnostic(at: flag?.location ?? inv.location, length: 15,
                         "Error response from daemon: rpc error: code = InvalidArgument desc = EndpointSpec: port published with ingress mode can't be used with dnsrr mode")
    }

    // MARK: Helpers

    static func texts(_ inv: DockerInvocation, _ name: String, _ expand: WordExpander) throws(Diagnostic) -> [String] {
        var out: [String] = []
        for value in inv.values(name) {
            switch value {
            case .text(let w): out.append(try expand(w))
            case .keyValue(let k, _): out.append(k)
            case .choice(let s): out.append(s)
            default: break
            }
        }
        return out
    }

    static func edit(_ list: inout [String], add: [String], remove: [String]) {
        list.removeAll { remove.contains($0) }
        for item in add where !list.contains(item) { list.append(item) }
    }

    /// `--env KEY=VALUE` replaces an earlier value of KEY; `--env KEY` alone is kept as given
    /// (docker would copy KEY from the client's environment; a scenario has none).
    static func setEnv(_ env: inout [String], _ key: String, _ value: String?) {
        let entry = value.map { "\(key)=\($0)" } ?? key
        env.removeAll { $0 == key || $0.hasPrefix(key + "=") }
        env.append(entry)
    }

    static func nanoCPUs(_ inv: DockerInvocation, _ name: String) -> Int64 {
        if case .nanoCPUs(let n)? = inv.value(name) { return n }
        return 0
    }

    static func bytes(_ inv: DockerInvocation, _ name: String) -> Int64 {
        if case .bytes(let n)? = inv.value(name) { return n }
        return 0
    }

    /// A constraint to remove, written the way `--constraint` stores it (`key==value`). The one
    /// parse of a `--constraint-rm` text (a flag value docker does not check): text that is no
    /// constraint can only match a stored constraint written the same way.
    static func normalizedConstraint(_ text: String) -> String {
        (try? Scheduler.Constraint.parse(text))?.description ?? text
    }

    /// `--args "ping docker.com"`: split into words at blanks, honouring quotes (go-shlex).
    static func splitWords(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        var inWord = false
        var quote: Character?
        for c in text {
            if let q = quote {
                if c == q { quote = nil } else { current.append(c) }
            } else if c == "\"" || c == "'" {
                quote = c
                inWord = true
            } else if c == " " || c == "\t" || c == "\n" {
                if inWord { words.append(current); current = ""; inWord = false }
            } else {
                current.append(c)
                inWord = true
            }
        }
        if inWord { words.append(current) }
        return words
    }
}

extension PortConfig {
    /// A port as `--publish` wrote it.
    init(_ p: DockerInvocation.PortSpec) {
        let proto: Scheduler.PortProtocol
        switch p.protocol {
        case .tcp: proto = .tcp
        case .udp: proto = .udp
        case .sctp: proto = .sctp
        }
        self.init(published: p.published, target: p.target, protocol: proto, publishMode: p.mode == .host ? .host : .ingress)
    }
}

// MARK: - Image references

/// Image references as docker's `distribution/reference` reads them, for what the CLI prints.
enum DockerImage {
    /// `nginx` → `nginx:latest`; a reference with a tag or a digest stays as it is.
    static func withDefaultTag(_ image: String) -> String {
        let (name, digest) = split(image)
        if digest != nil || tag(of: name) != nil || name.isEmpty { return image }
        return name + ":latest"
    }

    /// What `service ls` and `service ps` print: a tagged reference loses its digest and the
    /// default registry (`docker.io/library/nginx:1.25@sha256:…` → `nginx:1.25`); anything
    /// else is printed as it is.
    static func display(_ image: String) -> String {
        let (name, digest) = split(image)
        guard digest != nil, tag(of: name) != nil else { return familiar(image) }
        return familiar(name)
    }

    static func split(_ image: String) -> (name: String, digest: String?) {
        guard let at = image.firstIndex(of: "@") else { return (image, nil) }
        return (String(image[..<at]), String(image[image.index(after: at)...]))
    }

    /// The tag of `name`: the text after a colon in its last path component.
    static func tag(of name: String) -> String? {
        let last = name.split(separator: "/", omittingEmptySubsequences: false).last ?? Substring(name)
        guard let colon = last.firstIndex(of: ":") else { return nil }
        return String(last[last.index(after: colon)...])
    }

    static func familiar(_ image: String) -> String {
        for prefix in ["docker.io/library/", "index.docker.io/library/", "docker.io/"] where image.hasPrefix(prefix) {
            return String(image.dropFirst(prefix.count))
        }
        return image
    }
}
