import SimCore

/// A call sent and not yet answered.
struct PendingCall {
    let caller: HostID
    let callerIncarnation: UInt32
    let purpose: Purpose

    enum Purpose {
        case operation(OperationID)
        /// This manager proxies a call from `origin` to the leader.
        case proxy(CallID, origin: HostID)
        case heartbeat
        case raftJoin
        case taskStatus
        /// A join the engine keeps trying after `docker swarm join` timed out.
        case backgroundJoin
        /// Nobody waits for the answer.
        case none
    }
}
