// The table of simulated docker commands. Names, shorthands, usage lines and summaries are
// docker/cli's (cli/command/{swarm,node,service,network,secret,config,system,container}).

extension DockerCLI {
    // MARK: Groups and unsupported commands

    public static let groups: [Group] = [
        Group(name: "swarm", summary: "Manage Swarm", unsupported: ["ca"]),
        Group(name: "node", summary: "Manage Swarm nodes", unsupported: []),
        Group(name: "service", summary: "Manage Swarm services", unsupported: ["logs"]),
        Group(name: "network", summary: "Manage networks", unsupported: ["connect", "disconnect", "prune"]),
        Group(name: "secret", summary: "Manage Swarm secrets", unsupported: []),
        Group(name: "config", summary: "Manage Swarm configs", unsupported: []),
        Group(name: "stack", summary: "Manage Swarm stacks", unsupported: []),
    ]

    /// Real top-level docker commands the simulator does not model.
    public static let unsupportedCommands: [String] = [
        "attach", "build", "builder", "buildx", "checkpoint", "commit", "compose", "container",
        "context", "cp", "create", "diff", "events", "exec", "export", "history", "image", "images",
        "import", "init", "inspect", "kill", "load", "login", "logout", "logs", "manifest", "pause",
        "plugin", "port", "pull", "push", "rename", "restart", "rm", "rmi", "run", "save", "search",
        "start", "stats", "stop", "system", "tag", "top", "trust", "unpause", "update",
        "volume", "wait",
    ]

    // MARK: Shared flag sets

    static let quiet = FlagSpec("quiet", "q", .bool)
    static let filter = FlagSpec("filter", "f", .filter)
    static let format = FlagSpec.unsupported("format")
    static let formatF = FlagSpec.unsupported("format", "f")
    static let pretty = FlagSpec("pretty", nil, .bool)

    /// Flags of both `service create` and `service update` (docker's `addServiceFlags`).
    static let serviceFlags: [FlagSpec] = [
        FlagSpec("detach", "d", .bool),
        FlagSpec("quiet", "q", .bool),
        FlagSpec("replicas", nil, .uint),
        FlagSpec("replicas-max-per-node", nil, .uint),
        FlagSpec("max-concurrent", nil, .uint),
        FlagSpec("reserve-cpu", nil, .nanoCPUs),
        FlagSpec("reserve-memory", nil, .bytes),
        FlagSpec("limit-cpu", nil, .nanoCPUs),
        FlagSpec("limit-memory", nil, .bytes),
        FlagSpec("restart-condition", nil, .choice(["none", "on-failure", "any"])),
        FlagSpec("restart-delay", nil, .duration),
        FlagSpec("restart-max-attempts", nil, .uint),
        FlagSpec("restart-window", nil, .duration),
        FlagSpec("update-parallelism", nil, .uint),
        FlagSpec("update-delay", nil, .duration),
        FlagSpec("update-order", nil, .choice(["start-first", "stop-first"])),
        FlagSpec("update-failure-action", nil, .choice(["pause", "continue", "rollback"])),
        FlagSpec("update-monitor", nil, .duration),
        FlagSpec("update-max-failure-ratio", nil, .ratio),
        FlagSpec("rollback-parallelism", nil, .uint),
        FlagSpec("rollback-delay", nil, .duration),
        FlagSpec("rollback-order", nil, .choice(["start-first", "stop-first"])),
        FlagSpec("rollback-failure-action", nil, .choice(["pause", "continue"])),
        FlagSpec("rollback-monitor", nil, .duration),
        FlagSpec("rollback-max-failure-ratio", nil, .ratio),
        FlagSpec("endpoint-mode", nil, .choice(["vip", "dnsrr"])),
        FlagSpec("stop-grace-period", nil, .duration),
        FlagSpec("health-cmd", nil, .text),
        .unsupported("workdir", "w"), .unsupported("user", "u"), .unsupported("tty", "t"),
        .unsupported("hostname"), .unsupported("entrypoint"), .unsupported("credential-spec"),
        .unsupported("with-registry-auth"), .unsupported("log-driver"), .unsupported("log-opt"),
        FlagSpec("health-interval", nil, .duration), FlagSpec("health-timeout", nil, .duration),
        FlagSpec("health-retries", nil, .uint), FlagSpec("health-start-period", nil, .duration),
        FlagSpec("no-healthcheck", nil, .bool), .unsupported("read-only"),
        .unsupported("stop-signal"), .unsupported("isolation"), .unsupported("cap-add"),
        .unsupported("cap-drop"), .unsupported("limit-pids"), .unsupported("no-resolve-image"),
        .unsupported("help"),
    ]

