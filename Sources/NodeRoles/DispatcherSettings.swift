import SimCore
import Orchestration

/// What the dispatcher reads of its swarm's settings.
package struct DispatcherSettings: Sendable {
    /// Missed heartbeat periods before a node is Down (swarmkit `GracePeriodMultiplier`, 3).
    package var gracePeriodMultiplier: Int64

    package init(gracePeriodMultiplier: Int64) { self.gracePeriodMultiplier = gracePeriodMultiplier }
}
