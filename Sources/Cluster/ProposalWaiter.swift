import NodeRoles

/// Who waits for a proposed write, and what they hear once it is applied.
struct ProposalWaiter {
    var target: ReplyTarget
    var reply: Reply
}

/// The manager role as the swarm runs it: proposals answer a `ProposalWaiter`.
typealias ManagerRuntime = Manager<ProposalWaiter>
