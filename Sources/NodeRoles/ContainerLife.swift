import SimCore
import Orchestration

/// A task's container once started, as the engine running it sees it: when it started, when
/// its process will exit (from the image's declared behaviour), and its health check.
package struct ContainerLife: Sendable, Equatable {
    package var startedAt: SimTime
    /// When the process exits on its own, and with which code (0: it completes).
    package var exitAt: SimTime?
    package var exitCode = 0
    /// From when the image's health check fails (`image … unhealthy after`).
    package var unhealthyAt: SimTime?
    /// The health check, if the task has an active one.
    package var check: HealthConfig?
    package var health: ContainerHealth?
    /// Failed checks in a row that counted (docker's `FailingStreak`).
    package var failingStreak = 0
    package var nextCheck: SimTime?
    /// The wake-up asked for and not yet come, so that one is asked for at a time.
    package var wakeAt: SimTime?

    /// The container of `record` starting at `now`: draws the moment of the image's behaviour
    /// from `random` when it is a range.
    package init(record: TaskRecord, behaviour: ContainerBehaviour?, now: SimTime, random: inout SeededRandom) {
        startedAt = now
        if let behaviour {
            let (lo, hi) = behaviour.moment
            let span = UInt64(max(0, hi.nanoseconds - lo.nanoseconds))
            let at = now + lo + SimDuration(nanoseconds: Int64(span == 0 ? 0 : random.below(span + 1)))
            switch behaviour {
            case .exits(let code, _, _): exitAt = at; exitCode = code
            case .completes: exitAt = at
            case .unhealthy: unhealthyAt = at
            case .pullFails: break
            }
        }
        if record.spec.health.isActive {
            check = record.spec.health
            health = .starting
            nextCheck = now + record.spec.health.effectiveInterval
        }
    }

    /// Runs the health checks due by `now` (docker daemon/health.go): a check passes unless
    /// the image has turned unhealthy; a pass makes the container healthy and clears the
    /// streak; a failure counts once the start period is over (or the container has been
    /// healthy), and `retries` counted failures in a row make it unhealthy.
    package mutating func runChecks(now: SimTime) {
        guard let check else { return }
        while let due = nextCheck, due <= now, health != .unhealthy {
            let passes = unhealthyAt.map { due < $0 } ?? true
            if passes {
                failingStreak = 0
                health = .healthy
            } else if health == .healthy || due >= startedAt + check.startPeriod {
                failingStreak += 1
                if failingStreak >= check.effectiveRetries { health = .unhealthy }
            }
            nextCheck = due + check.effectiveInterval
        }
    }

    /// The next moment something happens to this container on its own.
    package var nextEvent: SimTime? {
        [exitAt, health == .unhealthy ? nil : nextCheck].compactMap { $0 }.min()
    }
}
