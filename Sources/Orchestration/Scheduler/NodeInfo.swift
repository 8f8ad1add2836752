import SimCore

// The scheduler's own view of a node, filled by the shell from the cluster store (swarmkit
// nodeinfo.go). Plain values: the scheduler never reaches back into the store.

extension Scheduler {
    // MARK: - Small values

    /// CPU and memory, as swarmkit's `api.Resources` (generic resources are not modelled).
    public struct Resources: Hashable, Sendable, CustomStringConvertible {
        public var nanoCPUs: Int64
        public var memoryBytes: Int64

        public init(nanoCPUs: Int64 = 0, memoryBytes: Int64 = 0) {
            self.nanoCPUs = nanoCPUs
            self.memoryBytes = memoryBytes
        }

        public static let zero = Resources()
        public var isZero: Bool { nanoCPUs == 0 && memoryBytes == 0 }
        public var description: String { "cpus=\(nanoCPUs)n memory=\(memoryBytes)B" }
    }

    /// A node's role in the swarm (`node.role` in constraints).
    public enum Role: String, Sendable {
        case manager, worker
    }

    /// What the operator allows on the node (`docker node update --availability`).
    public enum Availability: String, Sendable {
        /// Schedulable.
        case active
        /// No new tasks; running ones stay.
        case pause
        /// No new tasks; running ones are moved away.
        case drain
    }

    /// One label (`key=value`) of a node or of its engine.
    public struct Label: Hashable, Sendable {
        public var key: String
        public var value: String
        public init(_ key: String, _ value: String) {
            self.key = key
            self.value = value
        }
    }

    /// An OS and CPU architecture, as in `docker node inspect` (`linux`, `x86_64`).
    public struct Platform: Hashable, Sendable {
        public var os: String
        public var architecture: String
        public init(os: String, architecture: String) {
            self.os = os
            self.architecture = architecture
        }
    }

    /// The transport of a published port.
    public enum PortProtocol: String, Hashable, Sendable {
        case tcp, udp, sctp
    }

    /// A port published in host mode (`--publish mode=host,published=8080`), which only one task
    /// per node can hold (swarmkit `hostPortSpec`).
    public struct PortKey: Hashable, Sendable, CustomStringConvertible {
        public var `protocol`: PortProtocol
        public var port: Int
        public init(protocol: PortProtocol = .tcp, port: Int) {
            self.protocol = `protocol`
            self.port = port
        }
        public var description: String { "\(port)/\(self.protocol.rawValue)" }
    }

    /// An engine plugin, as a node reports it and as a task needs it (swarmkit
    /// `api.PluginDescription`: type and name).
    public struct Plugin: Hashable, Sendable {
        public enum Kind: String, Hashable, Sendable {
            /// A volume driver used by a mount.
            case volume = "Volume"
            /// A network driver used by an attached network.
            case network = "Network"
            /// A logging driver (`--log-driver`).
            case log = "Log"
        }
        public var kind: Kind
        public var name: String
        public init(_ kind: Kind, _ name: String) {
            self.kind = kind
            self.name = name
        }
    }

    /// A service at one spec version: the key of a task group and of failure history
    /// (swarmkit `versionedService`).
    public struct VersionedService: Hashable, Sendable {
        public var serviceID: String
        public var specVersion: Int
        public init(serviceID: String, specVersion: Int) {
            self.serviceID = serviceID
            self.specVersion = specVersion
        }
    }

    // MARK: - NodeInfo

    /// One candidate node as the scheduler sees it.
    public struct NodeInfo: Sendable {
        public var id: String
        public var hostname: String
        public var role: Role
        /// Status Ready (the dispatcher hears its heartbeats).
        public var isReady: Bool
        public var availability: Availability
        /// Node labels (`docker node update --label-add`), in the order the store keeps them.
        /// Keys are unique; a lookup takes the first entry with the key.
        public var labels: [Label]
        /// Engine labels (`dockerd --label`).
        public var engineLabels: [Label]
        public var platform: Platform
        /// Plugins the engine reports.
        public var plugins: [Plugin]
        /// Total resources minus the reservations of the tasks assigned here (may go negative
        /// when the node shrank under its tasks).
        public var available: Resources
        /// Host-mode ports held by tasks on this node.
        public var usedHostPorts: [PortKey]
        /// Active tasks per service ID (used for lookups only, never iterated to decide).
        public var tasksByService: [String: Int]
        /// Active tasks of any kind on this node.
        public var totalTasks: Int
        /// Times at which tasks of a service version failed or were rejected here, oldest first.
        public var recentFailures: [VersionedService: [SimTime]]

