import SimCore
import Orchestration
import ScenarioLanguage

// `--health-cmd`, `--health-interval`, `--health-timeout`, `--health-retries`,
// `--health-start-period` and `--no-healthcheck`, as docker/cli's `healthCheckOptions.toHealthConfig`
// and `updateHealthcheck` read them.

extension ServiceSpec {
    static let healthFlags = ["health-cmd", "health-interval", "health-timeout", "health-retries", "health-start-period"]

    /// Applies the health flags of `service create` or `service update` to the task template.
    mutating func applyHealthFlags(_ inv: DockerInvocation, expand: WordExpander) throws(Diagnostic) {
        let given = Self.healthFlags.filter { inv.has($0) }
        if inv.isOn("no-healthcheck") {
            if let first = given.first, let flag = inv.flags.first(where: { $0.name == first }) {
                throw Diagnostic(at: flag.location, length: first.count + 2, "--no-healthcheck conflicts with --health-* options")
            }
            task.health = HealthConfig()
            task.health.disabled = true
            return
        }
        guard !given.isEmpty else { return }
        if task.health.disabled { task.health = HealthConfig() }
        if let cmd = try inv.text("health-cmd").map(expand) { task.health.command = cmd.isEmpty ? nil : cmd }
        if let d = inv.duration("health-interval") { task.health.interval = d }
        if let d = inv.duration("health-timeout") { task.health.timeout = d }
        if let n = inv.int("health-retries") { task.health.retries = n }
        if let d = inv.duration("health-start-period") { task.health.startPeriod = d }
    }
}