    static let serviceCreateFlags: [FlagSpec] = [
        FlagSpec("name", nil, .text),
        FlagSpec("mode", nil, .choice(["replicated", "global", "replicated-job", "global-job"])),
        FlagSpec("constraint", nil, .constraint),
        FlagSpec("placement-pref", nil, .spread),
        FlagSpec("publish", "p", .publish),
        FlagSpec("network", nil, .text),
        FlagSpec("secret", nil, .payloadReference(.secret)),
        FlagSpec("config", nil, .payloadReference(.config)),
        FlagSpec("env", "e", .keyValue),
        FlagSpec("label", "l", .keyValue),
        .unsupported("container-label"), .unsupported("env-file"), .unsupported("mount"),
        .unsupported("group"), .unsupported("dns"), .unsupported("dns-option"), .unsupported("dns-search"),
        .unsupported("host"), .unsupported("init"), .unsupported("sysctl"), .unsupported("ulimit"),
        .unsupported("generic-resource"), .unsupported("oom-score-adj"),
    ] + serviceFlags

    static let serviceUpdateFlags: [FlagSpec] = [
        FlagSpec("image", nil, .text),
        FlagSpec("args", nil, .text),
        FlagSpec("force", nil, .bool),
        FlagSpec("rollback", nil, .bool),
        FlagSpec("constraint-add", nil, .constraint),
        FlagSpec("constraint-rm", nil, .text),
        FlagSpec("placement-pref-add", nil, .spread),
        FlagSpec("placement-pref-rm", nil, .spread),
        FlagSpec("publish-add", nil, .publish),
        FlagSpec("publish-rm", nil, .publish),
        FlagSpec("network-add", nil, .text),
        FlagSpec("network-rm", nil, .text),
        FlagSpec("secret-add", nil, .payloadReference(.secret)),
        FlagSpec("secret-rm", nil, .text),
        FlagSpec("config-add", nil, .payloadReference(.config)),
        FlagSpec("config-rm", nil, .text),
        FlagSpec("env-add", nil, .keyValue),
        FlagSpec("env-rm", nil, .text),
        FlagSpec("label-add", nil, .keyValue),
        FlagSpec("label-rm", nil, .text),
        .unsupported("container-label-add"), .unsupported("container-label-rm"),
        .unsupported("mount-add"), .unsupported("mount-rm"), .unsupported("group-add"),
        .unsupported("group-rm"), .unsupported("dns-add"), .unsupported("dns-rm"),
        .unsupported("host-add"), .unsupported("host-rm"),
    ] + serviceFlags

    // MARK: The commands

    public static let commands: [Command] = swarmCommands + nodeCommands + serviceCommands
        + networkCommands + storeCommands(kind: "secret", title: "SECRET", summary: "secret") + storeCommands(kind: "config", title: "CONFIG", summary: "config")
        + systemCommands + stackCommands

    static let swarmCommands: [Command] = [
        Command(["swarm", "init"], usage: "docker swarm init [OPTIONS]", summary: "Initialize a swarm", flags: [
            FlagSpec("advertise-addr", nil, .text), FlagSpec("listen-addr", nil, .text),
            FlagSpec("dispatcher-heartbeat", nil, .duration), FlagSpec("task-history-limit", nil, .int),
            FlagSpec("autolock", nil, .bool), FlagSpec("force-new-cluster", nil, .bool),
            .unsupported("availability"), .unsupported("cert-expiry"), .unsupported("data-path-addr"),
            .unsupported("data-path-port"), .unsupported("default-addr-pool"),
            .unsupported("default-addr-pool-mask-length"), .unsupported("external-ca"),
            .unsupported("max-snapshots"), .unsupported("snapshot-interval"), .unsupported("help"),
        ], arguments: .none),
        Command(["swarm", "join"], usage: "docker swarm join [OPTIONS] HOST:PORT", summary: "Join a swarm as a node and/or manager", flags: [
            FlagSpec("token", nil, .text), FlagSpec("advertise-addr", nil, .text), FlagSpec("listen-addr", nil, .text),
            .unsupported("availability"), .unsupported("data-path-addr"), .unsupported("help"),
        ], arguments: .exactly(1), checks: [.requiredFlag("token")]),
        Command(["swarm", "join-token"], usage: "docker swarm join-token [OPTIONS] (worker|manager)", summary: "Manage join tokens", flags: [
            quiet, FlagSpec("rotate", nil, .bool), .unsupported("help"),
        ], arguments: .exactly(1), checks: [.joinTokenRole]),
        Command(["swarm", "leave"], usage: "docker swarm leave [OPTIONS]", summary: "Leave the swarm", flags: [
            FlagSpec("force", "f", .bool), .unsupported("help"),
        ], arguments: .none),
        Command(["swarm", "unlock"], usage: "docker swarm unlock", summary: "Unlock swarm",
                flags: [.unsupported("help")], arguments: .none),
        Command(["swarm", "unlock-key"], usage: "docker swarm unlock-key [OPTIONS]", summary: "Manage the unlock key",
                flags: [quiet, FlagSpec("rotate", nil, .bool), .unsupported("help")], arguments: .none),
        Command(["swarm", "update"], usage: "docker swarm update [OPTIONS]", summary: "Update the swarm", flags: [
            FlagSpec("dispatcher-heartbeat", nil, .duration), FlagSpec("task-history-limit", nil, .int),
            FlagSpec("autolock", nil, .bool),
            .unsupported("cert-expiry"), .unsupported("external-ca"), .unsupported("max-snapshots"),
            .unsupported("snapshot-interval"), .unsupported("help"),
        ], arguments: .none),
    ]

