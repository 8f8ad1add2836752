import SimCore
import Orchestration

/// A container's health, as `docker ps` shows it: `(health: starting)`, `(healthy)`, `(unhealthy)`.
package enum ContainerHealth: String, Sendable, Equatable {
    case starting, healthy, unhealthy

    /// The suffix of `docker ps`'s STATUS column.
    package var display: String { self == .starting ? "(health: starting)" : "(\(rawValue))" }
}
