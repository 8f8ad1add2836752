import YAML

/// Top-level `networks`, `secrets` and `configs`, and a service's `healthcheck`.
struct ComposeTopLevel {
    let values: ComposeValues

    func networks(_ node: YAML.Node) throws(ComposeError) -> [ComposeNetwork] {
        var out: [ComposeNetwork] = []
        for (name, value) in try values.mapping(node, "networks") {
            var network = ComposeNetwork(key: name)
            let path = "networks.\(name)"
            if !value.isNull {
                let allowed = ["name", "driver", "driver_opts", "ipam", "external", "internal", "attachable", "labels"]
                for (key, v) in try values.mapping(value, path, allowed: allowed) {
                    switch key {
                    case "name": network.name = try values.string(v, "\(path).name")
                    case "driver": network.driver = try values.string(v, "\(path).driver")
                    case "attachable": network.attachable = try values.bool(v, "\(path).attachable")
                    case "external": network.external = try external(v, "\(path).external")
                    case "ipam": network.subnets = try subnets(v, "\(path).ipam")
                    default: break
                    }
                }
            }
            out.append(network)
        }
        return out
    }

    /// `external: true`, or the old `external: {name: x}`.
    func external(_ node: YAML.Node, _ path: String) throws(ComposeError) -> Bool {
        if node.mapping != nil { return true }
        return try values.bool(node, path)
    }

    func subnets(_ node: YAML.Node, _ path: String) throws(ComposeError) -> [String] {
        var out: [String] = []
        for (key, value) in try values.mapping(node, path, allowed: ["driver", "config"]) where key == "config" {
            for (i, item) in try values.list(value, "\(path).config").enumerated() {
                for (k, v) in try values.mapping(item, "\(path).config.\(i)", allowed: ["subnet"]) where k == "subnet" {
                    out.append(try values.string(v, "\(path).config.\(i).subnet"))
                }
            }
        }
        return out
    }

    /// Top-level secrets or configs: `file`, `external`, `name`.
    func objects(_ node: YAML.Node, _ section: String) throws(ComposeError) -> [ComposeObject] {
        var out: [ComposeObject] = []
        for (name, value) in try values.mapping(node, section) {
            var object = ComposeObject(key: name)
            let path = "\(section).\(name)"
            let allowed = ["file", "external", "labels", "name", "driver", "driver_opts", "template_driver"]
            for (key, v) in try values.mapping(value, path, allowed: allowed) {
                switch key {
                case "file": object.file = try values.string(v, "\(path).file")
                case "name": object.name = try values.string(v, "\(path).name")
                case "external": object.external = try external(v, "\(path).external")
                default: break
                }
            }
            out.append(object)
        }
        return out
    }

    func healthcheck(_ node: YAML.Node, _ path: String) throws(ComposeError) -> ComposeHealthcheck {
        var check = ComposeHealthcheck()
        let allowed = ["disable", "interval", "retries", "test", "timeout", "start_period", "start_interval"]
        for (key, value) in try values.mapping(node, path, allowed: allowed) {
            let p = "\(path).\(key)"
            switch key {
            case "test":
                check.test = value.sequence != nil ? try values.strings(value, p) : ["CMD-SHELL", try values.string(value, p)]
            case "interval": check.interval = try values.string(value, p)
            case "timeout": check.timeout = try values.string(value, p)
            case "start_period": check.startPeriod = try values.string(value, p)
            case "retries": check.retries = try values.count(value, p)
            case "disable": check.disable = try values.bool(value, p)
            default: break
            }
        }
        return check
    }
}
