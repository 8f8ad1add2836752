import SimCore
import Orchestration

/// `docker ps --filter` (`GET /containers/json?filters=…`): the keys moby's `reduceContainers`
/// accepts (`acceptedPsFilterTags`), checked and matched as its `foldFilter` and
/// `includeContainerInList` do, over the containers of one engine. Every simulated container
/// is a swarm task's (`is-task=true`); none has volumes, an isolation other than `default`, or
/// ports of its own (`volume`, `publish`, `expose` match nothing). `name` and `id` values are
/// matched as substrings, `^` and `$` anchoring them (moby compiles each as a regexp).
enum ContainerFilters {
    typealias Row = ContainerRow

    static let states = ["created", "restarting", "running", "removing", "paused", "exited", "dead"]
    static let healths = ["starting", "healthy", "unhealthy", "none"]

    static func table(_ rows: [Row]) -> FilterTable<Row> {
        FilterTable(keys: [
            .init(name: "ancestor") { r, values in values.contains { ancestor($0, of: r.record.spec.image) } },
            .init(name: "before", check: { v in find(v, in: rows) == nil ? noSuchContainer(v) : nil }) { r, values in
                values.allSatisfy { v in find(v, in: rows).map { newer($0, than: r) } ?? false }
            },
            .init(name: "exited", check: { v in Int(v) == nil ? EngineError("strconv.Atoi: parsing \"\(v)\": invalid syntax") : nil }) { r, values in
                !r.isUp && values.contains { Int($0) == exitCode(r) }
            },
            .init(name: "expose") { _, _ in false },
            .init(name: "health", check: { v in healths.contains(v) ? nil : EngineError("Unrecognised filter value for health: \(v)") }) { r, values in
                values.contains(health(r))
            },
            .init(name: "id") { r, values in values.contains { matches($0, r.record.status.containerID ?? "") } },
            .init(name: "is-task") { _, values in values == ["true"] },
            .init(name: "isolation") { _, values in values.contains("default") },
            .init(name: "label") { r, values in FilterMatch.labels(labels(r.record), values) },
            .init(name: "name") { r, values in values.contains { matches($0, r.record.containerName) || matches($0, "/" + r.record.containerName) } },
            .init(name: "network") { r, values in
                values.contains { v in r.record.networks.contains { $0.networkID.hasPrefix(v) } || networkNames(r.record).contains(v) }
            },
            .init(name: "publish") { _, _ in false },
            .init(name: "since", check: { v in find(v, in: rows) == nil ? noSuchContainer(v) : nil }) { r, values in
                values.allSatisfy { v in find(v, in: rows).map { newer(r, than: $0) } ?? false }
            },
            .init(name: "status", check: { v in states.contains(v) ? nil : EngineError("invalid filter 'status=\(v)'") }) { r, values in
                values.contains(r.isUp ? "running" : "exited")
            },
            .init(name: "volume") { _, _ in false },
        ])
    }

    /// The daemon's answer to `docker ps [-a] [--filter …]` on one engine: moby refuses an
    /// `is-task` that is neither true nor false before matching, and a `status` filter shows
    /// exited containers as `-a` does.
    static func answer(_ rows: [Row], _ filters: EngineFilters, all: Bool) -> Result<[Row], EngineError> {
        let table = table(rows)
        if let error = table.validate(filters) { return .failure(error) }
        let isTask = filters.values("is-task")
        if !isTask.isEmpty, isTask != ["true"], isTask != ["false"] {
            return .failure(EngineError("invalid filter 'is-task=[\(isTask.joined(separator: " "))]'"))
        }
        let shown = all || filters.contains("status") ? rows : rows.filter(\.isUp)
        return .success(table.select(shown, filters))
    }

    /// The labels the swarm executor gives a task's container (moby daemon/cluster/executor
    /// container.go `labels`), without the service's `--container-label`s, which the
    /// simulator does not keep.
    static func labels(_ t: TaskRecord) -> Labels {
        var l = Labels()
        l["com.docker.swarm.node.id"] = t.nodeID ?? ""
        l["com.docker.swarm.service.id"] = t.serviceID
        l["com.docker.swarm.service.name"] = t.serviceName
        l["com.docker.swarm.task"] = ""
        l["com.docker.swarm.task.id"] = t.id
        l["com.docker.swarm.task.name"] = t.containerName
        return l
    }

    /// The names of the networks a task is attached to that the engine knows without asking:
    /// the routing mesh's.
    static func networkNames(_ t: TaskRecord) -> [String] { t.endpoint.ports.contains { $0.publishMode == .ingress } ? ["ingress"] : [] }

    static func health(_ r: Row) -> String {
        switch r.health {
        case nil: "none"
        case "(health: starting)": "starting"
        case "(healthy)": "healthy"
        default: "unhealthy"
        }
    }

    static func exitCode(_ r: Row) -> Int { r.record.status.exitCode ?? (r.record.status.state == .complete ? 0 : 137) }

    /// An image reference and what `ancestor` may name it by: `nginx`, `nginx:latest`, the full
    /// reference (images have no parents here).
    static func ancestor(_ value: String, of image: String) -> Bool {
        let bare = image.split(separator: "@").first.map(String.init) ?? image
        return value == image || value == bare || (!value.contains(":") && value + ":latest" == bare)
    }

    /// moby `filters.Match` for a plain word: a substring, `^`/`$` anchoring it.
    static func matches(_ pattern: String, _ text: String) -> Bool {
        var p = Substring(pattern)
        let start = p.hasPrefix("^"), end = p.hasSuffix("$") && !p.isEmpty
        if start { p = p.dropFirst() }
        if end, !p.isEmpty { p = p.dropLast() }
        switch (start, end) {
        case (true, true): return text == p
        case (true, false): return text.hasPrefix(p)
        case (false, true): return text.hasSuffix(p)
        case (false, false): return p.isEmpty || text.contains(p)
        }
    }

    /// moby `idOrNameFilter`: a container by ID (or unique prefix) or name.
    static func find(_ ref: String, in rows: [Row]) -> Row? {
        if let r = rows.first(where: { $0.record.status.containerID == ref || $0.record.containerName == ref.trimmingSlash }) { return r }
        let byPrefix = rows.filter { !ref.isEmpty && ($0.record.status.containerID ?? "").hasPrefix(ref) }
        return byPrefix.count == 1 ? byPrefix[0] : nil
    }

    /// The order `docker ps` lists containers in: newest first.
    static func newer(_ a: Row, than b: Row) -> Bool {
        a.record.createdAt != b.record.createdAt ? a.record.createdAt > b.record.createdAt : a.record.id > b.record.id
    }

    static func noSuchContainer(_ ref: String) -> EngineError { EngineError("No such container: \(ref)") }
}

private extension String {
    var trimmingSlash: String { hasPrefix("/") ? String(dropFirst()) : self }
}
