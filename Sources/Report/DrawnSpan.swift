import SimCore

/// Runs of a step function as drawn at a scale: spans narrower than a pixel are merged into
/// one-pixel runs showing the value that held longest in them, and neighbours with the same
/// value become one run. An hour of a flapping node is then a few hundred rectangles, not
/// thousands of invisible ones.
struct DrawnSpan<Value: Equatable & Sendable>: Equatable {
    var x0: Double
    var x1: Double
    var start: SimTime
    var end: SimTime
    var value: Value
    /// Whether other values held briefly inside this run (merged below a pixel).
    var mixed = false

    var width: Double { x1 - x0 }

    static func runs(_ intervals: [StepFunction<Value>.Interval], scale: TimeScale) -> [DrawnSpan] {
        var runs: [DrawnSpan] = []
        var bucket: [StepFunction<Value>.Interval] = []

        func append(_ run: DrawnSpan) {
            if var last = runs.last, last.value == run.value, last.x1 >= run.x0 - 0.001 {
                last.x1 = run.x1
                last.end = run.end
                last.mixed = last.mixed || run.mixed
                runs[runs.count - 1] = last
            } else {
                runs.append(run)
            }
        }

        func flush() {
            guard let first = bucket.first, let last = bucket.last else { return }
            // The value that held longest in the bucket (the first of them on a tie).
            var totals: [(Value, Int64)] = []
            for i in bucket {
                if let k = totals.firstIndex(where: { $0.0 == i.value }) { totals[k].1 += i.duration.nanoseconds } else { totals.append((i.value, i.duration.nanoseconds)) }
            }
            var best = totals[0]
            for t in totals.dropFirst() where t.1 > best.1 { best = t }
            append(DrawnSpan(x0: scale.x(first.start), x1: scale.x(last.end), start: first.start, end: last.end,
                            value: best.0, mixed: totals.count > 1))
            bucket.removeAll()
        }

        for interval in intervals {
            let x0 = scale.x(interval.start), x1 = scale.x(interval.end)
            if x1 - x0 >= 1 && bucket.isEmpty {
                append(DrawnSpan(x0: x0, x1: x1, start: interval.start, end: interval.end, value: interval.value))
                continue
            }
            bucket.append(interval)
            if x1 - scale.x(bucket[0].start) >= 1 { flush() }
        }
        flush()
        return runs
    }
}
