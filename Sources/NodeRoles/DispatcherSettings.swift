import SimCore
import Orchestration

/// What the dispatcher reads of its swarm's settings.
package struct DispatcherSettings: Sendable {
    /// Missed heartbeat periods before a node is Down (swarmkit `GracePeriodMultiplier`, 3).
    package var gracePeriodMultiplier: Int64
    /// The heartbeat period when the store holds no cluster record to say it.
    package var defaultHeartbeat: SimDuration

    package init(gracePeriodMultiplier: Int64, defaultHeartbeat: SimDuration = .seconds(5)) {
        self.gracePeriodMultiplier = gracePeriodMultiplier
        self.defaultHeartbeat = defaultHeartbeat
    }
}
