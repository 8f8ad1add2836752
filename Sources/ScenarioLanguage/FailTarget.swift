/// Which container `fail` stops.
public enum FailTarget: Equatable, Sendable {
    /// `web.2`: the running task of slot 2 of replicated service web.
    case slot(service: String, slot: Int)
    /// `agent on w1`: the running task of service agent on host w1.
    case host(service: String, host: String)
}
