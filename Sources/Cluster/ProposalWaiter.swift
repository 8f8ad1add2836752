/// Who waits for a proposed write, and what they hear once it is applied; kept by the swarm
/// under the ticket the manager's `PendingProposal` carries.
struct ProposalWaiter {
    var target: ReplyTarget
    var reply: Reply
}
