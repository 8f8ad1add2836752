import SimCore

// Placement constraints: matching nodes (swarmkit manager/constraint/constraint.go: Match,
// NodeMatches). The grammar and the parsed value are SimCore's `PlacementConstraint`, parsed
// once, at the command line.

extension Scheduler {
    /// One placement constraint, parsed (`PlacementConstraint`, the one grammar).
    public typealias Constraint = PlacementConstraint
    /// Why a constraint expression was refused; the messages are swarmkit's.
    public typealias ConstraintError = PlacementConstraintError
}

extension PlacementConstraint {
    /// Whether `candidate` satisfies the operator (swarmkit `Match`: case-insensitive equality).
    public func matches(_ candidate: String) -> Bool {
        let equal = Self.equalFold(value, candidate)
        return op == .equal ? equal : !equal
    }

    /// Whether `node` satisfies this constraint (one case of swarmkit `NodeMatches`).
    public func isSatisfied(by node: Scheduler.NodeInfo) -> Bool {
        switch subject {
        case .nodeID: return matches(node.id)
        case .hostname: return matches(node.hostname)
        case .role: return matches(node.role.rawValue)
        case .os: return matches(node.platform.os)
        case .architecture: return matches(node.platform.architecture)
        case .nodeLabel(let label): return matches(node.label(label) ?? "")
        case .engineLabel(let label): return matches(node.engineLabel(label) ?? "")
        case .unsupported: return false
        }
    }
}
