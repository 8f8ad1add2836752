import Orchestration

/// `docker network ls --filter`: the keys moby's network router accepts, matched as moby's
/// `FilterNetworks` matches them (daemon/network/filter.go). moby matches `name` and `id` as
/// regular expressions; the simulator takes the value as literal text to find in the name or
/// ID, which is what the docs' examples do.
enum NetworkFilters {
    /// The networks docker calls pre-defined (moby `IsPreDefinedNetwork`): the `builtin` type.
    static let predefined = ["bridge", "host", "none", "default"]

    static let table = FilterTable<NetworkView>(keys: [
        .init(name: "dangling", check: danglingCheck) { v, values in
            let predefined = Self.predefined.contains(v.name)
            // The node's ingress sandbox is attached to docker_gwbridge, which the view of a
            // local network does not list.
            let used = !v.containers.isEmpty || !v.services.isEmpty || v.name == LocalNetwork.gatewayBridge.name
            return values.contains("1") || values.contains("true") ? !predefined && !used : predefined || used
        },
        .init(name: "driver") { FilterMatch.exact($0.driver, $1) },
        .init(name: "id") { v, values in values.contains { v.id == $0 || v.id.contains($0) } },
        .init(name: "label") { FilterMatch.labels($0.record?.spec.labels ?? Labels(), $1) },
        .init(name: "name") { v, values in values.contains { v.name == $0 || v.name.contains($0) } },
        .init(name: "scope") { FilterMatch.exact($0.scope, $1) },
        .init(name: "type", check: typeCheck) { v, values in
            values.contains { $0 == (Self.predefined.contains(v.name) ? "builtin" : "custom") }
        },
    ])

    /// moby: `dangling` takes one boolean.
    static func danglingCheck(_ value: String) -> EngineError? {
        ["0", "1", "false", "true"].contains(value) ? nil
            : EngineError("invalid value for filter 'dangling', must be \"true\" (or \"1\"), or \"false\" (or \"0\")")
    }

    /// moby `filterNetworkByType`: `custom` or `builtin`.
    static func typeCheck(_ value: String) -> EngineError? {
        value == "custom" || value == "builtin" ? nil : EngineError("invalid filter: 'type'='\(value)'")
    }
}
