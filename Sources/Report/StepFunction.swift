import SimCore

/// A value over virtual time that changes in steps: `initial` from the start of the run, then
/// each change until the next. The shape of every track of a `Timeline`.
///
/// Setting the value it already has records nothing, and two changes at the same instant keep
/// only the last, so a track holds only the changes someone could see.
public struct StepFunction<Value: Equatable & Sendable>: Equatable, Sendable {
    public struct Change: Equatable, Sendable {
        public var time: SimTime
        public var value: Value
    }

    /// A span of time with one value: `start` inclusive, `end` exclusive.
    public struct Interval: Equatable, Sendable {
        public var start: SimTime
        public var end: SimTime
        public var value: Value

        public var duration: SimDuration { end - start }
    }

    /// The value before the first change.
    public let initial: Value
    /// Changes in time order, each to a value different from the one before.
    public private(set) var changes: [Change] = []

    public init(_ initial: Value) { self.initial = initial }

    /// The value after the last change.
    public var current: Value { changes.last?.value ?? initial }

    /// Records that the value is `value` from `time` on. `time` must not be before the last
    /// change (virtual time only moves forward).
    public mutating func set(_ value: Value, at time: SimTime) {
        if let last = changes.last {
            precondition(last.time <= time, "StepFunction.set: time went backwards (\(time) after \(last.time))")
            if last.time == time { changes.removeLast() }
        }
        if value != current { changes.append(Change(time: time, value: value)) }
    }

    /// The value at `time`.
    /// - Complexity: O(log n) in the number of changes.
    public func value(at time: SimTime) -> Value {
        var low = 0, high = changes.count
        while low < high {
            let mid = (low + high) / 2
            if changes[mid].time <= time { low = mid + 1 } else { high = mid }
        }
        return low == 0 ? initial : changes[low - 1].value
    }

    /// The spans from the start of the run to `end`, one per value held, none empty.
    public func intervals(until end: SimTime) -> [Interval] {
        var result: [Interval] = []
        var start = SimTime.zero
        var value = initial
        for c in changes {
            guard c.time < end else { break }
            if c.time > start { result.append(Interval(start: start, end: c.time, value: value)) }
            start = c.time
            value = c.value
        }
        if end > start { result.append(Interval(start: start, end: end, value: value)) }
        return result
    }
}
