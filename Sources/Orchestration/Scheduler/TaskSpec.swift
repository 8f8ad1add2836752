// What one pending task asks of a node, and what the scheduler answers.

extension Scheduler {
    // MARK: - TaskSpec

    /// One pending task, reduced to the fields the filters and the ranking read (swarmkit reads
    /// them from `api.Task` and its `TaskSpec.Placement`).
    public struct TaskSpec: Sendable {
        public var id: String
        /// The service the task belongs to; nil for a task of no service, which is scheduled on
        /// its own and counts toward node totals only.
        public var serviceID: String?
        /// The service's spec version the task was made from; with `serviceID`, the group key.
        public var specVersion: Int
        /// `--constraint` expressions, all of which must hold.
        public var constraints: [Constraint]
        /// `--placement-pref` entries, outermost first.
        public var preferences: [SpreadPreference]
        /// `--reserve-cpu` / `--reserve-memory`; zero disables the resource filter.
        public var reservations: Resources
        /// `--replicas-max-per-node`; 0 means unlimited.
        public var maxReplicasPerNode: Int
        /// Ports published in host mode; each must be free on the node.
        public var hostPorts: [PortKey]
        /// Plugins the task needs (volume drivers of its mounts, drivers of its networks, its log
        /// driver). A volume driver named `local` or an empty name needs nothing.
        public var plugins: [Plugin]
        /// Platforms the image supports; empty means any.
        public var platforms: [Platform]

        public init(
            id: String, serviceID: String? = nil, specVersion: Int = 0, constraints: [Constraint] = [],
            preferences: [SpreadPreference] = [], reservations: Resources = .zero, maxReplicasPerNode: Int = 0,
            hostPorts: [PortKey] = [], plugins: [Plugin] = [], platforms: [Platform] = []
        ) {
            self.id = id
            self.serviceID = serviceID
            self.specVersion = specVersion
            self.constraints = constraints
            self.preferences = preferences
            self.reservations = reservations
            self.maxReplicasPerNode = maxReplicasPerNode
            self.hostPorts = hostPorts
            self.plugins = plugins
            self.platforms = platforms
        }
    }

    // MARK: - SpreadPreference

    /// A placement preference `spread=<descriptor>` (swarmkit `api.SpreadOver`). Only
    /// `node.labels.<key>` and `engine.labels.<key>` descriptors shape placement (prefix
    /// case-insensitive, key case-sensitive); others are accepted and ignored, as in swarmkit.
    public struct SpreadPreference: Hashable, Sendable {
        public var descriptor: String
        public init(descriptor: String) { self.descriptor = descriptor }

        /// Parses the docker CLI form `spread=node.labels.zone` (docker/cli `placementPrefOpts`).
        public static func parse(_ text: String) throws(PreferenceError) -> SpreadPreference {
            let fields = text.split(separator: "=", omittingEmptySubsequences: false)
            guard fields.count == 2 else { throw .badFormat }
            guard fields[0] == "spread" else { throw .unsupportedStrategy(String(fields[0])) }
            return SpreadPreference(descriptor: String(fields[1]))
        }
    }

    /// Why `SpreadPreference.parse` refused its text; the messages are the docker CLI's.
    public enum PreferenceError: Error, Equatable, Sendable, CustomStringConvertible {
        case badFormat
        case unsupportedStrategy(String)
        public var description: String {
            switch self {
            case .badFormat: return #"placement preference must be of the format "<strategy>=<arg>""#
            case .unsupportedStrategy(let s): return "unsupported placement preference \(s) (only spread is supported)"
            }
        }
    }

    // MARK: - Decision

    /// The scheduler's answer for one task: the node it goes to, or why it goes nowhere.
    public struct Decision: Equatable, Sendable {
        public var taskID: String
        /// The chosen node's ID, or nil when no node is suitable.
        public var node: String?
        /// For an unplaced task, swarmkit's status error, e.g.
        /// `no suitable node (insufficient resources on 2 nodes)`; nil when placed.
        public var explanation: String?

        public init(taskID: String, node: String?, explanation: String?) {
            self.taskID = taskID
            self.node = node
            self.explanation = explanation
        }
    }
}
