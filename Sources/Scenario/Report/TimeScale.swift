import SimCore

/// Maps virtual time to pixels for the report, and picks the time axis' ticks.
///
/// A run gets at least 1,120 px, 8 px a second when that fits in 12,000 px, and fewer pixels a
/// second beyond: a one-minute lesson fits a screen, an hour-long run scrolls sideways at about
/// 3 px a second. Ticks are the first "nice" step (1 s, 2 s, 5 s, 10 s, 15 s, 30 s, 1 m, …)
/// at least 80 px apart, labelled `45s`, `2m30s`, `1h15m`.
struct TimeScale {
    let end: SimTime
    let pixelsPerSecond: Double
    /// The drawing's width in pixels (from time zero to `end`).
    let width: Double

    static let minimumWidth = 1120.0
    static let maximumWidth = 12_000.0
    static let preferredPixelsPerSecond = 8.0
    static let minimumTickSpacing = 80.0

    init(end: SimTime) {
        self.end = end
        let seconds = max(Self.seconds(end), 1)
        pixelsPerSecond = max(Self.minimumWidth / seconds, min(Self.preferredPixelsPerSecond, Self.maximumWidth / seconds))
        width = seconds * pixelsPerSecond
    }

    static func seconds(_ t: SimTime) -> Double { Double(t.nanoseconds) / 1e9 }

    /// The x coordinate of `t`.
    func x(_ t: SimTime) -> Double { Self.seconds(t) * pixelsPerSecond }

    // MARK: Ticks

    /// Nice tick steps, in milliseconds.
    static let steps: [Int64] = [100, 200, 500, 1_000, 2_000, 5_000, 10_000, 15_000, 30_000,
                                 60_000, 120_000, 300_000, 600_000, 900_000, 1_800_000,
                                 3_600_000, 7_200_000, 10_800_000, 21_600_000, 43_200_000, 86_400_000]

    /// The step between labelled ticks.
    var tickStep: SimDuration {
        for ms in Self.steps where Double(ms) / 1000 * pixelsPerSecond >= Self.minimumTickSpacing {
            return .milliseconds(ms)
        }
        return .milliseconds(Self.steps[Self.steps.count - 1])
    }

    /// Labelled ticks from zero through `end`.
    var ticks: [SimTime] {
        let step = tickStep.nanoseconds
        var result: [SimTime] = []
        var t: Int64 = 0
        while t <= end.nanoseconds {
            result.append(SimTime(nanoseconds: t))
            t += step
        }
        return result
    }

    /// `0s`, `12.5s`, `45s`, `2m`, `2m30s`, `1h`, `1h15m`: as short as the step allows.
    static func label(_ t: SimTime, step: SimDuration) -> String {
        let ms = t.nanoseconds / 1_000_000
        if step.nanoseconds < 1_000_000_000 {
            return SimDuration(nanoseconds: t.nanoseconds).decimalSeconds(digits: 1) + "s"
        }
        let s = ms / 1000
        if s < 60 { return "\(s)s" }
        if s < 3600 { return s % 60 == 0 ? "\(s / 60)m" : "\(s / 60)m\(s % 60)s" }
        let minutes = s % 3600 / 60
        return minutes == 0 ? "\(s / 3600)h" : "\(s / 3600)h\(minutes)m"
    }

    /// A duration as people read it in a tooltip: `850ms`, `12.3s`, `4m 05s`, `1h 02m`.
    static func spoken(_ d: SimDuration) -> String {
        let ms = d.nanoseconds / 1_000_000
        if ms < 1000 { return "\(ms)ms" }
        if ms < 60_000 { return d.decimalSeconds(digits: 1) + "s" }
        let s = ms / 1000
        func two(_ n: Int64) -> String { n < 10 ? "0\(n)" : "\(n)" }
        if s < 3600 { return "\(s / 60)m \(two(s % 60))s" }
        return "\(s / 3600)h \(two(s % 3600 / 60))m"
    }
}

/// Runs of a step function as drawn at a scale: spans narrower than a pixel are merged into
/// one-pixel runs showing the value that held longest in them, and neighbours with the same
/// value become one run. An hour of a flapping node is then a few hundred rectangles, not
/// thousands of invisible ones.
struct PixelRun<Value: Equatable & Sendable>: Equatable {
    var x0: Double
    var x1: Double
    var start: SimTime
    var end: SimTime
    var value: Value
    /// Whether other values held briefly inside this run (merged below a pixel).
    var mixed = false

    var width: Double { x1 - x0 }

    static func runs(_ intervals: [Steps<Value>.Interval], scale: TimeScale) -> [PixelRun] {
        var runs: [PixelRun] = []
        var bucket: [Steps<Value>.Interval] = []

        func append(_ run: PixelRun) {
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
            append(PixelRun(x0: scale.x(first.start), x1: scale.x(last.end), start: first.start, end: last.end,
                            value: best.0, mixed: totals.count > 1))
            bucket.removeAll()
        }

        for interval in intervals {
            let x0 = scale.x(interval.start), x1 = scale.x(interval.end)
            if x1 - x0 >= 1 && bucket.isEmpty {
                append(PixelRun(x0: x0, x1: x1, start: interval.start, end: interval.end, value: interval.value))
                continue
            }
            bucket.append(interval)
            if x1 - scale.x(bucket[0].start) >= 1 { flush() }
        }
        flush()
        return runs
    }
}
