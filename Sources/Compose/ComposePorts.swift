import YAML

/// `ports:` in the short syntax (`80`, `8080:80`, `127.0.0.1:8080:80`, `8000-8001:80-81/udp`)
/// and the long one (`target`, `published`, `protocol`, `mode`).
struct ComposePorts {
    let values: ComposeValues

    func ports(_ node: YAML.Node, _ path: String) throws(ComposeError) -> [ComposePort] {
        var out: [ComposePort] = []
        for (i, item) in try values.list(node, path).enumerated() {
            let itemPath = "\(path).\(i)"
            if item.mapping != nil {
                out.append(try long(item, itemPath))
            } else {
                out += try short(try values.stringOrNumber(item, itemPath), at: item)
            }
        }
        return out
    }

    func long(_ node: YAML.Node, _ path: String) throws(ComposeError) -> ComposePort {
        var port = ComposePort(target: 0, published: nil)
        var sawTarget = false
        for (key, value) in try values.mapping(node, path, allowed: ["mode", "host_ip", "target", "published", "protocol"]) {
            switch key {
            case "target":
                port.target = try values.int(value, "\(path).target")
                guard (0...65535).contains(port.target) else { throw values.fail(value, "Invalid containerPort: \(port.target)") }
                sawTarget = true
            case "published":
                let text = try values.stringOrNumber(value, "\(path).published")
                guard let n = Int(text), (0...65535).contains(n) else { throw values.fail(value, "Invalid hostPort: \(text)") }
                port.published = n
            case "protocol": port.protocol = try values.string(value, "\(path).protocol")
            case "mode": port.mode = try values.string(value, "\(path).mode")
            default: break
            }
        }
        if !sawTarget { throw values.fail(node, "\(path) target is required") }
        return port
    }

    /// One short-syntax entry; a range gives one port per number.
    func short(_ spec: String, at node: YAML.Node) throws(ComposeError) -> [ComposePort] {
        var text = Substring(spec)
        var proto = "tcp"
        if let slash = text.lastIndex(of: "/") {
            proto = String(text[text.index(after: slash)...])
            text = text[..<slash]
        }
        var parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        if parts.count == 3 { parts.removeFirst() }  // the host IP: every node listens in the mesh
        guard (1...2).contains(parts.count), let targets = range(parts[parts.count - 1]) else {
            throw values.fail(node, "Invalid containerPort: \(parts.last ?? spec)")
        }
        var published: [Int?] = Array(repeating: nil, count: targets.count)
        if parts.count == 2 && !parts[0].isEmpty {
            guard let hosts = range(parts[0]) else { throw values.fail(node, "Invalid hostPort: \(parts[0])") }
            if hosts.count == targets.count {
                published = hosts.map { Optional($0) }
            } else if targets.count == 1 {
                return hosts.map { ComposePort(target: targets[0], published: $0, protocol: proto) }
            } else {
                throw values.fail(node, "Invalid ranges specified for container and host Ports: \(parts[1]) and \(parts[0])")
            }
        }
        return zip(targets, published).map { ComposePort(target: $0, published: $1, protocol: proto) }
    }

    /// `80` or `8000-8010`, each in 0...65535, at most 65536 ports.
    func range(_ s: String) -> [Int]? {
        let ends = s.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...2).contains(ends.count),
              let low = Int(ends[0]), let high = Int(ends[ends.count - 1]),
              (0...65535).contains(low), (0...65535).contains(high), low <= high else { return nil }
        return Array(low...high)
    }
}
