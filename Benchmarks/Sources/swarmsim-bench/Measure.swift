// Wall-clock timing for the benchmarks (the one place besides the CLI where a clock is read;
// DESIGN.md §2).

/// Seconds taken by `body`, on the monotonic clock.
func seconds(_ body: () -> Void) -> Double {
    let elapsed = ContinuousClock().measure(body)
    let (whole, attoseconds) = elapsed.components
    return Double(whole) + Double(attoseconds) * 1e-18
}

/// Runs `body` `repeats` times and returns every run's seconds and the fastest.
func bestOf(_ repeats: Int, _ body: () -> Void) -> (best: Double, all: [Double]) {
    var all: [Double] = []
    for _ in 0..<max(1, repeats) { all.append(seconds(body)) }
    return (all.min() ?? .infinity, all)
}

/// Seconds as a short decimal for details: `0.0412`.
func formatSeconds(_ s: Double) -> String {
    formatSignificant(s, digits: 3)
}

/// `value` with `digits` significant digits, no exponent, for values people read.
func formatSignificant(_ value: Double, digits: Int) -> String {
    guard value.isFinite else { return String(value) }
    if value == 0 { return "0" }
    var magnitude = 0
    var v = abs(value)
    while v >= 10 { v /= 10; magnitude += 1 }
    while v < 1 { v *= 10; magnitude -= 1 }
    let decimals = max(0, digits - 1 - magnitude)
    return fixed(value, decimals: decimals)
}

/// `value` rounded to `decimals` places, with digit grouping for the whole part: `12,345,678.9`.
func fixed(_ value: Double, decimals: Int) -> String {
    guard value.isFinite else { return String(value) }
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let scaled = (abs(value) * scale).rounded()
    let whole = (scaled / scale).rounded(.down)
    let fraction = scaled - whole * scale
    var digits = String(Int64(whole))
    var grouped = ""
    while digits.count > 3 {
        grouped = "," + digits.suffix(3) + grouped
        digits.removeLast(3)
    }
    grouped = digits + grouped
    if decimals > 0 {
        let f = String(Int64(fraction))
        grouped += "." + String(repeating: "0", count: decimals - f.count) + f
    }
    return (value < 0 && scaled != 0 ? "-" : "") + grouped
}
