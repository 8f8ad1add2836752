/// How the containers of one image behave once started, as a scenario declares it
/// (`image web:2 exits 1 after 5s`). An image never declared runs for ever and stays healthy.
///
/// A moment given as a range (`10s..60s`) is drawn from the seed for each container when it
/// starts, so every container of the image exits at its own time.
public enum ContainerBehaviour: Equatable, Sendable {
    /// The process exits with `code` this long after the container starts.
    case exits(code: Int, after: SimDuration, upTo: SimDuration)
    /// The process exits with code 0 this long after the container starts.
    case completes(after: SimDuration, upTo: SimDuration)
    /// The container's health check fails from this long after it starts.
    case unhealthy(after: SimDuration, upTo: SimDuration)
    /// Pulling the image fails; creating the container then fails with "No such image".
    case pullFails

    /// The earliest and latest moment of the behaviour (both zero for `pullFails`).
    public var moment: (SimDuration, SimDuration) {
        switch self {
        case .exits(_, let lo, let hi), .completes(let lo, let hi), .unhealthy(let lo, let hi): (lo, hi)
        case .pullFails: (.zero, .zero)
        }
    }
}
