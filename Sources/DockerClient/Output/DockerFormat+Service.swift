import SimCore
import Orchestration
import Cluster

// Output of `docker service …`, `docker node ps` and `docker ps`, laid out as docker/cli's
// formatters lay it out (cli/command/service/formatter.go, cli/command/task/formatter.go and
// print.go, cli/command/formatter/container.go). `now` is the virtual time the command runs
// at: "Running 8 seconds ago" is measured from it.

extension DockerFormat {
    // MARK: Command acknowledgements

    /// `docker service create --detach`: the new service's ID. (Without `--detach`, docker
    /// also draws a progress display until the service converges; we print what `--detach`
    /// prints.)
    static func serviceCreated(id: String) -> String { id + "\n" }

    /// `docker service scale web=5 --detach`: one line per service (docker/cli scale.go).
    package static func serviceScaled(_ name: String, to replicas: Int) -> String { "\(name) scaled to \(replicas)\n" }

    /// `docker service update`, `rollback` and `rm` print the service as the user named it.
    static func serviceNamed(_ reference: String) -> String { reference + "\n" }

    /// docker/cli `formatter.TruncateID`: the first 12 characters.
    static func truncateID(_ id: String) -> String { String(id.prefix(12)) }

    // MARK: service ls

    /// `docker service ls`: `ID NAME MODE REPLICAS IMAGE PORTS`, by name (naturally).
    ///
    /// REPLICAS is `running/desired` as swarmkit's `ListServiceStatuses` counts them
    /// (`ServiceStatus`); `(max N per node)` follows when set.
    package static func serviceList(_ views: [ServiceView], quiet: Bool) -> String {
        let services = views.sorted {
            let (a, b) = ($0.record, $1.record)
            return naturalLess(a.spec.name, b.spec.name) || (a.spec.name == b.spec.name && a.id < b.id)
        }
        if quiet { return services.map { truncateID($0.record.id) + "\n" }.joined() }
        var table = TabWriter()
        table.row("ID", "NAME", "MODE", "REPLICAS", "IMAGE", "PORTS")
        for v in services {
            let s = v.record
            table.row(truncateID(s.id), s.spec.name, s.spec.mode.name, replicas(of: s, status: v.status ?? ServiceStatus(running: 0, desired: 0)),
                      DockerImage.display(s.spec.task.image), ingressPorts(s.endpointPorts))
        }
        return table.text
    }

    /// The counts the daemon answered (`GET /services?status=true`) as `running/desired`, with
    /// a job's completed tasks as docker/cli formats them.
    static func replicas(of service: ServiceRecord, status: ServiceStatus) -> String {
        switch service.spec.mode {
        case .replicatedJob(_, let total): return "\(status.running)/\(status.desired) (\(status.completed)/\(total) completed)"
        case .globalJob: return "\(status.running)/\(status.desired) (\(status.completed)/\(status.desired + status.completed) completed)"
        case .replicated, .global: break
        }
        let max = service.spec.isGlobal ? 0 : service.spec.task.maxReplicasPerNode
        return max > 0 ? "\(status.running)/\(status.desired) (max \(max) per node)" : "\(status.running)/\(status.desired)"
    }

