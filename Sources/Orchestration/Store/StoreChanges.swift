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
/// twice lists it twice); readers that want each record once skip repeats.
///
/// Building one is cheap, because every manager builds one for every entry it applies, and the
/// orchestrators for every command they plan: a task change is held as its row in the store's
/// task table, its kind, and whether the task had a node then (a few bytes, no string retained);
/// its ID, service and node are read from the store when someone asks (`forEach(in:)`). Only a
/// task whose row the command emptied (removed, or replaced whole) is written down with its
/// strings, since its row no longer says who it was. The list holds its first entry inline, so
/// a command that changes nothing or one record allocates nothing.
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

    /// A task record that changed, with its service and its node as they were at the change
    /// (for a removed task, as they were when it was removed).
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

    /// One change, as a reader sees it.
    public enum Change: Equatable, Sendable {
        case cluster
        case node(Node)
        case service(Service)
        case task(Task)
        case network(Network)
    }

    /// A task change as recorded: the row it changed, and whether the task had a node after the
    /// change. A task's node only ever goes from none to one (the scheduler's assignment) while
    /// it keeps its row, so the node it has when read, or had when its row was emptied, is the
    /// node it had at the change whenever it had one.
    struct TaskRef: Equatable, Sendable {
        var row: TaskTable.Row
        var kind: Task.Kind
        var hadNode: Bool
    }

    /// One change as recorded.
    enum Entry: Equatable, Sendable {
        case cluster
        case node(Node)
        case service(Service)
        case task(TaskRef)
        case network(Network)
    }

    /// A task whose row this command emptied: entries of `row` before position `before` name
    /// it, not whatever the row holds now.
    struct Retired: Equatable, Sendable {
        var row: TaskTable.Row
        var before: Int
        var id: String
        var serviceID: String
        var nodeID: String?
    }

    /// Every change, in the order the store made it.
    private(set) var entries = ChangeList<Entry>()
    /// Tasks whose rows the command emptied, in order; empty for most commands.
    private(set) var retired: [Retired] = []

    public init() {}

    /// Whether the command changed nothing.
    public var isEmpty: Bool { entries.isEmpty }
    /// How many changes it made.
    public var count: Int { entries.count }

    /// The nodes that changed, in order.
    public var nodes: [Node] { entries.compactMap { if case .node(let n) = $0 { n } else { nil } } }
    /// The services that changed, in order.
    public var services: [Service] { entries.compactMap { if case .service(let s) = $0 { s } else { nil } } }
    /// The networks created or removed, in order.
    public var networks: [Network] { entries.compactMap { if case .network(let n) = $0 { n } else { nil } } }
    /// Whether the cluster record (tokens, settings) changed.
    public var cluster: Bool { entries.contains(.cluster) }

    // MARK: Recording (ClusterStore.apply)

    mutating func append(_ entry: Entry) { entries.append(entry) }
    mutating func append(_ node: Node) { entries.append(.node(node)) }
    mutating func append(_ service: Service) { entries.append(.service(service)) }
    mutating func append(_ network: Network) { entries.append(.network(network)) }
    mutating func append(_ task: TaskRef) { entries.append(.task(task)) }

    /// Notes that `task`, in `row`, leaves it: removed (`coveringNext`: the entry about to be
    /// appended names it too) or replaced whole (the next entry names its successor).
    mutating func retire(_ task: TaskRecord, row: TaskTable.Row, coveringNext: Bool) {
        retired.append(Retired(row: row, before: entries.count + (coveringNext ? 1 : 0),
                               id: task.id, serviceID: task.serviceID, nodeID: task.nodeID))
    }
}
