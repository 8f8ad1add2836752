import SimCore

// Secrets and configs in the store (swarmkit manager/controlapi secret.go and config.go; the
// checks a proposal needs are here, so every manager reaches the same answer).

extension ClusterStore {
    // MARK: Reads

    /// The secrets or configs, sorted by ID.
    public func payloads(_ kind: PayloadKind) -> [PayloadRecord] {
        payloads.filter { $0.kind == kind }
    }

    /// A secret or config by full ID, then by name, then by unique ID prefix: the order moby's
    /// `getSecret`/`getConfig` tries.
    public func resolvePayload(_ kind: PayloadKind, _ reference: String) -> PayloadRecord? {
        let all = payloads(kind)
        if let p = all.first(where: { $0.id == reference }) { return p }
        if let p = all.first(where: { $0.spec.name == reference }) { return p }
        guard !reference.isEmpty else { return nil }
        let matches = all.filter { $0.id.hasPrefix(reference) }
        return matches.count == 1 ? matches[0] : nil
    }

    /// The names of the services whose spec refers to the secret or config with this ID, in
    /// service order (swarmkit `ByReferencedSecretID`).
    public func services(using kind: PayloadKind, id: String) -> [String] {
        services.filter { s in
            let refs = kind == .secret ? s.spec.task.secrets : s.spec.task.configs
            return refs.contains { $0.id == id }
        }.map(\.spec.name)
    }

    /// Why `create` would be refused (swarmkit `validateSecretSpec` / `validateConfigSpec` and
    /// the store's name check), as the daemon words it; nil when it is fine.
    public func createPayloadError(_ kind: PayloadKind, _ spec: PayloadSpec) -> String? {
        let k = kind.rawValue
        if !Self.isValidObjectName(spec.name) {
            return "rpc error: code = InvalidArgument desc = invalid name, only 64 [a-zA-Z0-9-_.] characters allowed, and the start and end character must be [a-zA-Z0-9]"
        }
        if spec.data.isEmpty || spec.data.count >= kind.maxSize {
            return "rpc error: code = InvalidArgument desc = \(k) data must be larger than 0 and less than \(kind.maxSize) bytes"
        }
        if payloads(kind).contains(where: { $0.spec.name == spec.name }) {
            return "rpc error: code = AlreadyExists desc = \(k) \(spec.name) already exists"
        }
        return nil
    }

    /// Why `rm` would be refused: in use by a service (swarmkit's words); nil when it is fine.
    public func removePayloadError(_ record: PayloadRecord) -> String? {
        let users = services(using: record.kind, id: record.id)
        guard !users.isEmpty else { return nil }
        return "rpc error: code = InvalidArgument desc = \(record.kind.rawValue) '\(record.spec.name)' is in use by the following "
            + (users.count == 1 ? "service" : "services") + ": " + users.joined(separator: ", ")
    }

    /// swarmkit `validateAnnotations` for secrets and configs: 1–64 of `[a-zA-Z0-9-_.]`,
    /// starting and ending with a letter or digit.
    static func isValidObjectName(_ name: String) -> Bool {
        let scalars = Array(name.unicodeScalars)
        func alnum(_ c: Unicode.Scalar) -> Bool { c.isASCII && (c.properties.isAlphabetic || ("0"..."9").contains(c)) }
        guard let first = scalars.first, let last = scalars.last, scalars.count <= 64, alnum(first), alnum(last) else { return false }
        return scalars.allSatisfy { alnum($0) || $0 == "-" || $0 == "_" || $0 == "." }
    }

    /// Whether every secret and config the template refers to exists (swarmkit checks this
    /// in the transaction that creates or updates the service; a spec that lost the race with
    /// an `rm` is not applied).
    public func referencesExist(_ task: TaskTemplate) -> Bool {
        task.secrets.allSatisfy { r in payloads.contains { $0.kind == .secret && $0.id == r.id } }
            && task.configs.allSatisfy { r in payloads.contains { $0.kind == .config && $0.id == r.id } }
    }

    // MARK: Apply

    mutating func applyPayloadCommand(_ command: StoreCommand, at raftIndex: UInt64) {
        switch command {
        case .createPayload(var record):
            guard !payloads.contains(where: { $0.id == record.id }),
                  !payloads.contains(where: { $0.kind == record.kind && $0.spec.name == record.spec.name }) else { return }
            record.version = Swift.max(raftIndex, 1)
            let at = payloads.firstIndex(where: { $0.id > record.id }) ?? payloads.count
            payloads.insert(record, at: at)
        case .removePayload(let id):
            // Checked again as it applies, as swarmkit checks in the removing transaction: a
            // service that took the secret since the leader said yes keeps it.
            guard let record = payloads.first(where: { $0.id == id }), services(using: record.kind, id: id).isEmpty else { return }
            payloads.removeAll { $0.id == id }
        default:
            preconditionFailure("applyPayloadCommand called with a command that is not about secrets or configs: \(command)")
        }
    }
}
