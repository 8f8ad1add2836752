import SimCore
import NodeRoles
import Raft
import Orchestration

/// Checks Raft's safety properties while a swarm runs (STYLE.md 8: safety all the time): every
/// Ready a manager hands out goes through `Raft.SafetyChecker` (one leader per term, log
/// matching, leader completeness, state machine safety, committed entries never lost).
///
/// Off unless enabled; the runner turns it on. Its cost is proportional to what each Ready
/// changes.
public struct SafetyMonitor: Sendable {
    public var isEnabled = false
    private var checker = Raft.SafetyChecker()

    public init() {}

    /// Every breach seen, as text.
    public var violations: [String] { checker.violations.map(\.description) }

    /// Members that a forced new cluster removed: what they do afterwards is another cluster's
    /// history (sorted).
    private(set) var forcedOut: [UInt64] = []

    mutating func observe(_ node: StoreRaft, ready: Raft.Ready<StoreCommand, ClusterStore>) {
        guard isEnabled, !forcedOut.contains(node.id) else { return }
        checker.observe(node, ready: ready)
    }

    mutating func restarted(_ node: StoreRaft) {
        guard isEnabled, !forcedOut.contains(node.id) else { return }
        checker.restarted(node)
    }

    /// `node` was just forced into a new cluster of its own (`docker swarm init
    /// --force-new-cluster`), removing `removed`. The administrator overrode Raft: entries only
    /// the lost majority had committed are gone by design, so the checker starts again from
    /// this member's log, and the removed members are no longer watched.
    mutating func forcedNewCluster(_ node: StoreRaft, removed: [UInt64]) {
        forcedOut = (forcedOut + removed).sorted()
        guard isEnabled else { return }
        checker = Raft.SafetyChecker()
        checker.restarted(node)
    }

    /// The manager with Raft ID `id` stopped for good (demoted, removed or left): its log no
    /// longer holds back what the checker may forget (`Raft.SafetyChecker.retired(_:)`).
    mutating func retired(_ id: UInt64) {
        guard isEnabled else { return }
        checker.retired(id)
    }

    /// How many per-index records the checker keeps (bounded by the managers' logs).
    public var recordCount: Int { checker.recordCount }
}
