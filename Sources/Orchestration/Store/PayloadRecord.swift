import SimCore

/// A secret or a config as the store keeps it (swarmkit `api.Secret` / `api.Config`).
///
/// Secrets and configs cannot change once created (swarmkit allows only label updates, and
/// docker's CLI offers none): a new version is a new object with a new name.
public struct PayloadRecord: Equatable, Sendable {
    public var kind: PayloadKind
    public var id: String
    public var spec: PayloadSpec
    public var createdAt: SimTime
    public var updatedAt: SimTime
    /// The Raft index of the entry that created it (swarmkit `Meta.Version`).
    public var version: UInt64 = 0

    public init(kind: PayloadKind, id: String, spec: PayloadSpec, createdAt: SimTime) {
        self.kind = kind; self.id = id; self.spec = spec
        self.createdAt = createdAt; self.updatedAt = createdAt
    }

    /// The record as the control API hands it out: a secret without its data (swarmkit
    /// clears `Spec.Data` in every answer), a config as it is.
    public var redacted: PayloadRecord {
        guard kind == .secret else { return self }
        var r = self
        r.spec.data = []
        return r
    }
}
