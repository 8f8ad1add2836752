extension Raft {
    /// The liveness check for the end of a run: once faults stop, the members must settle
    /// (STYLE.md 8, "the swarm converges once faults stop").
    public enum Convergence {
        /// What is still unsettled among `nodes` (the running members of one cluster), one line
        /// each; empty when they have converged: exactly one leader, every member in its term
        /// and following it, every log equal to the leader's and committed and applied to its end.
        public static func pending<Command, State>(_ nodes: [RaftNode<Command, State>]) -> [String] {
            let leaders = nodes.filter { $0.role == .leader }
            guard leaders.count == 1, let leader = leaders.first else {
                return [leaders.isEmpty ? "no leader" : "\(leaders.count) leaders: \(leaders.map { "\($0.id) (term \($0.term))" }.joined(separator: ", "))"]
            }
            var pending: [String] = []
            for n in nodes {
                var issues: [String] = []
                if n.term != leader.term { issues.append("term \(n.term), not \(leader.term)") }
                if n.leader != leader.id { issues.append("follows \(n.leader.map(String.init) ?? "nobody")") }
                if n.lastIndex != leader.lastIndex || n.lastTerm != leader.lastTerm {
                    issues.append("log ends at \(n.lastIndex)@\(n.lastTerm), leader's at \(leader.lastIndex)@\(leader.lastTerm)")
                }
                if n.commitIndex != leader.lastIndex { issues.append("committed \(n.commitIndex) of \(leader.lastIndex)") }
                if n.appliedIndex != n.commitIndex { issues.append("applied \(n.appliedIndex) of \(n.commitIndex)") }
                if n.hasReady { issues.append("has output not yet handed out") }
                if !issues.isEmpty { pending.append("member \(n.id): " + issues.joined(separator: "; ")) }
            }
            return pending
        }
    }
}