    /// Ingress ports as `*:8080->80/tcp`, consecutive ports merged into ranges
    /// (`*:8080-8081->80-81/tcp`), sorted by protocol then published port (docker/cli
    /// `serviceContext.Ports`). Host-mode ports are not listed.
    package static func ingressPorts(_ ports: [PortConfig]) -> String {
        let sorted = ports.filter { $0.publishMode == .ingress }.sorted {
            $0.protocol != $1.protocol ? $0.protocol.rawValue < $1.protocol.rawValue : ($0.published ?? 0) < ($1.published ?? 0)
        }
        var out: [String] = []
        var range: (pStart: Int, pEnd: Int, tStart: Int, tEnd: Int, proto: String)?
        func text(_ r: (pStart: Int, pEnd: Int, tStart: Int, tEnd: Int, proto: String)) -> String {
            let p = r.pEnd > r.pStart ? "\(r.pStart)-\(r.pEnd)" : "\(r.pStart)"
            let t = r.tEnd > r.tStart ? "\(r.tStart)-\(r.tEnd)" : "\(r.tStart)"
            return "*:\(p)->\(t)/\(r.proto)"
        }
        for port in sorted {
            let published = port.published ?? 0
            if let r = range, r.proto == port.protocol.rawValue, published - r.pEnd <= 1, port.target - r.tEnd <= 1,
               !(r.tEnd != r.tStart && port.target <= r.tEnd) {
                range?.pEnd = published
                range?.tEnd = port.target
                continue
            }
            if let r = range, r.pStart > 0 { out.append(text(r)) }
            range = (published, published, port.target, port.target, port.protocol.rawValue)
        }
        if let r = range, r.pStart > 0 { out.append(text(r)) }
        return out.joined(separator: ", ")
    }

    // MARK: service ps / node ps

    /// `docker service ps` and `docker node ps`:
    /// `ID NAME IMAGE NODE DESIRED STATE CURRENT STATE ERROR PORTS`.
    ///
    /// Tasks are sorted by name (naturally), and within a slot newest first; the older tasks
    /// of a slot are its history, printed as ` \_ web.1`. IDs are cut to 12 characters and
    /// errors to 30 (quoted), and image digests dropped, unless `noTrunc`. Names come from the
    /// service's current name; nodes are shown by hostname.
    package static func taskList(_ tasks: [TaskRecord], names: IDResolver, now: SimTime, noTrunc: Bool, quiet: Bool) -> String {
        struct Row { var task: TaskRecord; var name: String }
        var rows = tasks.map { t -> Row in
            let service = names.serviceName(t.serviceID) ?? t.serviceName
            return Row(task: t, name: t.slot != 0 ? "\(service).\(t.slot)" : "\(service).\(t.nodeID ?? "")")
        }
        rows.sort { a, b in
            if a.name != b.name { return naturalLess(a.name, b.name) }
            return a.task.createdAt != b.task.createdAt ? a.task.createdAt > b.task.createdAt : a.task.id > b.task.id
        }
        if quiet { return rows.map { (noTrunc ? $0.task.id : truncateID($0.task.id)) + "\n" }.joined() }
        var table = TabWriter()
        table.row("ID", "NAME", "IMAGE", "NODE", "DESIRED STATE", "CURRENT STATE", "ERROR", "PORTS")
        var previous = ""
        for row in rows {
            let t = row.task
            let name = row.name == previous ? " \\_ " + row.name : row.name
            previous = row.name
            var error = t.status.error ?? ""
            if !noTrunc { error = ellipsis(error, 30) }
            if !error.isEmpty { error = "\"\(error)\"" }
            let ports = t.status.state == .running
                ? t.endpoint.ports.filter { $0.publishMode == .host && $0.published != nil }
                    .map { "*:\($0.published ?? 0)->\($0.target)/\($0.protocol.rawValue)" }.joined(separator: ",")
                : ""
            table.row(noTrunc ? t.id : truncateID(t.id), name, noTrunc ? t.spec.image : DockerImage.display(t.spec.image),
                      t.nodeID.flatMap(names.hostname) ?? "", t.desiredState.display,
                      currentState(t.status, now: now), error, ports)
        }
        return table.text
    }

    /// `Running 8 seconds ago` (docker/cli `taskContext.CurrentState`).
    static func currentState(_ status: TaskStatus, now: SimTime) -> String {
        "\(status.state.display) \(VirtualCalendar.humanDuration(now - status.timestamp).lowercased()) ago"
    }

    /// docker/cli `formatter.Ellipsis`: at most `width` characters, the last one `…` when cut.
    static func ellipsis(_ s: String, _ width: Int) -> String {
        s.count <= width ? s : String(s.prefix(width - 1)) + "…"
    }

    // MARK: docker ps

