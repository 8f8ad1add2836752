import SimCore

/// A summary of measured durations: nearest-rank percentiles, the mean, and a text histogram.
///
/// Exact and order-free: built from the sorted values, so the same values give the same text
/// whichever order they were gathered in.
public struct Distribution: Sendable, Equatable {
    /// The values, ascending.
    public let sorted: [SimDuration]

    public init(_ values: [SimDuration]) { sorted = values.sorted() }

    public var count: Int { sorted.count }
    public var min: SimDuration? { sorted.first }
    public var max: SimDuration? { sorted.last }

    /// The nearest-rank percentile: the smallest value with at least `q` of the values at or
    /// below it (q in (0, 1]); p50 of an even count is the lower middle value.
    public func percentile(_ q: Double) -> SimDuration? {
        guard !sorted.isEmpty else { return nil }
        let rank = Int((q * Double(sorted.count)).rounded(.up))
        return sorted[Swift.min(Swift.max(rank, 1), sorted.count) - 1]
    }

    /// The mean in seconds (summed in ascending order).
    public var meanSeconds: Double? {
        guard !sorted.isEmpty else { return nil }
        var sum = 0.0
        for v in sorted { sum += Double(v.nanoseconds) }
        return sum / Double(sorted.count) / 1e9
    }

    // MARK: Histogram

    /// Bins of a "nice" width (1, 2 or 5 × a power of ten nanoseconds), at most about 20 of
    /// them, aligned to a multiple of the width: `[start, start + width)`.
    public struct Bin: Sendable, Equatable {
        public var start: SimDuration
        public var width: SimDuration
        public var count: Int
    }

    public var bins: [Bin] {
        guard let lo = min, let hi = max else { return [] }
        let span = hi.nanoseconds - lo.nanoseconds
        var width: Int64 = 1
        search: while true {
            for m: Int64 in [1, 2, 5] where span / (width * m) < 20 { width *= m; break search }
            if width > Int64.max / 100 { break }
            width *= 10
        }
        let start = floorDiv(lo.nanoseconds, width) * width
        let binCount = Int((hi.nanoseconds - start) / width) + 1
        var bins = (0..<binCount).map { Bin(start: .nanoseconds(start + Int64($0) * width), width: .nanoseconds(width), count: 0) }
        for v in sorted { bins[Int((v.nanoseconds - start) / width)].count += 1 }
        return bins
    }

    /// The histogram as text: one line per bin, `[9.0s, 9.5s)  ####…  412`, bars scaled to
    /// `barWidth` characters for the fullest bin (a non-empty bin shows at least one `#`).
    public func histogram(barWidth: Int = 40, indent: String = "") -> String {
        let bins = self.bins
        guard let fullest = bins.map(\.count).max(), fullest > 0 else { return "" }
        let digits = bins.first.map { Self.decimals(for: $0.width) } ?? 0
        let labels = bins.map { "[" + $0.start.decimalSeconds(digits: digits) + "s, " + ($0.start + $0.width).decimalSeconds(digits: digits) + "s)" }
        let labelWidth = labels.map(\.count).max() ?? 0
        let countWidth = String(fullest).count
        var out = ""
        for (bin, label) in zip(bins, labels) {
            let bar = bin.count == 0 ? 0 : Swift.max(1, (bin.count * barWidth + fullest - 1) / fullest)
            let count = String(bin.count)
            out += indent + String(repeating: " ", count: labelWidth - label.count) + label + "  "
                + String(repeating: "#", count: bar) + String(repeating: " ", count: barWidth - bar) + "  "
                + String(repeating: " ", count: countWidth - count.count) + count + "\n"
        }
        return out
    }

    /// Decimal places that show a bin width exactly in seconds (0 for whole seconds).
    static func decimals(for width: SimDuration) -> Int {
        var d = 0
        var unit: Int64 = 1_000_000_000
        while d < 9 && width.nanoseconds % unit != 0 { unit /= 10; d += 1 }
        return d
    }

    private func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }
}
