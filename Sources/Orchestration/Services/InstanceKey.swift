import SimCore

/// A replica's identity for restart history: (service, slot) or, for a global service,
/// (service, node) (swarmkit `instanceTuple`).
struct InstanceKey: Hashable, Sendable {
    var serviceID: String
    var slot: Int
    var nodeID: String
}