        public init(
            id: String, hostname: String = "", role: Role = .worker, isReady: Bool = true,
            availability: Availability = .active, labels: [Label] = [], engineLabels: [Label] = [],
            platform: Platform = Platform(os: "linux", architecture: "x86_64"), plugins: [Plugin] = [],
            available: Resources = .zero, usedHostPorts: [PortKey] = [], tasksByService: [String: Int] = [:],
            totalTasks: Int = 0, recentFailures: [VersionedService: [SimTime]] = [:]
        ) {
            self.id = id
            self.hostname = hostname
            self.role = role
            self.isReady = isReady
            self.availability = availability
            self.labels = labels
            self.engineLabels = engineLabels
            self.platform = platform
            self.plugins = plugins
            self.available = available
            self.usedHostPorts = usedHostPorts
            self.tasksByService = tasksByService
            self.totalTasks = totalTasks
            self.recentFailures = recentFailures
        }

        /// The value of node label `key`, if the node has it.
        public func label(_ key: String) -> String? { labels.first { $0.key == key }?.value }

        /// The value of engine label `key`, if the engine has it.
        public func engineLabel(_ key: String) -> String? { engineLabels.first { $0.key == key }?.value }

        // MARK: Bookkeeping (swarmkit NodeInfo.addTask / removeTask / taskFailed)

        /// Counts `task` as running here: its reservations leave `available`, its host ports
        /// become used, and the counts go up. The scheduler does this for each placement; the
        /// shell uses it to build a node from the tasks the store assigns to it.
        public mutating func addTask(_ task: TaskSpec) {
            available.nanoCPUs -= task.reservations.nanoCPUs
            available.memoryBytes -= task.reservations.memoryBytes
            usedHostPorts.append(contentsOf: task.hostPorts)
            if let service = task.serviceID { tasksByService[service, default: 0] += 1 }
            totalTasks += 1
        }

        /// Undoes `addTask(task)`.
        public mutating func removeTask(_ task: TaskSpec) {
            available.nanoCPUs += task.reservations.nanoCPUs
            available.memoryBytes += task.reservations.memoryBytes
            for port in task.hostPorts {
                if let i = usedHostPorts.firstIndex(of: port) { usedHostPorts.remove(at: i) }
            }
            if let service = task.serviceID, let count = tasksByService[service] {
                if count <= 1 { tasksByService[service] = nil } else { tasksByService[service] = count - 1 }
            }
            totalTasks = max(0, totalTasks - 1)
        }

        /// Records that a task of `service` failed or was rejected here at `time`, dropping
        /// failures older than `monitorFailures` (swarmkit `taskFailed`).
        public mutating func recordFailure(of service: VersionedService, at time: SimTime) {
            var times = recentFailures[service] ?? []
            let cutoff = time + SimDuration(nanoseconds: -Scheduler.monitorFailures.nanoseconds)
            times.removeAll { $0 < cutoff }
            times.append(time)
            recentFailures[service] = times
        }

        /// Failures of `service` here in the `monitorFailures` window ending at `now`; a failure
        /// exactly at the window's start still counts (swarmkit `countRecentFailures`).
        public func recentFailureCount(of service: VersionedService, now: SimTime) -> Int {
            guard let times = recentFailures[service] else { return 0 }
            let cutoff = now + SimDuration(nanoseconds: -Scheduler.monitorFailures.nanoseconds)
            var count = 0
            for t in times where !(t < cutoff) { count += 1 }
            return count
        }
    }
}
