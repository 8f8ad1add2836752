import SimCore

/// A measure's value in one run.
public enum MeasureValue: Sendable, Equatable {
    case value(SimDuration)
    /// The condition did not hold within the measure's timeout.
    case timedOut
    /// The run stopped before the measure.
    case notReached
}
