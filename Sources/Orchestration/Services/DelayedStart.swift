import SimCore

/// A replacement waiting to be started: it becomes desired `running` once `startAt` has come
/// and, if `waitStop`, once the task it replaces has stopped, its node is down or gone, or
/// `timeoutAt` has come (swarmkit `DelayStart`).
struct DelayedStart: Sendable {
    var startAt: SimTime
    var oldTaskID: String?
    var oldNodeID: String?
    var waitStop: Bool
    var timeoutAt: SimTime
}
