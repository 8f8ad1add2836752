/// A span of virtual time, in nanoseconds.
public struct SimDuration: Hashable, Comparable, Sendable {
    public var nanoseconds: Int64

    @inlinable public init(nanoseconds: Int64) { self.nanoseconds = nanoseconds }

    public static let zero = SimDuration(nanoseconds: 0)
    @inlinable public static func nanoseconds(_ n: Int64) -> SimDuration { SimDuration(nanoseconds: n) }
    @inlinable public static func microseconds(_ n: Int64) -> SimDuration { SimDuration(nanoseconds: n &* 1_000) }
    @inlinable public static func milliseconds(_ n: Int64) -> SimDuration { SimDuration(nanoseconds: n &* 1_000_000) }
    @inlinable public static func seconds(_ n: Int64) -> SimDuration { SimDuration(nanoseconds: n &* 1_000_000_000) }
    @inlinable public static func minutes(_ n: Int64) -> SimDuration { .seconds(n &* 60) }
    @inlinable public static func hours(_ n: Int64) -> SimDuration { .seconds(n &* 3_600) }
    /// The duration nearest to `seconds` (rounded to the nanosecond, clamped to the Int64 range).
    @inlinable public static func seconds(exactly seconds: Double) -> SimDuration {
        let ns = (seconds * 1e9).rounded()
        if ns >= 9.2e18 { return SimDuration(nanoseconds: .max) }
        if ns <= -9.2e18 { return SimDuration(nanoseconds: .min) }
        return SimDuration(nanoseconds: Int64(ns))
    }

    /// The duration in seconds, as a Double (for statistics and display, never for scheduling).
    @inlinable public var seconds: Double { Double(nanoseconds) / 1e9 }

    @inlinable public static func < (a: SimDuration, b: SimDuration) -> Bool { a.nanoseconds < b.nanoseconds }
    @inlinable public static func + (a: SimDuration, b: SimDuration) -> SimDuration { SimDuration(nanoseconds: a.nanoseconds &+ b.nanoseconds) }
    @inlinable public static func - (a: SimDuration, b: SimDuration) -> SimDuration { SimDuration(nanoseconds: a.nanoseconds &- b.nanoseconds) }
    @inlinable public static func * (a: SimDuration, k: Int64) -> SimDuration { SimDuration(nanoseconds: a.nanoseconds &* k) }
    @inlinable public static func / (a: SimDuration, k: Int64) -> SimDuration { SimDuration(nanoseconds: a.nanoseconds / k) }
    @inlinable public static func += (a: inout SimDuration, b: SimDuration) { a = a + b }
}


extension SimDuration {
    /// Seconds as a decimal string with exactly `digits` fractional digits (truncated), e.g. `12.345`.
    public func decimalSeconds(digits: Int) -> String {
        let negative = nanoseconds < 0
        let magnitude = nanoseconds.magnitude
        let whole = magnitude / 1_000_000_000
        var fraction = magnitude % 1_000_000_000
        var scale: UInt64 = 1_000_000_000
        for _ in 0..<min(max(digits, 0), 9) { scale /= 10 }
        fraction /= scale
        var text = (negative ? "-" : "") + String(whole)
        if digits > 0 {
            let f = String(fraction)
            text += "." + String(repeating: "0", count: max(0, min(digits, 9) - f.count)) + f
        }
        return text
    }

    /// Seconds as the shortest exact decimal (`1.5`, `0.000001`, `12`), for JSON.
    public var exactSeconds: String {
        var text = decimalSeconds(digits: 9)
        guard text.contains(".") else { return text }
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}
