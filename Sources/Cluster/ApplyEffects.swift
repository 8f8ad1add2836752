import Orchestration

/// What applying committed entries on a manager calls for in the shell.
struct ApplyEffects {
    var storeChanged = false
    /// Nodes whose assignments changed (leader only).
    var touchedNodes: [String] = []
    /// Services whose endpoints or ports may have changed (leader only).
    var meshServices: [String] = []
    /// Node status changes the leader recorded.
    var nodeStates: [(String, NodeState)] = []
    /// Nodes the leader applied as Ready (perhaps an entry a previous leader proposed).
    var readyNodes: [String] = []
    /// Nodes the leader applied as added: Unknown until their engine first reports.
    var addedNodes: [String] = []
}

extension ApplyEffects {
    /// Nodes the leader recorded as added, and node status changes.
    mutating func noteNodes(_ changes: StoreChanges, in store: ClusterStore) {
        for case .node(let change) in changes.all {
            if change.kind == .added { addedNodes.append(change.id) }
            guard change.kind == .state, let node = store.node(id: change.id) else { continue }
            nodeStates.append((node.hostname, node.state))
            if node.state == .ready { readyNodes.append(change.id) }
        }
    }
}
