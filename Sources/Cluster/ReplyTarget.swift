import SimCore

/// Where the answer to a request goes.
enum ReplyTarget {
    case operation(OperationID)
    case remote(CallID, to: HostID)
}
