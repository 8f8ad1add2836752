import SimCore

/// What applying one command changed in a `ClusterStore`: the nodes, services, tasks and
/// networks it touched, each with the kind of change, in the order the store made them (one
/// list, so a reader that reacts to services and tasks alike sees them interleaved as applied).
///
/// `ClusterStore.apply` is the one place that reads a `StoreCommand`; everything that reacts to
/// a change (the dispatcher sending assignments, the routing mesh, the invariant checker) reads
/// this instead. A command the store refused or found moot (a task status that would go back, a
/// node already removed, a desired state that is not later) changes nothing and is not listed.
///
/// The list keeps one entry per change, in application order (a batch that changes one task
/// twice lists it twice); readers that want each record once skip repeats. Building one is
/// cheap: the list holds its first entry inline, so a command that changes nothing or one record
/// allocates nothing; only a batch that changes more pays for an array. Readers on the hot path
/// iterate `all`; `nodes`, `services` and `tasks` build arrays.
public struct StoreChanges: Equatable, Sendable {
    /// A node record that changed.
    public struct Node: Equatable, Sendable {
        public enum Kind: UInt8, Sendable { case added, updated, state, role, removed }
        public var id: String
        public var kind: Kind
        public init(id: String, kind: Kind) { self.id = id; self.kind = kind }
    }

    /// A service record that changed.
    public struct Service: Equatable, Sendable {
        public enum Kind: UInt8, Sendable {
            case created
            /// Its spec changed: `service update`, `service rollback`, the updater's rollback.
            case spec
            /// Only the updater's progress changed.
            case updateStatus
            case removed
        }
        public var id: String
        public var kind: Kind
        public init(id: String, kind: Kind) { self.id = id; self.kind = kind }
    }

    /// A task record that changed, with its service and node (for a removed task, as they were).
    public struct Task: Equatable, Sendable {
        public enum Kind: UInt8, Sendable {
            /// Added or replaced whole (`putTask`).
            case put
            /// The scheduler gave it a node.
            case assigned
            /// A new observed status.
            case status
            /// A new desired state.
            case desiredState
            case removed
        }
        public var id: String
        public var serviceID: String
        public var nodeID: String?
        public var kind: Kind
        public init(id: String, serviceID: String, nodeID: String?, kind: Kind) {
            self.id = id; self.serviceID = serviceID; self.nodeID = nodeID; self.kind = kind
        }
    }

    /// A swarm network that was created or removed.
    public struct Network: Equatable, Sendable {
        public var id: String
        public var isRemoved: Bool
        public init(id: String, isRemoved: Bool) { self.id = id; self.isRemoved = isRemoved }
    }

    /// One change.
    public enum Change: Equatable, Sendable {
        case cluster
        case node(Node)
        case service(Service)
        case task(Task)
        case network(Network)
    }

    /// Every change, in the order the store made it.
    public private(set) var all = ChangeList<Change>()

    public init() {}

    /// Whether the command changed nothing.
    public var isEmpty: Bool { all.isEmpty }

    /// The nodes that changed, in order.
    public var nodes: [Node] { all.compactMap { if case .node(let n) = $0 { n } else { nil } } }
    /// The services that changed, in order.
    public var services: [Service] { all.compactMap { if case .service(let s) = $0 { s } else { nil } } }
    /// The tasks that changed, in order.
    public var tasks: [Task] { all.compactMap { if case .task(let t) = $0 { t } else { nil } } }
    /// The networks created or removed, in order.
    public var networks: [Network] { all.compactMap { if case .network(let n) = $0 { n } else { nil } } }
    /// Whether the cluster record (tokens, settings) changed.
    public var cluster: Bool { all.contains(.cluster) }

    mutating func append(_ change: Change) { all.append(change) }
    mutating func append(_ node: Node) { all.append(.node(node)) }
    mutating func append(_ service: Service) { all.append(.service(service)) }
    mutating func append(_ task: Task) { all.append(.task(task)) }
    mutating func append(_ network: Network) { all.append(.network(network)) }
}

/// Changes of one kind of record, in application order. The first entry is stored inline, so a
/// list of zero or one entries allocates nothing.
public struct ChangeList<Element: Equatable & Sendable>: RandomAccessCollection, Equatable, Sendable {
    private var head: Element?
    private var tail: [Element] = []

    public init() {}

    public var startIndex: Int { 0 }
    public var endIndex: Int { head == nil ? 0 : 1 + tail.count }

    public subscript(position: Int) -> Element {
        guard position > 0 else {
            guard let head else { preconditionFailure("ChangeList index \(position) out of range") }
            return head
        }
        return tail[position - 1]
    }

    mutating func append(_ element: Element) {
        if head == nil { head = element } else { tail.append(element) }
    }
}