    static let nodeCommands: [Command] = [
        Command(["node", "ls"], aliases: ["list"], usage: "docker node ls [OPTIONS]", summary: "List nodes in the swarm",
                flags: [quiet, filter, format, .unsupported("help")], arguments: .none),
        Command(["node", "inspect"], usage: "docker node inspect [OPTIONS] self|NODE [NODE...]",
                summary: "Display detailed information on one or more nodes",
                flags: [pretty, formatF, .unsupported("help")], arguments: .atLeast(1)),
        Command(["node", "promote"], usage: "docker node promote NODE [NODE...]",
                summary: "Promote one or more nodes to manager in the swarm", flags: [.unsupported("help")], arguments: .atLeast(1)),
        Command(["node", "demote"], usage: "docker node demote NODE [NODE...]",
                summary: "Demote one or more nodes from manager in the swarm", flags: [.unsupported("help")], arguments: .atLeast(1)),
        Command(["node", "update"], usage: "docker node update [OPTIONS] NODE", summary: "Update a node", flags: [
            FlagSpec("availability", nil, .choice(["active", "pause", "drain"])),
            FlagSpec("label-add", nil, .keyValue), FlagSpec("label-rm", nil, .text),
            FlagSpec("role", nil, .choice(["worker", "manager"])), .unsupported("help"),
        ], arguments: .exactly(1)),
        Command(["node", "rm"], aliases: ["remove"], usage: "docker node rm [OPTIONS] NODE [NODE...]",
                summary: "Remove one or more nodes from the swarm",
                flags: [FlagSpec("force", "f", .bool), .unsupported("help")], arguments: .atLeast(1)),
        Command(["node", "ps"], usage: "docker node ps [OPTIONS] [NODE...]",
                summary: "List tasks running on one or more nodes, defaults to current node", flags: [
            filter, quiet, FlagSpec("no-trunc", nil, .bool), format, .unsupported("no-resolve"), .unsupported("help"),
        ], arguments: .atLeast(0)),
    ]

    static let serviceCommands: [Command] = [
        Command(["service", "create"], usage: "docker service create [OPTIONS] IMAGE [COMMAND] [ARG...]",
                summary: "Create a new service", flags: serviceCreateFlags, arguments: .atLeast(1),
                interspersed: false, checks: [.replicasNeedReplicatedMode]),
        Command(["service", "ls"], aliases: ["list"], usage: "docker service ls [OPTIONS]", summary: "List services",
                flags: [quiet, filter, format, .unsupported("help")], arguments: .none),
        Command(["service", "ps"], usage: "docker service ps [OPTIONS] SERVICE [SERVICE...]",
                summary: "List the tasks of one or more services", flags: [
            FlagSpec("no-trunc", nil, .bool), quiet, filter, format, .unsupported("no-resolve"), .unsupported("help"),
        ], arguments: .atLeast(1)),
        Command(["service", "inspect"], usage: "docker service inspect [OPTIONS] SERVICE [SERVICE...]",
                summary: "Display detailed information on one or more services",
                flags: [pretty, formatF, .unsupported("help")], arguments: .atLeast(1)),
        Command(["service", "scale"], usage: "docker service scale SERVICE=REPLICAS [SERVICE=REPLICAS...]",
                summary: "Scale one or multiple replicated services",
                flags: [FlagSpec("detach", "d", .bool), .unsupported("help")], arguments: .atLeast(1), checks: [.scaleSpecifiers]),
        Command(["service", "update"], usage: "docker service update [OPTIONS] SERVICE", summary: "Update a service",
                flags: serviceUpdateFlags, arguments: .exactly(1), checks: [.rollbackAlone]),
        Command(["service", "rollback"], usage: "docker service rollback [OPTIONS] SERVICE",
                summary: "Revert changes to a service's configuration",
                flags: [FlagSpec("detach", "d", .bool), quiet, .unsupported("help")], arguments: .exactly(1)),
        Command(["service", "rm"], aliases: ["remove"], usage: "docker service rm SERVICE [SERVICE...]",
                summary: "Remove one or more services", flags: [.unsupported("help")], arguments: .atLeast(1)),
    ]

