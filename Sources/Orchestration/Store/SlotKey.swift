import SimCore

/// A slot of a service: the tasks that take turns filling one replica (replicated: the slot
/// number; global: the node). Ordered by service, slot, node.
public struct SlotKey: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var serviceID: String
    public var slot: Int
    /// The node, for a global service's slot (slot 0); empty for a replicated one.
    public var nodeID: String

    public init(serviceID: String, slot: Int, nodeID: String = "") {
        self.serviceID = serviceID
        self.slot = slot
        self.nodeID = nodeID
    }

    public static func < (a: SlotKey, b: SlotKey) -> Bool {
        (a.serviceID, a.slot, a.nodeID) < (b.serviceID, b.slot, b.nodeID)
    }

    public var description: String { slot != 0 ? "\(serviceID).\(slot)" : "\(serviceID).\(nodeID)" }
}
