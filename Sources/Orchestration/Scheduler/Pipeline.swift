// The filter pipeline: which nodes may run a task, and the words for why not (swarmkit
// pipeline.go and filter.go).

extension Scheduler {
    // MARK: - Filter

    /// The filters, in the order swarmkit's pipeline runs them (`defaultFilters`). A node is
    /// charged to the first enabled filter that rejects it.
    public enum Filter: Int, CaseIterable, Comparable, Sendable {
        /// Node status Ready and availability Active.
        case ready
        /// Reservations fit the available CPU and memory. Enabled when the task reserves any.
        case resources
        /// The engine has the volume, network and log plugins the task needs.
        case plugin
        /// Every placement constraint holds. Enabled when the task has constraints.
        case constraint
        /// The node's OS and architecture are among the image's platforms. Enabled when listed.
        case platform
        /// The task's host-mode ports are free. Enabled when it publishes any.
        case hostPort
        /// The node runs fewer tasks of the service than `--replicas-max-per-node`.
        case maxReplicas

        public static func < (a: Filter, b: Filter) -> Bool { a.rawValue < b.rawValue }

        /// swarmkit's `Explain(nodes)` text for `nodes` rejected nodes.
        public func explain(nodes: Int) -> String {
            let one = nodes == 1
            switch self {
            case .ready: return one ? "1 node not available for new tasks" : "\(nodes) nodes not available for new tasks"
            case .resources: return one ? "insufficient resources on 1 node" : "insufficient resources on \(nodes) nodes"
            case .plugin: return one ? "missing plugin on 1 node" : "missing plugin on \(nodes) nodes"
            case .constraint:
                return one ? "scheduling constraints not satisfied on 1 node" : "scheduling constraints not satisfied on \(nodes) nodes"
            case .platform: return one ? "unsupported platform on 1 node" : "unsupported platform on \(nodes) nodes"
            case .hostPort: return one ? "host-mode port already in use on 1 node" : "host-mode port already in use on \(nodes) nodes"
            case .maxReplicas: return "max replicas per node limit exceed"
            }
        }
    }

    // MARK: - Pipeline

    /// The filters set up for one task (swarmkit `Pipeline.SetTask`), checking nodes one at a time.
    ///
    /// The scheduler runs the node-only filters (Ready, Plugin, Constraint, Platform) once per
    /// node and task shape, and the load-dependent ones (Resources, HostPort, MaxReplicas) against
    /// its running counts; both go through the checks here, so they cannot disagree.
    public struct Pipeline: Sendable {
        public let task: TaskSpec
        /// The filters this task enables, in pipeline order (Ready always is).
        public let enabled: [Filter]
        let checksResources: Bool
        let neededPlugins: [Plugin]

        public init(task: TaskSpec) {
            self.task = task
            checksResources = !task.reservations.isZero
            neededPlugins = task.plugins.filter { !$0.name.isEmpty && !($0.kind == .volume && $0.name == "local") }
            var enabled: [Filter] = [.ready]
            if checksResources { enabled.append(.resources) }
            if !neededPlugins.isEmpty { enabled.append(.plugin) }
            if !task.constraints.isEmpty { enabled.append(.constraint) }
            if !task.platforms.isEmpty { enabled.append(.platform) }
            if !task.hostPorts.isEmpty { enabled.append(.hostPort) }
            if task.maxReplicasPerNode > 0 { enabled.append(.maxReplicas) }
            self.enabled = enabled
        }

        // MARK: Checks

        /// The first filter that rejects `node` as it stands, or nil when every filter passes.
        public func firstFailure(on node: NodeInfo) -> Filter? {
            let serviceTasks = task.serviceID.map { node.tasksByService[$0] ?? 0 } ?? 0
            return firstFailure(on: node, available: node.available, usedHostPorts: node.usedHostPorts, serviceTasks: serviceTasks)
        }

        /// The first filter that rejects `node` with the given load (the scheduler's running
        /// counts instead of the node's recorded ones).
        func firstFailure(on node: NodeInfo, available: Resources, usedHostPorts: [PortKey], serviceTasks: Int) -> Filter? {
            if !Self.isReady(node) { return .ready }
            if !fits(available) { return .resources }
            if !hasPlugins(node) { return .plugin }
            if !meetsConstraints(node) { return .constraint }
            if !supportsPlatform(node) { return .platform }
            if !hostPortsFree(usedHostPorts) { return .hostPort }
            if !underMaxReplicas(serviceTasks) { return .maxReplicas }
            return nil
        }