    /// `docker ps` on one host: its task containers, newest first:
    /// `CONTAINER ID IMAGE COMMAND CREATED STATUS PORTS NAMES`. Without `all`, only running
    /// ones. A task's container exists once the agent has reported a container ID.
    ///
    /// We know no image metadata, so COMMAND shows the service's command and arguments (docker
    /// shows the image's entrypoint too), and PORTS only host-mode published ports (docker
    /// also lists the image's exposed ports).
    package static func containerList(_ tasks: [TaskRecord], now: SimTime, all: Bool, noTrunc: Bool, quiet: Bool,
                                      statusText: (TaskRecord) -> String? = { _ in nil }) -> String {
        let containers = tasks.filter { $0.status.containerID != nil && (all || $0.status.state == .running) }
            .sorted { $0.createdAt != $1.createdAt ? $0.createdAt > $1.createdAt : $0.id > $1.id }
        func id(_ t: TaskRecord) -> String { noTrunc ? (t.status.containerID ?? "") : truncateID(t.status.containerID ?? "") }
        if quiet { return containers.map { id($0) + "\n" }.joined() }
        var table = TabWriter()
        table.row("CONTAINER ID", "IMAGE", "COMMAND", "CREATED", "STATUS", "PORTS", "NAMES")
        for t in containers {
            let command = (t.spec.command + t.spec.args).joined(separator: " ")
            table.row(id(t), noTrunc ? t.spec.image : DockerImage.display(t.spec.image),
                      "\"" + (noTrunc ? command : ellipsis(command, 20)) + "\"",
                      VirtualCalendar.humanDuration(now - t.createdAt) + " ago", statusText(t) ?? containerStatus(t.status, now: now),
                      t.endpoint.ports.filter { $0.publishMode == .host && $0.published != nil }
                          .map { "0.0.0.0:\($0.published ?? 0)->\($0.target)/\($0.protocol.rawValue), :::\($0.published ?? 0)->\($0.target)/\($0.protocol.rawValue)" }
                          .joined(separator: ", "),
                      t.containerName)
        }
        return table.text
    }

    /// `Up 8 seconds`, `Exited (1) 3 seconds ago`, `Created`.
    static func containerStatus(_ status: TaskStatus, now: SimTime) -> String {
        let since = VirtualCalendar.humanDuration(now - status.timestamp)
        switch status.state {
        case .running: return "Up " + since
        case .complete, .failed, .shutdown, .rejected, .orphaned:
            return "Exited (\(status.exitCode ?? (status.state == .complete ? 0 : 137))) \(since) ago"
        default: return "Created"
        }
    }

    // MARK: service inspect --pretty

