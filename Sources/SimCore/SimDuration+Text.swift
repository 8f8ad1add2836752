// Durations as people write them: `150ms`, `1.5s`, `2m`, `1h30m`, `250us`.
// The grammar is Go's `time.ParseDuration` (which docker's flags use), without signs:
// one or more (decimal number, unit) pairs; units ns, us (or µs), ms, s, m, h.

extension SimDuration {
    static let units: [(name: String, nanoseconds: Int64)] = [
        ("ns", 1), ("us", 1_000), ("µs", 1_000), ("ms", 1_000_000),
        ("s", 1_000_000_000), ("m", 60_000_000_000), ("h", 3_600_000_000_000),
    ]

    /// Parses `text`, or throws an error that says what is wrong and where.
    ///
    /// Accepts `0` alone (as Go does). Fractions are exact to the nanosecond; digits past the
    /// nanosecond are refused rather than silently rounded.
    public init(parsing text: String) throws(DurationParseError) {
        let chars = Array(text.unicodeScalars)
        if chars.isEmpty { throw DurationParseError(message: "empty duration", offset: 0, hint: "write a number and a unit, such as 500ms, 10s or 2m") }
        if text == "0" { self = .zero; return }
        var i = 0
        var total: Int64 = 0
        func isDigit(_ c: Unicode.Scalar) -> Bool { c >= "0" && c <= "9" }
        while i < chars.count {
            // Number: digits, optionally '.' digits.
            let numberStart = i
            var whole: Int64 = 0
            var sawDigits = false
            var overflow = false
            while i < chars.count, isDigit(chars[i]) {
                let (m, o1) = whole.multipliedReportingOverflow(by: 10)
                let (s, o2) = m.addingReportingOverflow(Int64(chars[i].value - 48))
                overflow = overflow || o1 || o2
                whole = s; sawDigits = true; i += 1
            }
            var fractionDigits: [Int64] = []
            if i < chars.count, chars[i] == "." {
                i += 1
                while i < chars.count, isDigit(chars[i]) { fractionDigits.append(Int64(chars[i].value - 48)); sawDigits = true; i += 1 }
            }
            if !sawDigits {
                throw DurationParseError(message: "invalid duration '\(text)': expected a number at '\(String(String.UnicodeScalarView(chars[numberStart...])))'", offset: numberStart, hint: "write a number and a unit, such as 500ms, 10s or 2m")
            }
            // Unit: the longest run of letters.
            let unitStart = i
            while i < chars.count, !isDigit(chars[i]), chars[i] != "." { i += 1 }
            let unit = String(String.UnicodeScalarView(chars[unitStart..<i]))
            if unit.isEmpty {
                throw DurationParseError(message: "missing unit in duration '\(text)'", offset: unitStart, hint: "did you mean '\(text)s'? units are ns, us, ms, s, m, h")
            }
            guard let scale = Self.units.first(where: { $0.name == unit })?.nanoseconds else {
                throw DurationParseError(message: "unknown unit '\(unit)' in duration '\(text)'", offset: unitStart, hint: "units are ns, us, ms, s, m, h")
            }
            // Value = (whole + fraction / denominator) * scale, exactly, in 128-bit arithmetic.
            var fraction: Int128 = 0
            var denominator: Int128 = 1
            for d in fractionDigits.prefix(18) { fraction = fraction * 10 + Int128(d); denominator *= 10 }
            let fractionNs = fraction * Int128(scale)
            if fractionNs % denominator != 0 || fractionDigits.dropFirst(18).contains(where: { $0 != 0 }) {
                throw DurationParseError(message: "duration '\(text)' is finer than a nanosecond", offset: numberStart, hint: nil)
            }
            let sum = Int128(total) + Int128(whole) * Int128(scale) + fractionNs / denominator
            if overflow || sum > Int128(Int64.max) {
                throw DurationParseError(message: "duration '\(text)' is too long", offset: numberStart, hint: "the longest duration is about 292 years")
            }
            total = Int64(sum)
        }
        self.init(nanoseconds: total)
    }
}

extension SimDuration: CustomStringConvertible {
    /// The shortest text that parses back to this duration: `0s`, `250us`, `150ms`, `1.5s`,
    /// `2m`, `1h30m`, `1m0.5s`.
    public var description: String {
        if nanoseconds == 0 { return "0s" }
        if nanoseconds < 0 { return "-" + SimDuration(nanoseconds: nanoseconds == .min ? .max : -nanoseconds).description }
        let ns = nanoseconds
        if ns < 1_000_000_000 {
            // Below a second: the largest unit that keeps it exact, else a decimal of ms or us.
            for (name, scale) in [("ms", Int64(1_000_000)), ("us", 1_000), ("ns", 1)] where ns >= scale {
                return Self.decimal(ns, scale: scale) + name
            }
        }
        var text = ""
        let hours = ns / 3_600_000_000_000
        var rest = ns % 3_600_000_000_000
        let minutes = rest / 60_000_000_000
        rest %= 60_000_000_000
        if hours > 0 { text += "\(hours)h" }
        if minutes > 0 || (hours > 0 && rest > 0) { text += "\(minutes)m" }
        if rest > 0 { text += Self.decimal(rest, scale: 1_000_000_000) + "s" }
        return text
    }

    /// `value / scale` as a decimal with no trailing zeros.
    static func decimal(_ value: Int64, scale: Int64) -> String {
        let whole = value / scale
        var fraction = value % scale
        if fraction == 0 { return String(whole) }
        var digits = String(scale).count - 1
        while fraction % 10 == 0 { fraction /= 10; digits -= 1 }
        let f = String(fraction)
        return "\(whole)." + String(repeating: "0", count: digits - f.count) + f
    }
}
