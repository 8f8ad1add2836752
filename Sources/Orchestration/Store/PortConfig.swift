import SimCore

/// One published port (swarmkit `api.PortConfig`).
public struct PortConfig: Equatable, Sendable, CustomStringConvertible {
    public enum PublishMode: String, Equatable, Sendable {
        /// The routing mesh: the port listens on every node.
        case ingress
        /// Only on nodes where a task runs, straight to that task.
        case host
    }

    /// The port outside; nil (or 0) asks swarm to pick one (ingress: from 30000 up).
    public var published: Int?
    /// The port inside the task.
    public var target: Int
    public var `protocol`: Scheduler.PortProtocol
    public var publishMode: PublishMode

    public init(published: Int?, target: Int, protocol: Scheduler.PortProtocol = .tcp, publishMode: PublishMode = .ingress) {
        self.published = published
        self.target = target
        self.protocol = `protocol`
        self.publishMode = publishMode
    }

    /// `8080:80/tcp`, as the CLI's short form writes it (no published port: `80/tcp`).
    public var description: String {
        (published.map { "\($0):" } ?? "") + "\(target)/\(`protocol`.rawValue)"
    }
}
