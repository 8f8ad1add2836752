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
    /// What the leader does about one applied entry's `changes` (`store` as it is right after):
    /// the nodes whose assignments changed, the services whose mesh entries may have, the nodes
    /// added, and node status changes. One pass, each task change read from the store once.
    mutating func note(_ changes: StoreChanges, in store: ClusterStore) {
        var created: Set<String> = []   // looked up, never iterated
        changes.forEach(in: store) { change in
            Swarm.touchedNode(by: change, into: &touchedNodes)
            Swarm.meshService(touchedBy: change, created: &created, into: &meshServices)
            if case .node(let node) = change { noteNode(node, in: store) }
        }
    }

    /// A node the leader recorded as added, or a node status change.
    private mutating func noteNode(_ change: StoreChanges.Node, in store: ClusterStore) {
        if change.kind == .added { addedNodes.append(change.id) }
        guard change.kind == .state, let node = store.node(id: change.id) else { return }
        nodeStates.append((node.hostname, node.state))
        if node.state == .ready { readyNodes.append(change.id) }
    }
}
