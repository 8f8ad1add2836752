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
    case raftTickJitter = "raft tick-jitter"
    case raftTermWrite = "raft term-write"
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
    case language = "lang"

    /// What kind of value the setting takes.
    public var kind: SettingKind {
        switch self {
        case .seed: .seed
        case .networkLatency: .latency
        case .networkLoss, .networkDuplication: .probability
        case .raftTick, .dispatcherHeartbeat: .positiveDuration
        case .meshPropagation, .taskPullTime, .taskStartTime, .raftTickJitter: .duration
        case .raftElectionTicks, .raftHeartbeatTicks, .raftSnapshotInterval: .count
        case .raftPreVote, .raftCheckQuorum: .toggle
        case .raftElectionTimeout: .timeoutRange
        case .raftPersistLatency: .durationRange
        case .meshBalance: .choice(["round-robin", "local-first"])
        case .swarmReads: .choice(["leader", "local"])
        case .language: .choice(Language.allCases.map(\.rawValue))
        case .raftElectionTimer: .choice(["etcd", "paper"])
        case .raftTermWrite: .choice(["together", "first"])
        }
    }

    /// The words of the key: `["raft", "election-ticks"]`.
    public var words: [String] { Self.spellings[self] ?? [rawValue] }

    /// Every key's words, split once.
    private static let spellings: [SettingKey: [String]] = Dictionary(
        uniqueKeysWithValues: allCases.map { ($0, $0.rawValue.split(separator: " ").map(String.init)) })
}
