
/// A service's desired and running task counts over time.
public struct ServiceTrack: Equatable, Sendable {
    public var name: String
    public var desired = StepFunction<Int>(0)
    public var running = StepFunction<Int>(0)

    public init(name: String) { self.name = name }
}
