import SimCore

/// swarmkit's `LeaderConn` (manager/state/raft/raft.go), for a control-API call on a manager
/// that knows no leader: refused at once with "does not have a leader" only if the manager has
/// already gone more than `lostQuorumTimeout` ticks without one when the call arrives;
/// otherwise polled once a second until a leader appears or the request's deadline (moby's
/// 20 s `swarmRequestTimeout`) passes, which the daemon reports as gRPC's DeadlineExceeded.
extension Swarm {
    func pollForLeader(_ op: OperationID, deadline: SimTime?) {
        guard let deadline else {
            return schedule(.retryOperation(op, deadline: now + options.requestTimeout), after: Self.leaderPollPeriod)
        }
        guard now < deadline else { return finish(op, .failure(.deadline)) }
        schedule(.retryOperation(op, deadline: deadline), after: min(Self.leaderPollPeriod, deadline - now))
    }

    func retry(_ op: OperationID, deadline: SimTime) {
        guard let operation = operations[op], operation.result == nil else { return }
        routeToLeader(op, deadline: deadline)
    }

    /// How often a call waiting for a leader looks again (swarmkit's ticker in `LeaderConn`).
    static let leaderPollPeriod = SimDuration.seconds(1)
}
