import SimCore

/// Restarts of one replica at one spec version (swarmkit `instanceRestartInfo`).
struct RestartInfo: Sendable {
    var specVersion: UInt64
    var totalRestarts = 0
    /// When each restart happened, oldest first; kept only when the policy has a window.
    var restartTimes: [SimTime] = []
}
