import SimCore

/// The time axis of a plot: where a value falls (0 to 1) and which ticks to label.
struct TimeAxis {
    var lower: Int64, upper: Int64, log: Bool

    init(minimum: Int64, maximum: Int64, log: Bool) {
        self.log = log
        if log {
            lower = Self.power(below: max(minimum, 1))
            upper = max(Self.power(above: max(maximum, 1)), lower * 10)
        } else {
            let step = Self.step(span: max(maximum, 1))
            lower = 0
            upper = (max(maximum, 1) + step - 1) / step * step
        }
    }

    func fraction(_ ns: Int64) -> Double {
        if log {
            let v = Double(min(max(ns, lower), upper))
            return DeterministicMath.log(v / Double(lower)) / DeterministicMath.log(Double(upper) / Double(lower))
        }
        return Double(ns - lower) / Double(max(upper - lower, 1))
    }

    var ticks: [Int64] {
        var out: [Int64] = []
        if log {
            var t = lower
            while t <= upper { out.append(t); t *= 10 }
        } else {
            let step = Self.step(span: upper - lower)
            var t = lower
            while t <= upper { out.append(t); t += step }
        }
        return out
    }

    /// 1, 2 or 5 times a power of ten, so that the span holds 5 to 10 steps.
    static func step(span: Int64) -> Int64 {
        var unit: Int64 = 1
        while true {
            for m: Int64 in [1, 2, 5] where span / (unit * m) <= 10 { return unit * m }
            unit *= 10
        }
    }

    static func power(below v: Int64) -> Int64 {
        var p: Int64 = 1
        while p * 10 <= v { p *= 10 }
        return p
    }

    static func power(above v: Int64) -> Int64 {
        var p: Int64 = 1
        while p < v { p *= 10 }
        return p
    }
}
