import Orchestration

extension ServiceSpecDecoder {
    /// `ContainerSpec.Secrets` / `.Configs` (swagger: `File` {`Name`, `UID`, `GID`, `Mode`},
    /// `SecretID`/`ConfigID`, `SecretName`/`ConfigName`). The client has looked the IDs up;
    /// the engine checks that each exists.
    static func references(_ v: J?, _ kind: PayloadKind) throws(APIError) -> [PayloadReference] {
        guard let v, v != .null else { return [] }
        let prefix = kind == .secret ? "Secret" : "Config"
        guard let items = v.array else {
            throw APIError(400, "json: cannot unmarshal \(prefix)s into Go value of type []*swarm.\(prefix)Reference")
        }
        return items.map { item in
            let file = item[go: "File"]
            let target = file?[go: "Name"]?.string.flatMap { $0.isEmpty ? nil : $0 }
            var r = PayloadReference(name: item[go: prefix + "Name"]?.string ?? "", target: target)
            r.id = item[go: prefix + "ID"]?.string ?? ""
            if let uid = file?[go: "UID"]?.string, !uid.isEmpty { r.uid = uid }
            if let gid = file?[go: "GID"]?.string, !gid.isEmpty { r.gid = gid }
            if let mode = file?[go: "Mode"]?.int, mode >= 0 { r.mode = UInt32(truncatingIfNeeded: mode) }
            return r
        }
    }
}
