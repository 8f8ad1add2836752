/// An instant of virtual time: nanoseconds since the start of the run.
public struct SimTime: Hashable, Comparable, Sendable {
    public var nanoseconds: Int64

    @inlinable public init(nanoseconds: Int64) { self.nanoseconds = nanoseconds }

    public static let zero = SimTime(nanoseconds: 0)
    public static let distantFuture = SimTime(nanoseconds: .max)

    /// Time since the start of the run.
    @inlinable public var sinceStart: SimDuration { SimDuration(nanoseconds: nanoseconds) }

    @inlinable public static func < (a: SimTime, b: SimTime) -> Bool { a.nanoseconds < b.nanoseconds }
    /// Saturates at `distantFuture`, so "now + a very long timeout" never wraps.
    @inlinable public static func + (t: SimTime, d: SimDuration) -> SimTime {
        let (sum, overflow) = t.nanoseconds.addingReportingOverflow(d.nanoseconds)
        return SimTime(nanoseconds: overflow ? (d.nanoseconds > 0 ? .max : .min) : sum)
    }
    @inlinable public static func - (a: SimTime, b: SimTime) -> SimDuration { SimDuration(nanoseconds: a.nanoseconds &- b.nanoseconds) }
    @inlinable public static func += (t: inout SimTime, d: SimDuration) { t = t + d }
}

extension SimTime: CustomStringConvertible {
    /// Seconds since the start with millisecond precision, as the runner prints it: `[12.345s]`.
    public var description: String { "\(SimDuration(nanoseconds: nanoseconds).decimalSeconds(digits: 3))s" }
}