    static let networkCommands: [Command] = [
        Command(["network", "create"], usage: "docker network create [OPTIONS] NETWORK", summary: "Create a network", flags: [
            FlagSpec("driver", "d", .choice(["overlay"])), FlagSpec("attachable", nil, .bool), FlagSpec("label", nil, .keyValue),
            FlagSpec("subnet", nil, .text), .unsupported("gateway"), .unsupported("ip-range"), .unsupported("internal"),
            .unsupported("ipv6"), .unsupported("opt", "o"), .unsupported("scope"), .unsupported("aux-address"),
            .unsupported("config-from"), .unsupported("config-only"), .unsupported("ingress"),
            .unsupported("ipam-driver"), .unsupported("ipam-opt"), .unsupported("help"),
        ], arguments: .exactly(1)),
        Command(["network", "ls"], aliases: ["list"], usage: "docker network ls [OPTIONS]", summary: "List networks",
                flags: [quiet, filter, format, .unsupported("no-trunc"), .unsupported("help")], arguments: .none),
        Command(["network", "inspect"], usage: "docker network inspect [OPTIONS] NETWORK [NETWORK...]",
                summary: "Display detailed information on one or more networks",
                flags: [formatF, FlagSpec("verbose", "v", .bool), .unsupported("help")], arguments: .atLeast(1)),
        Command(["network", "rm"], aliases: ["remove"], usage: "docker network rm NETWORK [NETWORK...]",
                summary: "Remove one or more networks", flags: [.unsupported("force", "f"), .unsupported("help")], arguments: .atLeast(1)),
    ]

    /// `docker secret …` and `docker config …`, which share their shape.
    static func storeCommands(kind: String, title: String, summary: String) -> [Command] {
        let createSummary = kind == "secret" ? "Create a secret from a file or STDIN as content" : "Create a config from a file or STDIN"
        return [
            Command([kind, "create"], usage: "docker \(kind) create [OPTIONS] \(title) " + (kind == "secret" ? "[file|-]" : "file|-"),
                    summary: createSummary, flags: [
                FlagSpec("label", "l", .keyValue), .unsupported("template-driver"), .unsupported("help"),
            ] + (kind == "secret" ? [.unsupported("driver", "d")] : []), arguments: kind == "secret" ? .between(1, 2) : .exactly(2)),
            Command([kind, "ls"], aliases: ["list"], usage: "docker \(kind) ls [OPTIONS]", summary: "List \(summary)s",
                    flags: [quiet, filter, format, .unsupported("help")], arguments: .none),
            Command([kind, "inspect"], usage: "docker \(kind) inspect [OPTIONS] \(title) [\(title)...]",
                    summary: "Display detailed information on one or more \(summary)s",
                    flags: [pretty, formatF, .unsupported("help")], arguments: .atLeast(1)),
            Command([kind, "rm"], aliases: ["remove"], usage: "docker \(kind) rm \(title) [\(title)...]",
                    summary: "Remove one or more \(summary)s", flags: [.unsupported("help")], arguments: .atLeast(1)),
        ]
    }

    static let systemCommands: [Command] = [
        Command(["info"], usage: "docker info [OPTIONS]", summary: "Display system-wide information",
                flags: [formatF, .unsupported("help")], arguments: .none),
        Command(["ps"], usage: "docker ps [OPTIONS]", summary: "List containers", flags: [
            FlagSpec("all", "a", .bool), quiet, FlagSpec("no-trunc", nil, .bool), filter, format,
            .unsupported("last", "n"), .unsupported("latest", "l"), .unsupported("size", "s"), .unsupported("help"),
        ], arguments: .none),
        Command(["version"], usage: "docker version [OPTIONS]", summary: "Show the Docker version information",
                flags: [formatF, .unsupported("help")], arguments: .none),
    ]
}
