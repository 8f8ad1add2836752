import Orchestration

/// What applying committed entries on a manager calls for in the shell.
package struct ApplyEffects {
    package var storeChanged = false
    /// Nodes whose assignments changed (leader only).
    package var touchedNodes: [String] = []
    /// Services whose endpoints or ports may have changed (leader only).
    package var meshServices: [String] = []
    /// Node status changes the leader recorded.
    package var nodeStates: [(String, NodeState)] = []
    /// Nodes the leader applied as Ready (perhaps an entry a previous leader proposed).
    package var readyNodes: [String] = []
    /// Nodes the leader applied as added: Unknown until their engine first reports.
    package var addedNodes: [String] = []

    package init() {}
}

extension ApplyEffects {
    /// What the leader does about one applied entry's `changes` (`store` as it is right after):
    /// the nodes whose assignments changed, the services whose mesh entries may have, the nodes
    /// added, and node status changes. One pass, each task change read from the store once.
    package mutating func note(_ changes: StoreChanges, in store: ClusterStore) {
        var created: Set<String> = []   // looked up, never iterated
        changes.forEach(in: store) { change in
            Self.touchedNode(by: change, into: &touchedNodes)
            Self.meshService(touchedBy: change, created: &created, into: &meshServices)
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

    /// The node whose assignments `change` changed, if any: a task put on, assigned to, given a
    /// new desired state on, or removed from it (a status the agent reported is no news to it).
    package static func touchedNode(by change: StoreChanges.Change, into nodes: inout [String]) {
        if case .task(let t) = change, t.kind != .status, let n = t.nodeID { nodes.append(n) }
    }

    /// The service whose endpoints or ports `change`, one of an entry's changes in order, may
    /// have changed: a task's status or desired state, a removed task, a service created,
    /// respecified or removed. A task the same entry created (`created`, the entry's puts so
    /// far) is no endpoint yet, so what else the entry does to it is no news to the mesh.
    package static func meshService(touchedBy change: StoreChanges.Change, created: inout Set<String>, into ids: inout [String]) {
        switch change {
        case .task(let t) where t.kind == .put:
            created.insert(t.id)
        case .task(let t) where t.kind == .status || t.kind == .desiredState || t.kind == .removed:
            if !created.contains(t.id) { ids.append(t.serviceID) }
        case .service(let s) where s.kind != .updateStatus:
            ids.append(s.id)
        default: break
        }
    }
}
