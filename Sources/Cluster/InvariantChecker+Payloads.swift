import SimCore
import Orchestration

/// Secrets and configs: a service never refers to one the store does not hold (swarmkit refuses
/// `rm` while a service uses it, and a service spec that names a missing one), and names are
/// unique within each kind. - Complexity: O(services · references · payloads) per applied
/// entry; both are small.
extension InvariantChecker {
    mutating func checkPayloadReferences(_ store: ClusterStore, hostName: String, at time: SimTime) {
        guard isEnabled else { return }
        for s in store.services where !store.referencesExist(s.spec.task) {
            record("service \(s.spec.name) refers to a secret or config that \(hostName)'s store does not hold (at \(time))")
        }
        for kind in PayloadKind.allCases {
            let names = store.payloads(kind).map(\.spec.name)
            if Set(names).count != names.count {
                record("two \(kind.rawValue)s share a name in \(hostName)'s store (at \(time))")
            }
        }
    }
}