    /// `docker service inspect --pretty`, rendered as docker/cli's template renders it (tabs
    /// and all, a blank line before and after). The spec has every default filled in, as the
    /// daemon's `InsertDefaults` gives it, so UpdateConfig and RollbackConfig always show.
    /// Networks are shown by name (`networkName` turns an ID into one), as docker/cli looks
    /// them up.
    package static func serviceInspectPretty(_ s: ServiceRecord, now: SimTime, networkName: (String) -> String = { $0 }) -> String {
        let spec = s.spec, task = s.spec.task
        var o = "\nID:\t\t\(s.id)\nName:\t\t\(spec.name)"
        if !spec.labels.isEmpty {
            o += "\nLabels:"
            for (k, v) in spec.labels { o += "\n \(k)" + (v.isEmpty ? "" : "=\(v)") }
        }
        switch spec.mode {
        case .global: o += "\nService Mode:\tGlobal"
        case .replicated(let n): o += "\nService Mode:\tReplicated\n Replicas:\t\(n)"
        case .replicatedJob, .globalJob: o += "\nService Mode:"  // docker/cli's template names neither
        }
        if let u = s.updateStatus {
            o += "\nUpdateStatus:\n State:\t\t\(u.state.rawValue)"
            if let started = u.startedAt { o += "\n Started:\t\(VirtualCalendar.humanDuration(now - started)) ago" }
            if u.state == .completed, let done = u.completedAt { o += "\n Completed:\t\(VirtualCalendar.humanDuration(now - done)) ago" }
            o += "\n Message:\t\(u.message)"
        }
        o += "\nPlacement:"
        if !task.constraints.isEmpty { o += "\n Constraints:\t[" + task.constraints.map(\.description).joined(separator: " ") + "]" }
        if !task.preferences.isEmpty { o += "\n Preferences:   [" + task.preferences.map { "spread=" + $0 }.joined(separator: " ") + "]" }
        if task.maxReplicasPerNode > 0 { o += "\n Max Replicas Per Node:   \(task.maxReplicasPerNode)" }
        for (title, c, order) in [("UpdateConfig", spec.update, "Update order:      "), ("RollbackConfig", spec.rollback, "Rollback order:    ")] {
            o += "\n\(title):\n Parallelism:\t\(c.parallelism)"
            if c.delay > .zero { o += "\n Delay:\t\t\(goDuration(c.delay))" }
            o += "\n On failure:\t\(c.failureAction.rawValue)"
            if c.monitor > .zero { o += "\n Monitoring Period: \(goDuration(c.monitor))" }
            o += "\n Max failure ratio: \(goFloat(c.maxFailureRatio))\n \(order)\(c.order.rawValue)"
        }
        o += "\nContainerSpec:\n Image:\t\t\(task.image)"
        if !task.args.isEmpty { o += "\n Args:\t\t" + task.args.map { $0 + " " }.joined() }
        if !task.env.isEmpty { o += "\n Env:\t\t" + task.env.map { $0 + " " }.joined() }
        o += "\n Init:\t\tfalse"
        if !task.configs.isEmpty {
            o += "\nConfigs:" + task.configs.map { "\n Target:\t\($0.target)\n  Source:\t\($0.name)" }.joined()
        }
        if !task.secrets.isEmpty {
            o += "\nSecrets:" + task.secrets.map { "\n Target:\t\($0.target)\n  Source:\t\($0.name)" }.joined()
        }
        o += "\nResources:"
        for (title, r) in [("Reservations", task.reservations), ("Limits", task.limits)] where !r.isZero {
            o += "\n \(title):"
            if r.nanoCPUs > 0 { o += "\n  CPU:\t\t\(cpuText(r.nanoCPUs))" }
            if r.memoryBytes > 0 { o += "\n  Memory:\t\(bytesText(r.memoryBytes))" }
        }
        if !task.networks.isEmpty { o += "\nNetworks:" + task.networks.map { " " + networkName($0) }.joined() + " " }
        o += "\nEndpoint Mode:\t\(spec.endpoint.mode.rawValue)"
        if !s.endpointPorts.isEmpty {
            o += "\nPorts:"
            for p in s.endpointPorts {
                o += "\n PublishedPort = \(p.published ?? 0)\n  Protocol = \(p.protocol.rawValue)"
                o += "\n  TargetPort = \(p.target)\n  PublishMode = \(p.publishMode.rawValue)"
            }
            o += " "
        }
        if task.health.isSet { o += healthcheckPretty(task.health) }
        return o + "\n\n"
    }

    /// Go's `time.Duration.String()`: `10s`, `1m30s`, `1h0m0s`, `1.5s`, `500ms`.
    static func goDuration(_ d: SimDuration) -> String {
        let ns = d.nanoseconds
        if ns == 0 { return "0s" }
        if ns < 1_000_000_000 {
            let text = d.description
            return text.hasSuffix("us") ? text.dropLast(2) + "µs" : text
        }
        let hours = ns / 3_600_000_000_000, minutes = ns / 60_000_000_000 % 60
        let seconds = SimDuration(nanoseconds: ns % 60_000_000_000).exactSeconds
        if hours > 0 { return "\(hours)h\(minutes)m\(seconds)s" }
        if minutes > 0 { return "\(minutes)m\(seconds)s" }
        return seconds + "s"
    }

    /// A float as Go's `%v` prints a float32: `0`, `0.2`, `1`.
    static func goFloat(_ v: Double) -> String {
        v == v.rounded() && abs(v) < 1e15 ? String(Int64(v)) : Float(v).description
    }
}
