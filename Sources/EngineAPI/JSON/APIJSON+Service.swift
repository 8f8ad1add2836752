import SimCore
import Orchestration
import Cluster
import DockerClient

extension APIJSON {
    // MARK: Services

    /// swagger `Service`; with `status`, the `ServiceStatus` counts `docker service ls` shows
    /// (swarmkit's one rule, `ServiceStatus`).
    static func service(_ s: ServiceRecord, status: ServiceStatus?, _ cal: ServedCalendar) -> J {
        var members: [J.Member] = [
            .init("ID", str(s.id)), .init("Version", versionJSON(s.version)),
            .init("CreatedAt", time(s.createdAt, cal)), .init("UpdatedAt", time(s.updatedAt, cal)),
            .init("Spec", spec(s.spec)),
        ]
        if let previous = s.previousSpec { members.append(.init("PreviousSpec", spec(previous))) }
        var endpoint: [J.Member] = [.init("Spec", spec(s.spec)["EndpointSpec"] ?? obj(["Mode": str("vip")]))]
        if !s.endpointPorts.isEmpty { endpoint.append(.init("Ports", .array(s.endpointPorts.map(port)))) }
        if !s.virtualIPs.isEmpty {
            endpoint.append(.init("VirtualIPs", .array(s.virtualIPs.map { obj(["NetworkID": str($0.networkID), "Addr": str($0.address.description)]) })))
        }
        members.append(.init("Endpoint", .object(endpoint)))
        if let u = s.updateStatus {
            var status: [J.Member] = [.init("State", str(u.state.rawValue))]
            if let t = u.startedAt { status.append(.init("StartedAt", time(t, cal))) }
            if let t = u.completedAt { status.append(.init("CompletedAt", time(t, cal))) }
            status.append(.init("Message", str(u.message)))
            members.append(.init("UpdateStatus", .object(status)))
        }
        if let status {
            members.append(.init("ServiceStatus", obj([
                "RunningTasks": int(status.running), "DesiredTasks": int(status.desired), "CompletedTasks": int(0),
            ])))
        }
        return .object(members)
    }

    /// `Spec`, from the same writer as `docker service inspect` in a scenario.
    static func spec(_ spec: ServiceSpec) -> J {
        (try? JSONParser.parse(Array(DockerFormat.serviceSpecJSONText(spec).utf8))) ?? obj(["Name": str(spec.name)])
    }

    static func port(_ p: PortConfig) -> J {
        var members: [J.Member] = [.init("Protocol", str(p.protocol.rawValue)), .init("TargetPort", int(p.target))]
        if let n = p.published { members.append(.init("PublishedPort", int(n))) }
        members.append(.init("PublishMode", str(p.publishMode.rawValue)))
        return .object(members)
    }

    // MARK: Tasks

    /// swagger `Task`. The task spec is the service spec's template of the task's version.
    static func task(_ t: TaskRecord, _ cal: ServedCalendar) -> J {
        var template = ServiceSpec(name: t.serviceName, task: t.spec)
        template.endpoint = t.endpoint
        var status: [J.Member] = [
            .init("Timestamp", time(t.status.timestamp, cal)), .init("State", str(t.status.state.name)),
            .init("Message", str(t.status.message)),
        ]
        if let e = t.status.error { status.append(.init("Err", str(e))) }
        if let c = t.status.containerID {
            status.append(.init("ContainerStatus", obj(["ContainerID": str(c), "PID": int(0), "ExitCode": int(t.status.exitCode ?? 0)])))
        }
        let hostPorts = t.endpoint.ports.filter { $0.publishMode == .host && t.status.state == .running }
        status.append(.init("PortStatus", hostPorts.isEmpty ? obj([:]) : obj(["Ports": .array(hostPorts.map(port))])))
        var members: [J.Member] = [
            .init("ID", str(t.id)), .init("Version", versionJSON(version(t.updatedAt))),
            .init("CreatedAt", time(t.createdAt, cal)), .init("UpdatedAt", time(t.updatedAt, cal)),
            .init("Labels", obj([:])), .init("Spec", spec(template)["TaskTemplate"] ?? obj([:])),
            .init("ServiceID", str(t.serviceID)),
        ]
        if t.slot != 0 { members.append(.init("Slot", int(t.slot))) }
        if let n = t.nodeID { members.append(.init("NodeID", str(n))) }
        members.append(.init("Status", .object(status)))
        members.append(.init("DesiredState", str(t.desiredState.name)))
        let attachments = t.networks.compactMap { a -> J? in
            guard let address = a.address else { return nil }
            return obj(["Network": obj(["ID": str(a.networkID)]), "Addresses": strings([address.description])])
        }
        if !attachments.isEmpty { members.append(.init("NetworksAttachments", .array(attachments))) }
        return .object(members)
    }

    // MARK: Containers

    /// swagger `ContainerSummary`, for a task's container on this engine.
    static func container(_ t: TaskRecord, now: SimTime, _ cal: ServedCalendar) -> J {
        let running = t.status.state == .running
        let since = SimDuration(nanoseconds: now.nanoseconds - t.status.timestamp.nanoseconds)
        return obj([
            "Id": str(t.status.containerID ?? t.id), "Names": strings(["/" + t.containerName]),
            "Image": str(t.spec.image), "ImageID": str(""), "Command": str((t.spec.command + t.spec.args).joined(separator: " ")),
            "Created": int(cal.unixSeconds(t.createdAt)), "Ports": .array([]),
            "Labels": obj([
                "com.docker.swarm.node.id": str(t.nodeID ?? ""), "com.docker.swarm.service.id": str(t.serviceID),
                "com.docker.swarm.service.name": str(t.serviceName), "com.docker.swarm.task": str(""),
                "com.docker.swarm.task.id": str(t.id), "com.docker.swarm.task.name": str(t.containerName),
            ]),
            "State": str(running ? "running" : "exited"),
            "Status": str(running ? "Up " + ServedCalendar.humanDuration(since) : "Exited (\(t.status.exitCode ?? 0)) " + ServedCalendar.humanDuration(since) + " ago"),
            "HostConfig": obj(["NetworkMode": str("default")]),
            "NetworkSettings": obj(["Networks": obj([:])]), "Mounts": .array([]),
        ])
    }
}
