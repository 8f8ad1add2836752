import SimCore
import NodeRoles

/// Calls between hosts: a call goes out with a deadline, and either its answer comes back to
/// its caller or the deadline passes; a leader's answer to a docker call finishes the operation.
extension Swarm {
    /// Sends `call` from `caller` to `to`, and arranges for a timeout.
    func call(_ call: Call, from caller: HostID, to: HostID, purpose: PendingCall.Purpose, timeout: SimDuration) -> CallID {
        let id = nextCallID
        nextCallID += 1
        pendingCalls.insert(PendingCall(caller: caller, callerIncarnation: network.incarnation(caller), purpose: purpose), id: id)
        send(.call(id, call), from: caller, to: to)
        let deadline = CallDeadlines.Entry(time: now + timeout, order: simulator.reserveEventID(), call: id)
        if callDeadlines.insert(deadline, timeout: timeout) { armCallDeadline() }
        return id
    }

    /// Makes the earliest deadline of a call still open an event, if it is not one yet; drops the
    /// deadlines before it, of calls answered or timed out. Runs whenever the first deadline may
    /// have changed but for an answer (a deadline that was first and answered still has its event,
    /// which comes no later than the next one and arms it).
    func armCallDeadline() {
        while let first = callDeadlines.first {
            guard pendingCalls[first.call] != nil else { callDeadlines.removeFirst(); continue }
            if !first.scheduled {
                callDeadlines.markFirstScheduled()
                simulator.schedule(.callTimeout(first.call), at: first.time, reserved: first.order)
            }
            return
        }
    }

    func receiveReply(_ id: CallID, _ reply: Reply, at host: HostID) {
        guard let call = pendingCalls[id], call.caller == host, call.callerIncarnation == network.incarnation(host) else { return }
        _ = pendingCalls.remove(id)
        switch call.purpose {
        case .operation(let op):
            complete(op, reply)
        case .proxy(let originCall, let origin):
            send(.reply(originCall, reply), from: host, to: origin)
        case .heartbeat:
            heartbeatAnswered(host, reply)
        case .raftJoin:
            raftJoinAnswered(host, reply)
        case .taskStatus:
            reportsAnswered(host, reply)
        case .backgroundJoin:
            backgroundJoinAnswered(host, reply)
        case .none:
            break
        }
    }

    /// Completes a docker call with the answer that reached its host.
    func complete(_ op: OperationID, _ reply: Reply) {
        switch reply {
        case .api(let result): finish(op, result)
        case .failed(let error): finish(op, .failure(error))
        case .joined(let nodeID, let role, let managers):
            guard let operation = operations[op] else { return }
            if operation.request.isInit {
                let host = operation.host
                finish(op, .success(.joined(nodeID: nodeID, asManager: true, managerAddress: address(of: host) + ":2377")))
            } else {
                joinSucceeded(op, nodeID: nodeID, role: role, managers: managers)
            }
        case .raftJoined, .heartbeat, .taskStatusAccepted: preconditionFailure("Swarm.complete: \(reply) answers no docker call")
        }
    }

    func callFailed(_ call: PendingCall, _ error: EngineError, id: CallID) {
        guard current(call.caller, call.callerIncarnation) else { return }
        switch call.purpose {
        case .operation(let op): finish(op, .failure(error))
        case .proxy(let originCall, let origin): send(.reply(originCall, .failed(error)), from: call.caller, to: origin)
        case .heartbeat: heartbeatAnswered(call.caller, .failed(error))
        case .raftJoin: raftJoinAnswered(call.caller, .failed(error))
        case .taskStatus: reportsAnswered(call.caller, .failed(error))
        case .backgroundJoin: backgroundJoinAnswered(call.caller, .failed(error))
        case .none: break
        }
    }

    func reply(_ target: ReplyTarget, _ reply: Reply, from host: HostID) {
        switch target {
        case .operation(let op):
            complete(op, reply)
        case .remote(let id, let to):
            send(.reply(id, reply), from: host, to: to)
        }
    }
}
