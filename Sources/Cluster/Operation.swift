import SimCore

/// A docker call in progress on one host.
struct Operation {
    let id: OperationID
    let host: HostID
    let hostIncarnation: UInt32
    let request: EngineRequest
    var result: EngineResult?
    /// The caller stopped waiting: the answer is dropped when it comes.
    var abandoned = false
}
