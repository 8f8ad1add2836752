import SimCore

/// Number formatting for reports: fixed decimals, no locale, no Foundation, the same bytes on
/// every machine.
enum NumberFormat {
    /// `x` rounded half away from zero to `decimals` places: `fixed(0.12345, 3)` is `0.123`.
    static func fixed(_ x: Double, _ decimals: Int) -> String {
        guard x.isFinite else { return x.isNaN ? "nan" : (x < 0 ? "-inf" : "inf") }
        var scale: Int64 = 1
        for _ in 0..<max(0, min(decimals, 15)) { scale *= 10 }
        let scaled = (abs(x) * Double(scale)).rounded()
        guard scaled < 9e18 else { return String(x) }
        let v = Int64(scaled)
        var text = String(v / scale)
        if decimals > 0 {
            let f = String(v % scale)
            text += "." + String(repeating: "0", count: decimals - f.count) + f
        }
        return (x < 0 && v != 0 ? "-" : "") + text
    }

    /// A fraction as a percentage: `percent(0.375, 1)` is `37.5%`.
    static func percent(_ x: Double, _ decimals: Int = 1) -> String { fixed(x * 100, decimals) + "%" }

    /// A duration in seconds with `digits` decimals (truncated, as the runner prints them): `9.871s`.
    static func seconds(_ d: SimDuration, digits: Int = 3) -> String { d.decimalSeconds(digits: digits) + "s" }

    /// A duration in seconds, rounded: `seconds(11.3179, 2)` is `11.32s`.
    static func seconds(_ x: Double, _ decimals: Int) -> String { fixed(x, decimals) + "s" }

    /// `[lo, hi]` with `decimals` places.
    static func interval(_ r: ClosedRange<Double>, _ decimals: Int) -> String {
        "[" + fixed(r.lowerBound, decimals) + ", " + fixed(r.upperBound, decimals) + "]"
    }

    /// A duration as a person writes it: `4h`, `20m`, `1200s`, `1.5s`, `250ms`.
    static func duration(_ d: SimDuration) -> String { d.description }
}
