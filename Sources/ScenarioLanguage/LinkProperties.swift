/// `latency=… loss=… duplication=…` on a link; nil when not given.
public struct LinkProperties: Equatable, Sendable {
    public var latency: LatencySpec?
    /// Probability in [0, 1].
    public var loss: Double?
    /// Probability in [0, 1].
    public var duplication: Double?

    public init(latency: LatencySpec? = nil, loss: Double? = nil, duplication: Double? = nil) {
        self.latency = latency
        self.loss = loss
        self.duplication = duplication
    }
}
