import SimCore

/// A node's role, as the store records it (the role the node should have).
public enum NodeRole: String, Sendable, Equatable, Comparable {
    case worker, manager
    public static func < (a: NodeRole, b: NodeRole) -> Bool { a.rawValue < b.rawValue }
}

/// Whether the scheduler may use a node (`docker node update --availability`).
public enum NodeAvailability: String, Sendable, Equatable {
    /// Schedulable.
    case active
    /// No new tasks; existing tasks keep running.
    case pause
    /// No new tasks; existing tasks are shut down and rescheduled elsewhere.
    case drain

    /// As `docker node ls` prints it.
    public var display: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
}

/// A node's health as the leader's dispatcher last recorded it.
public enum NodeState: String, Sendable, Equatable {
    case unknown, down, ready, disconnected
    public var display: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
}

/// Ordered key=value labels: lookups by key, printing in key order, no hashing involved.
public struct Labels: Equatable, Sendable, Sequence {
    public private(set) var pairs: [(key: String, value: String)] = []
    public init() {}
    public init(_ pairs: [(String, String)]) { for (k, v) in pairs { self[k] = v } }

    public subscript(key: String) -> String? {
        get { pairs.first(where: { $0.key == key })?.value }
        set {
            if let i = pairs.firstIndex(where: { $0.key == key }) {
                if let newValue { pairs[i].value = newValue } else { pairs.remove(at: i) }
            } else if let newValue {
                let at = pairs.firstIndex(where: { $0.key > key }) ?? pairs.count
                pairs.insert((key, newValue), at: at)
            }
        }
    }
    public var isEmpty: Bool { pairs.isEmpty }
    public func makeIterator() -> IndexingIterator<[(key: String, value: String)]> { pairs.makeIterator() }
    public static func == (a: Labels, b: Labels) -> Bool {
        a.pairs.count == b.pairs.count && zip(a.pairs, b.pairs).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }
}

/// One node of the swarm, as the replicated store holds it (swarmkit's `api.Node`, reduced).
public struct NodeRecord: Equatable, Sendable {
    /// 25 lowercase base-36 characters, like swarmkit's identity.NewID().
    public var id: String
    public var hostname: String
    /// The role the node should have (spec); a manager's Raft membership follows it.
    public var role: NodeRole
    public var availability: NodeAvailability = .active
    public var labels = Labels()
    /// Labels of the engine on the host (`engine.labels.*` in constraints).
    public var engineLabels = Labels()
    public var state: NodeState = .unknown
    public var stateMessage = ""
    /// The node's address (its host's IP).
    public var address: String
    public var engineVersion: String
    /// The Raft member ID of a manager, 0 for a worker.
    public var raftID: UInt64 = 0
    public var nanoCPUs: Int64
    public var memoryBytes: Int64
    public var os = "linux"
    public var architecture = "x86_64"
    public var createdAt: SimTime
    public var updatedAt: SimTime

    public init(id: String, hostname: String, role: NodeRole, address: String, engineVersion: String,
                nanoCPUs: Int64, memoryBytes: Int64, createdAt: SimTime) {
        self.id = id; self.hostname = hostname; self.role = role; self.address = address
        self.engineVersion = engineVersion; self.nanoCPUs = nanoCPUs; self.memoryBytes = memoryBytes
        self.createdAt = createdAt; self.updatedAt = createdAt
    }
}
