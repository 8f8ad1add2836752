import SimCore

/// A container health check (docker's `container.HealthConfig`, set by `--health-*`). Zero
/// values mean "the default", as the engine reads them: interval 30 s, timeout 30 s, 3 retries,
/// no start period (moby daemon/health.go). `docker service inspect` shows the values given.
public struct HealthConfig: Equatable, Sendable {
    /// The shell command (`--health-cmd`); nil with `disabled` for `--no-healthcheck`.
    public var command: String?
    /// `--no-healthcheck`: the test is `NONE`, so the image's check does not run either.
    public var disabled = false
    public var interval: SimDuration = .zero
    public var timeout: SimDuration = .zero
    public var retries = 0
    public var startPeriod: SimDuration = .zero

    public init(command: String? = nil) { self.command = command }

    /// Whether a check runs at all: a command is set and the check is not disabled.
    public var isActive: Bool { command != nil && !disabled }
    /// The interval the engine uses (30 s when none is set).
    public var effectiveInterval: SimDuration { interval > .zero ? interval : .seconds(30) }
    /// The failures in a row that make a container unhealthy (3 when none is set).
    public var effectiveRetries: Int { retries > 0 ? retries : 3 }
    /// Whether any `--health-*` flag was given (what `service inspect` shows a Healthcheck for).
    public var isSet: Bool { self != HealthConfig() }
}
