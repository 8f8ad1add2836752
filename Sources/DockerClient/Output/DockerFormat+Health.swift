import SimCore
import Orchestration

extension DockerFormat {
    /// The health check's test as docker stores it: `["CMD-SHELL", cmd]`, or `["NONE"]` for
    /// `--no-healthcheck` (docker/cli `healthCheckOptions.toHealthConfig`).
    static func healthTest(_ h: HealthConfig) -> [String] {
        if h.disabled { return ["NONE"] }
        return h.command.map { ["CMD-SHELL", $0] } ?? []
    }

    /// `ContainerSpec.Healthcheck` in `service inspect` (every field omitted when empty).
    static func healthcheckJSON(_ h: HealthConfig, indent: Int) -> String {
        var o = JSONObject(indent: indent)
        let test = healthTest(h)
        if !test.isEmpty { o.raw("Test", stringsJSON(test, indent: indent + 1)) }
        if h.interval > .zero { o.raw("Interval", String(h.interval.nanoseconds)) }
        if h.timeout > .zero { o.raw("Timeout", String(h.timeout.nanoseconds)) }
        if h.startPeriod > .zero { o.raw("StartPeriod", String(h.startPeriod.nanoseconds)) }
        if h.retries > 0 { o.raw("Retries", String(h.retries)) }
        return o.text
    }

    /// The Healthcheck part of `service inspect --pretty` (docker/cli service/formatter.go).
    static func healthcheckPretty(_ h: HealthConfig) -> String {
        var o = "\n Healthcheck:\n  Interval = \(goDuration(h.interval))\n  Retries = \(h.retries)"
        o += "\n  StartPeriod =\t\(goDuration(h.startPeriod))\n  Timeout =\t\(goDuration(h.timeout))"
        let test = healthTest(h)
        if !test.isEmpty { o += "\n  Tests:" + test.map { "\n\t Test = \($0)" }.joined() + " " }
        return o
    }
}
