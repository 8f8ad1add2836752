import SimCore
import Orchestration
import Cluster
import DockerClient

extension APIJSON {
    // MARK: Networks

    /// swagger `Network` (the `NetworkSummary` of a list, and inspect with its containers).
    static func network(_ v: NetworkView, withContainers: Bool, _ cal: ServedCalendar) -> J {
        let record = v.record
        var config: [J] = []
        if let r = record {
            config = [obj(["Subnet": str(r.subnet.description), "Gateway": str(r.gateway.addressText)])]
        } else if let ipam = v.localIPAM, let subnet = ipam.subnet {
            config = [obj(["Subnet": str(subnet), "Gateway": str(ipam.gateway ?? "")])]
        }
        var options: [J.Member] = v.localOptions.map { J.Member($0.0, str($0.1)) }
        if let r = record { options.append(.init("com.docker.network.driver.overlay.vxlanid_list", str(String(r.vxlanID)))) }
        var containers: [J.Member] = []
        if withContainers {
            containers = v.apiEndpoints.map { e in
                J.Member(e.key, obj(["Name": str(e.name), "EndpointID": str(e.endpointID), "MacAddress": str(e.mac),
                                     "IPv4Address": str(e.address), "IPv6Address": str("")]))
            }
        }
        return obj([
            "Name": str(v.name), "Id": str(v.id), "Created": time(v.created, cal),
            "Scope": str(v.scope), "Driver": str(v.driver), "EnableIPv4": .bool(true), "EnableIPv6": .bool(false),
            "IPAM": obj(["Driver": str("default"), "Options": .null, "Config": .array(config)]),
            "Internal": .bool(false), "Attachable": .bool(record?.spec.attachable ?? false),
            "Ingress": .bool(record?.isIngress ?? false), "ConfigFrom": obj(["Network": str("")]), "ConfigOnly": .bool(false),
            "Containers": .object(containers), "Options": .object(options),
            "Labels": record.map { labels($0.spec.labels) } ?? obj([:]),
        ])
    }

    // MARK: Info

    /// swagger `SystemInfo`: the engine's facts the simulator has, the swarm section from the
    /// engine's `SwarmInfo`, and a daemon's values for what it does not model (no warnings).
    static func info(_ s: SwarmInfo, _ cal: ServedCalendar) -> J {
        let e = s.engine
        return obj([
            "ID": str(s.nodeID.isEmpty ? e.name : s.nodeID), "Containers": int(e.containers),
            "ContainersRunning": int(e.containersRunning), "ContainersPaused": int(0),
            "ContainersStopped": int(e.containers - e.containersRunning),
            "Images": int(0), "Driver": str("overlay2"), "DriverStatus": .array([]),
            "Plugins": obj(["Volume": strings(["local"]), "Network": strings(["bridge", "host", "null", "overlay"]), "Log": strings(["json-file"])]),
            "MemoryLimit": .bool(true), "SwapLimit": .bool(true), "CpuCfsPeriod": .bool(true), "CpuCfsQuota": .bool(true),
            "CPUShares": .bool(true), "CPUSet": .bool(true), "PidsLimit": .bool(true), "OomKillDisable": .bool(false),
            "IPv4Forwarding": .bool(true), "Debug": .bool(false), "NFd": int(0), "NGoroutines": int(0),
            "SystemTime": str(""), "LoggingDriver": str("json-file"), "CgroupDriver": str("systemd"), "CgroupVersion": str("2"),
            "NEventsListener": int(0), "KernelVersion": str("6.8.0-swarmsim"), "OperatingSystem": str("SwarmSim (simulated engine)"),
            "OSVersion": str(""), "OSType": str("linux"), "Architecture": str(e.architecture),
            "IndexServerAddress": str("https://index.docker.io/v1/"),
            "RegistryConfig": obj(["IndexConfigs": obj([:]), "InsecureRegistryCIDRs": strings(["::1/128", "127.0.0.0/8"]), "Mirrors": .array([])]),
            "NCPU": int(e.nanoCPUs / 1_000_000_000), "MemTotal": int(e.memoryBytes),
            "DockerRootDir": str("/var/lib/docker"), "Name": str(e.name),
            "Labels": strings(e.labels.map { $0.key + "=" + $0.value }),
            "ExperimentalBuild": .bool(false), "ServerVersion": str(e.engineVersion),
            "Runtimes": obj(["runc": obj(["path": str("runc")])]), "DefaultRuntime": str("runc"),
            "Swarm": swarmInfo(s, cal), "LiveRestoreEnabled": .bool(false), "Isolation": str(""),
            "InitBinary": str("docker-init"), "ContainerdCommit": obj(["ID": str("")]), "RuncCommit": obj(["ID": str("")]),
            "InitCommit": obj(["ID": str("")]), "SecurityOptions": strings(["name=seccomp,profile=builtin", "name=cgroupns"]),
            "Warnings": .array([]),
        ])
    }

    /// swagger `SwarmInfo`, with the cluster's facts on a manager that has them.
    static func swarmInfo(_ s: SwarmInfo, _ cal: ServedCalendar) -> J {
        var members: [J.Member] = [
            .init("NodeID", str(s.nodeID)), .init("NodeAddr", str(s.nodeAddress)),
            .init("LocalNodeState", str(s.localState.rawValue)), .init("ControlAvailable", .bool(s.isManager)),
            .init("Error", str(s.error ?? "")),
            .init("RemoteManagers", s.managerAddresses.isEmpty ? .null : .array(s.managerAddresses.map { obj(["NodeID": str(""), "Addr": str($0)]) })),
        ]
        if let n = s.nodes { members.append(.init("Nodes", int(n))) }
        if let m = s.managers { members.append(.init("Managers", int(m))) }
        if s.isManager, let id = s.clusterID {
            var c = ClusterRecord(id: id, workerToken: "", managerToken: "", createdAt: .zero)
            if let h = s.dispatcherHeartbeat { c.dispatcherHeartbeat = h }
            if let l = s.taskHistoryLimit { c.taskHistoryLimit = l }
            var cluster = swarm(c, info: s, cal)
            if case .object(let fields) = cluster { cluster = .object(fields.filter { $0.key != "JoinTokens" }) }
            members.append(.init("Cluster", cluster))
        }
        return .object(members)
    }
}
