/// Secrets and configs: two kinds of small named payloads a service's containers get as files
/// (swarmkit `api.Secret` and `api.Config`, which share their shape). A secret's data never
/// leaves the managers through the API; a config's is shown (`docker config inspect`).
public enum PayloadKind: String, CaseIterable, Equatable, Sendable {
    case secret
    case config

    /// swarmkit's size limits (`validation.MaxSecretSize` 500 KiB, `MaxConfigSize` 1000 KiB).
    public var maxSize: Int { self == .secret ? 500 * 1024 : 1000 * 1024 }
}
