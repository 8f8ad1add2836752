/// Names a docker call in progress on one host (`Swarm.submit`).
public struct OperationID: Hashable, Sendable {
    public let value: Int
}
