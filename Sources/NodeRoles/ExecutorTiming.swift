import SimCore
import Orchestration

/// How long the agent's simulated executor takes for the steps that take time.
package struct ExecutorTiming: Sendable {
    /// Preparing a task pulls its image.
    package var imagePull: SimDuration
    /// Starting a task starts its container.
    package var containerStart: SimDuration

    package init(imagePull: SimDuration, containerStart: SimDuration) {
        self.imagePull = imagePull; self.containerStart = containerStart
    }
}