        /// Whether the node-only filters (Ready, Plugin, Constraint, Platform) pass.
        func passesNodeFilters(_ node: NodeInfo) -> Bool {
            Self.isReady(node) && hasPlugins(node) && meetsConstraints(node) && supportsPlatform(node)
        }

        /// ReadyFilter: status Ready and availability Active.
        public static func isReady(_ node: NodeInfo) -> Bool { node.isReady && node.availability == .active }

        /// ResourceFilter: neither reservation exceeds what is available.
        public func fits(_ available: Resources) -> Bool {
            !checksResources
                || (task.reservations.nanoCPUs <= available.nanoCPUs && task.reservations.memoryBytes <= available.memoryBytes)
        }

        /// PluginFilter: volume and network plugins must exist by type and name (`name:latest`
        /// also matches `name`); a log driver is only refused when the node reports log plugins
        /// but not this one (older engines report none).
        public func hasPlugins(_ node: NodeInfo) -> Bool {
            for needed in neededPlugins {
                var typeFound = false
                var exists = false
                for p in node.plugins where p.kind == needed.kind {
                    typeFound = true
                    if p.name == needed.name || p.name == needed.name + ":latest" {
                        exists = true
                        break
                    }
                }
                if exists { continue }
                if needed.kind == .log && !typeFound { continue }
                return false
            }
            return true
        }

        /// ConstraintFilter: every constraint holds.
        public func meetsConstraints(_ node: NodeInfo) -> Bool {
            for c in task.constraints where !c.isSatisfied(by: node) { return false }
            return true
        }

        /// PlatformFilter: some listed platform matches, an empty field matching anything and
        /// `x86_64`/`aarch64` standing for `amd64`/`arm64`.
        public func supportsPlatform(_ node: NodeInfo) -> Bool {
            if task.platforms.isEmpty { return true }
            let arch = Self.normalizedArchitecture(node.platform.architecture)
            for p in task.platforms {
                let wantArch = Self.normalizedArchitecture(p.architecture)
                if (wantArch.isEmpty || wantArch == arch) && (p.os.isEmpty || p.os == node.platform.os) { return true }
            }
            return false
        }

        static func normalizedArchitecture(_ arch: String) -> String {
            switch arch {
            case "x86_64": return "amd64"
            case "aarch64": return "arm64"
            default: return arch
            }
        }

        /// HostPortFilter: none of the task's host-mode ports is in use.
        public func hostPortsFree(_ used: [PortKey]) -> Bool {
            for port in task.hostPorts where used.contains(port) { return false }
            return true
        }

        /// MaxReplicasFilter: fewer than the limit of this service's tasks already there.
        public func underMaxReplicas(_ serviceTasks: Int) -> Bool {
            task.maxReplicasPerNode <= 0 || serviceTasks < task.maxReplicasPerNode
        }

        // MARK: Explanation

        /// The explanation for an unplaceable task, given rejections counted per filter
        /// (indexed by `Filter.rawValue`): swarmkit's `Explain()` lists filters from most to
        /// fewest rejections (ties in pipeline order), joined by `; `, inside
        /// `no suitable node (…)`; with no rejections at all, just `no suitable node`.
        public static func explanation(rejections: [Int]) -> String {
            let listed = Filter.allCases
                .filter { $0.rawValue < rejections.count && rejections[$0.rawValue] > 0 }
                .sorted { a, b in
                    rejections[a.rawValue] != rejections[b.rawValue] ? rejections[a.rawValue] > rejections[b.rawValue] : a < b
                }
            if listed.isEmpty { return "no suitable node" }
            return "no suitable node (" + listed.map { $0.explain(nodes: rejections[$0.rawValue]) }.joined(separator: "; ") + ")"
        }

        /// Why this task fits none of `nodes` as they stand: each node charged to its first
        /// failing filter. Meaningful when every node fails.
        public func explanation(for nodes: [NodeInfo]) -> String {
            var rejections = [Int](repeating: 0, count: Filter.allCases.count)
            for node in nodes {
                if let f = firstFailure(on: node) { rejections[f.rawValue] += 1 }
            }
            return Self.explanation(rejections: rejections)
        }
    }
}
