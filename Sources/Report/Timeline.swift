import SimCore
import Orchestration

/// A run drawn over virtual time: what each host was, what the network looked like, who led,
/// and what the scenario did. `TimelineRecorder` records it from the swarm's notifications and
/// the runner's statements; `TimelineReport` draws it as an HTML page with an SVG.
///
/// Every track is a step function (`Steps`) or a list of instants, so a new kind of track is a
/// new field: tasks per node (`HostLane.tasks`), services' running/desired counts (`services`)
/// and routing-mesh requests (`requests`) are here already, empty until the swarm simulates
/// them, and the report draws whatever is not empty.
public struct Timeline: Equatable, Sendable {
    /// The scenario file.
    public var title: String
    public var seed: UInt64
    /// Virtual time at the end of the run (or of the session so far).
    public var end: SimTime = .zero
    /// One lane per host, in declaration order (lane `i` is host `i`).
    public var lanes: [HostLane] = []
    /// Who leads (the swarm's leader as an all-seeing observer finds it), nil while no one does.
    public var leader = Steps<Leadership?>(nil)
    /// Partitions and cuts.
    public var network = Steps<NetworkShape>(NetworkShape())
    /// Crashes, restarts, joins and leaves.
    public var events: [HostEvent] = []
    /// The scenario's statements, in the order they ran.
    public var statements: [StatementMark] = []
    /// Replicated and global services (empty until services are simulated).
    public var services: [ServiceTrack] = []
    /// Requests sent through the routing mesh (empty until it is simulated).
    public var requests: [RequestMark] = []

    public init(title: String, seed: UInt64) {
        self.title = title
        self.seed = seed
    }

    /// The lane of the host called `name`, if one was declared.
    public func lane(named name: String) -> Int? { lanes.firstIndex { $0.name == name } }
}

// MARK: - Hosts

/// What a host is doing, as its lane's colour band shows it.
public enum HostPhase: String, Equatable, Sendable, CaseIterable {
    /// Up, its engine in no swarm.
    case outside
    /// A worker node.
    case worker
    /// A manager following a leader (or waiting for one).
    case follower
    /// A manager asking for pre-votes (`raft prevote on`).
    case preCandidate = "pre-candidate"
    /// A manager campaigning in a new term.
    case candidate
    /// The manager that leads its term.
    case leader
    /// Crashed: neither sends nor receives.
    case crashed
}

/// One host over time.
public struct HostLane: Equatable, Sendable {
    public var name: String
    public var phase = Steps<HostPhase>(.outside)
    /// The node's status as the leader last recorded it (nil before it joined).
    public var status = Steps<NodeState?>(nil)
    /// The Raft term the manager is in (0 for a host that never ran a manager; kept while it
    /// is down).
    public var term = Steps<UInt64>(0)
    /// Which side of a partition the host is on: 0 while the network is whole, else 1, 2, …
    /// in the order of `NetworkShape.groups`.
    public var side = Steps<Int>(0)
    /// Tasks running on the node (nil while tasks are not tracked).
    public var tasks = Steps<Int?>(nil)

    public init(name: String) { self.name = name }
}

/// A host's moment: something that happens at an instant rather than lasting.
public struct HostEvent: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        case crashed, restarted, joined(NodeRole), left
    }
    public var time: SimTime
    public var lane: Int
    public var kind: Kind
}

/// Who leads, and in which term.
public struct Leadership: Equatable, Sendable {
    public var host: String
    public var term: UInt64
}

// MARK: - Network

/// The shape of the network: partition groups (host names) and one-way cuts.
public struct NetworkShape: Equatable, Sendable {
    /// Partition groups, in `Network.groups` order; empty while the network is whole.
    public var groups: [[String]] = []
    /// Cut directions: `to` does not hear `from`.
    public var cuts: [Cut] = []

    public struct Cut: Equatable, Sendable {
        public var from: String
        public var to: String
    }

    public init(groups: [[String]] = [], cuts: [Cut] = []) {
        self.groups = groups
        self.cuts = cuts
    }

    public var isWhole: Bool { groups.isEmpty && cuts.isEmpty }

    /// `m1 m2 | m3 m4; cut m1 -> m2`, or `whole`.
    public var description: String {
        var parts: [String] = []
        if !groups.isEmpty { parts.append(groups.map { $0.joined(separator: " ") }.joined(separator: " | ")) }
        parts += cuts.map { "cut \($0.from) -> \($0.to)" }
        return parts.isEmpty ? "whole" : parts.joined(separator: "; ")
    }
}

// MARK: - Statements

/// A statement of the scenario as it ran: when, what it said, how it ended.
public struct StatementMark: Equatable, Sendable {
    public enum Kind: String, Equatable, Sendable {
        /// `say`.
        case narration
        /// `partition`, `isolate`, `heal`, `crash`, `restart`, `cut`, `link`.
        case fault
        /// A docker command.
        case docker
        /// `expect`, `wait until`, `measure`.
        case check
        /// `show`.
        case show
        /// `wait`, settings and `hosts`.
        case other
    }

    public enum Outcome: Equatable, Sendable {
        case ok
        /// A failed expectation, with what was seen instead.
        case failed(String)
        /// A statement that could not run.
        case error(String)
    }

    public var time: SimTime
    /// When it finished (a docker command or an `expect … within` takes virtual time).
    public var end: SimTime
    public var line: Int
    public var text: String
    public var kind: Kind
    public var output = ""
    public var outcome = Outcome.ok
}

// MARK: - Services and requests

/// A service's desired and running task counts over time.
public struct ServiceTrack: Equatable, Sendable {
    public var name: String
    public var desired = Steps<Int>(0)
    public var running = Steps<Int>(0)

    public init(name: String) { self.name = name }
}

/// A request sent through the routing mesh: which host it entered at and which answered.
public struct RequestMark: Equatable, Sendable {
    public var time: SimTime
    /// The lane of the host the request was sent to.
    public var entry: Int
    /// The lane of the host whose task answered, nil when the request failed.
    public var answeredBy: Int?

    public init(time: SimTime, entry: Int, answeredBy: Int?) {
        self.time = time
        self.entry = entry
        self.answeredBy = answeredBy
    }
}
