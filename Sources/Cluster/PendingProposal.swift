/// A write waiting for its entry to be applied.
struct PendingProposal {
    var index: UInt64
    var term: UInt64
    var target: ReplyTarget
    var reply: Reply
}
