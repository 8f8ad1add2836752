import SimCore

/// What `expect`, `wait until` and `measure … until` wait for.
///
/// Host and node names are checked against the hosts declared above the statement; service
/// names are not (services are created while the scenario runs).
public enum Condition: Equatable, Sendable {
    /// `leader`: some manager is the Raft leader.
    case leader
    /// `leader for 3s`: the leader now has led for at least this long. Without PreVote a
    /// leader elected where a member of a higher term can reach it is deposed at its first
    /// append; one that has led a few heartbeats has been heard by everyone.
    case leaderFor(SimDuration)
    /// `leader in m2,m3` (or `leader in m2 m3`): the leader is one of these hosts.
    case leaderIn([String])
    /// `leader is m1`.
    case leaderIs(String)
    /// `no leader`: no manager is leader.
    case noLeader
    /// `node w1 ready|down|unknown`: the node's status as the leader sees it.
    case nodeStatus(node: String, NodeStatus)
    /// `node w1 active|pause|drain`: the node's availability.
    case nodeAvailability(node: String, NodeAvailability)
    /// `service web running 6`: exactly this many of the service's tasks are running.
    case serviceRunning(service: String, tasks: Int)
    /// `services converged`: a leader exists and every service runs what it should (see
    /// `ScenarioRunner.pendingConvergence`).
    case servicesConverged
    /// `manager m1 follower`, `manager m1 term 3`, `manager m1 candidate term 5`: the host's
    /// Raft role and/or term, as it sees itself (a deposed leader still says leader).
    case manager(host: String, role: RaftRole?, term: UInt64?)
    /// `curl all-tasks-answered`: every task of the service behind the last `curl` answered.
    case curlAllTasksAnswered
    /// `curl no-failures`: no request of the last `curl` failed.
    case curlNoFailures
    /// `curl failures <= 2`: at most this many requests of the last `curl` failed.
    case curlFailures(atMost: Int)

    /// A node's status, as `docker node ls` shows it.
    public enum NodeStatus: String, CaseIterable, Equatable, Sendable {
        case ready, down, unknown
    }

    /// A manager's Raft role, as `show cluster` names it.
    public enum RaftRole: String, CaseIterable, Equatable, Sendable {
        case leader, follower, candidate, preCandidate = "pre-candidate"
    }

    /// A node's availability, as `docker node update --availability` sets it.
    public enum NodeAvailability: String, CaseIterable, Equatable, Sendable {
        case active, pause, drain
    }
}
