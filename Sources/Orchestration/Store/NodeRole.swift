import SimCore

/// A node's role, as the store records it (the role the node should have).
public enum NodeRole: String, Sendable, Equatable, Comparable {
    case worker, manager
    public static func < (a: NodeRole, b: NodeRole) -> Bool { a.rawValue < b.rawValue }
}
