import SimCore

/// A request sent through the routing mesh: which host it entered at and which answered.
public struct RequestMark: Equatable, Sendable {
    public var time: SimTime
    /// The lane of the host the request was sent to.
    public var entry: Int
    /// The lane of the host whose task answered, nil when the request failed.
    public var answeredBy: Int?

    public init(time: SimTime, entry: Int, answeredBy: Int?) {
        self.time = time
        self.entry = entry
        self.answeredBy = answeredBy
    }
}
