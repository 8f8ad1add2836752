import Orchestration

extension APIBodies {
    /// `POST /secrets/create` and `/configs/create`: `Name`, `Labels` and `Data` (base64).
    /// The engine checks the name and size with swarmkit's words.
    static func payloadCreate(_ body: [UInt8]) throws(APIError) -> PayloadSpec {
        let j = try json(body)
        let text = j[go: "Data"]?.string ?? ""
        guard let data = Base64.decode(text) else { throw APIError(400, "invalid JSON: illegal base64 data in Data") }
        var spec = PayloadSpec(name: j[go: "Name"]?.string ?? "", data: data)
        if case .object(let labels)? = j[go: "Labels"] { for m in labels { spec.labels[m.key] = m.value.string ?? "" } }
        return spec
    }

    /// `Spec.EncryptionConfig.AutoLockManagers` of a swarm init or update, when given.
    static func autolock(_ body: [UInt8]) throws(APIError) -> Bool? {
        let j = try json(body)
        guard case .bool(let on)? = (j[go: "Spec"] ?? j)[go: "EncryptionConfig"]?[go: "AutoLockManagers"] else { return nil }
        return on
    }
}
