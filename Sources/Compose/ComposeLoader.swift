import YAML

/// Reads a compose file the way `docker stack deploy` does (docker/cli's cli/compose/loader
/// and schema), without deploying anything: variables substituted, keys docker ignores for
/// stacks reported, invalid files refused with docker's messages, at the offending line.
public enum ComposeLoader {
    /// What loading a file gives: the model, and the warnings docker prints on stderr.
    public struct Result: Sendable, Equatable {
        public var file: ComposeFile
        /// Whole lines as docker prints them, e.g. "Ignoring unsupported options: build, links".
        public var warnings: [String]
    }

    /// Service keys docker's loader accepts but `docker stack` ignores (types.UnsupportedProperties).
    static let unsupported = ["build", "cgroupns_mode", "cgroup_parent", "devices", "domainname",
                              "external_links", "ipc", "links", "mac_address", "network_mode", "pid",
                              "privileged", "restart", "security_opt", "shm_size", "userns_mode"]
    /// Service keys removed from the v3 format, with docker's note (types.DeprecatedProperties).
    static let deprecated = [("container_name", "Setting the container name is not supported."),
                             ("expose", "Exposing ports is unnecessary - services on the same network can access each other's containers on any port.")]
    /// Service keys docker refuses (types.ForbiddenProperties).
    static let forbidden = [("cpu_quota", "Set resource limits using deploy.resources"),
                            ("cpu_shares", "Set resource limits using deploy.resources"),
                            ("cpuset", "Set resource limits using deploy.resources"),
                            ("extends", "Support for `extends` is not implemented yet."),
                            ("mem_limit", "Set resource limits using deploy.resources"),
                            ("memswap_limit", "Set resource limits using deploy.resources"),
                            ("volume_driver", "Instead of setting the volume driver on the service, define a volume using the top-level `volumes` option and specify the driver there."),
                            ("volumes_from", "To share a volume between services, define it using the top-level `volumes` option and reference it from each service that shares it using the service-level `volumes` option.")]

    static let rootKeys = ["version", "services", "networks", "volumes", "secrets", "configs"]

    /// Loads `text` (the contents of `file`), substituting variables from `environment`.
    public static func load(_ text: String, file: String,
                            environment: [String: String] = [:]) throws(ComposeError) -> Result {
        let parsed = try YAML.readSingle(text, file: file)
        guard let root = parsed, !root.isNull else {
            throw ComposeError(file: file, at: YAML.Mark(line: 1, column: 1), "empty compose file")
        }
        var interpolation = ComposeInterpolation(file: file, environment: environment)
        let node = try interpolation.apply(root, path: "")
        var warnings = interpolation.unset.map { "The \"\($0)\" variable is not set. Defaulting to a blank string." }
        var loader = ComposeServiceLoader(values: ComposeValues(file: file))
        let compose = try loader.loadFile(node)
        if !loader.unsupportedSeen.isEmpty {
            warnings.append("Ignoring unsupported options: " + loader.unsupportedSeen.sorted().joined(separator: ", "))
        }
        if !loader.deprecatedSeen.isEmpty {
            warnings.append("Ignoring deprecated options:\n\n" + loader.deprecatedSeen.sorted().joined(separator: "\n\n"))
        }
        return Result(file: compose, warnings: warnings)
    }
}
