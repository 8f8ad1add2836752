/// One task slot of a service over time (`web.1`, or `web.<node ID>` for a global service):
/// which host runs its newest live task and in which state, as the agents report it. A slot
/// whose task moves to another host changes host; a failed task shows as `failed` until its
/// replacement starts.
public struct TaskTrack: Equatable, Sendable {
    /// Where the slot's task is: its host and its state (`running`, `failed`, `shutdown`, …, or
    /// `lost` while its host is crashed).
    public struct Spot: Equatable, Sendable {
        public var host: String
        public var state: String

        public init(host: String, state: String) {
            self.host = host
            self.state = state
        }

        /// Counts towards the service's running tasks.
        public var isRunning: Bool { state == "running" }
    }

    /// The slot's name, `web.1`.
    public var name: String
    /// The service's name, `web`.
    public var service: String
    public var spot = StepFunction<Spot?>(nil)

    public init(name: String, service: String) {
        self.name = name
        self.service = service
    }
}
