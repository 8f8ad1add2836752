import SimCore

/// Maps virtual time to pixels for the report, and picks the time axis' ticks.
///
/// A run gets at least 1,360 px (the width of a 1600-pixel window beside the row labels), 8 px a second when that fits in 12,000 px, and fewer pixels a
/// second beyond: a one-minute lesson fits a screen, an hour-long run scrolls sideways at about
/// 3 px a second. Ticks are the first "nice" step (1 s, 2 s, 5 s, 10 s, 15 s, 30 s, 1 m, …)
/// at least 80 px apart, labelled `45s`, `2m30s`, `1h15m`.
struct TimeScale {
    let end: SimTime
    let pixelsPerSecond: Double
    /// The drawing's width in pixels (from time zero to `end`).
    let width: Double

    static let minimumWidth = 1360.0
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
