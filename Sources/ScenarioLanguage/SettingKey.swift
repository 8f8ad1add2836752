/// Every `setting value` statement the language knows, spelled as written.
///
/// The table is the enum: to add a setting, add a case (its raw value is how it is written)
/// and its `kind`. The parser reads the words, finds the key, and parses the value by kind.
public enum SettingKey: String, CaseIterable, Equatable, Sendable {
    case seed = "seed"
    case networkLatency = "network latency"
    case networkLoss = "network loss"
    case networkDuplication = "network duplication"
    case raftTick = "raft tick"
    case raftElectionTicks = "raft election-ticks"
    case raftElectionTimeout = "raft election-timeout"
    case raftPersistLatency = "raft persist-latency"
    case raftHeartbeatTicks = "raft heartbeat-ticks"
    case raftPreVote = "raft prevote"
    case raftCheckQuorum = "raft check-quorum"
    case raftElectionTimer = "raft election-timer"
    case raftSnapshotInterval = "raft snapshot-interval"
    case dispatcherHeartbeat = "dispatcher heartbeat"
    case meshBalance = "mesh balance"
    case meshPropagation = "mesh propagation"
    case taskPullTime = "task pull-time"
    case taskStartTime = "task start-time"
    case swarmReads = "swarm reads"

    /// What kind of value the setting takes.
    public var kind: SettingKind {
        switch self {
        case .seed: .seed
        case .networkLatency: .latency
        case .networkLoss, .networkDuplication: .probability
        case .raftTick, .dispatcherHeartbeat: .positiveDuration
        case .meshPropagation, .taskPullTime, .taskStartTime: .duration
        case .raftElectionTicks, .raftHeartbeatTicks, .raftSnapshotInterval: .count
        case .raftPreVote, .raftCheckQuorum: .toggle
        case .raftElectionTimeout: .timeoutRange
        case .raftPersistLatency: .durationRange
        case .meshBalance: .choice(["round-robin", "local-first"])
        case .swarmReads: .choice(["leader", "local"])
        case .raftElectionTimer: .choice(["etcd", "paper"])
        }
    }

    /// The words of the key: `["raft", "election-ticks"]`.
    public var words: [String] { Self.spellings[self] ?? [rawValue] }

    /// Every key's words, split once.
    private static let spellings: [SettingKey: [String]] = Dictionary(
        uniqueKeysWithValues: allCases.map { ($0, $0.rawValue.split(separator: " ").map(String.init)) })
}

/// The kinds of setting values, each with its own syntax.
public enum SettingKind: Equatable, Sendable {
    /// A whole number from 0 to 2^64 − 1.
    case seed
    /// `2ms`, `1ms..5ms` or `exponential min=1ms mean=5ms`.
    case latency
    /// `1%`, `0.5%` or `0.01`, between 0 and 1.
    case probability
    /// A duration of zero or more (`500ms`).
    case duration
    /// A duration greater than zero.
    case positiveDuration
    /// A whole number of at least 1.
    case count
    /// `on` or `off`.
    case toggle
    /// `150ms..300ms` or `150ms` (in time), or `10..20` or `10` (in ticks).
    case timeoutRange
    /// `2ms` or `1ms..5ms`: a duration, or a range to draw one from.
    case durationRange
    /// One of the listed words.
    case choice([String])
}
