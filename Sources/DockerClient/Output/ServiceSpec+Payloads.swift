import SimCore
import Orchestration
import ScenarioLanguage

// `--secret`, `--config`, `--secret-add/-rm` and `--config-add/-rm`, as docker/cli reads them
// (opts/swarmopts secret.go and config.go; service/update.go `getUpdatedSecrets`). The IDs are
// filled in later, by the CLI's look-up of each name (`secret not found: NAME`).

extension ServiceSpec {
    /// The references a repeated flag gives, in order.
    static func payloadReferences(_ inv: DockerInvocation, _ flag: String, _ kind: PayloadKind,
                                  _ expand: WordExpander) throws(Diagnostic) -> [PayloadReference] {
        var out: [PayloadReference] = []
        for f in inv.flags where f.name == flag {
            guard case .text(let w) = f.value else { continue }
            switch PayloadReference.parse(try expand(w), kind: kind) {
            case .success(let r): out.append(r)
            case .failure(let e):
                throw Diagnostic(at: f.location, length: flag.count + 2, "invalid argument \"\(w.text)\" for \"--\(flag)\" flag: \(e.message)")
            }
        }
        return out
    }

    /// `service update`: `--secret-rm NAME` drops the references to that secret, then the
    /// `--secret-add` ones are appended; the same for configs.
    mutating func updatePayloads(_ inv: DockerInvocation, expand: WordExpander) throws(Diagnostic) {
        let secretsGone = try Self.texts(inv, "secret-rm", expand)
        task.secrets.removeAll { secretsGone.contains($0.name) }
        task.secrets += try Self.payloadReferences(inv, "secret-add", .secret, expand)
        let configsGone = try Self.texts(inv, "config-rm", expand)
        task.configs.removeAll { configsGone.contains($0.name) }
        task.configs += try Self.payloadReferences(inv, "config-add", .config, expand)
    }
}
