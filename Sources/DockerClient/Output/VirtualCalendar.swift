import SimCore

/// Wall-clock text for virtual time. A run starts at 2026-01-01 00:00:00 UTC, so timestamps
/// in docker's output are the same on every machine and every replay.
enum VirtualCalendar {
    /// Days from 1970-01-01 to 2026-01-01.
    static let epochDays: Int64 = 20_454

    /// Go's `time.Time.String()`: `2026-01-01 00:00:12.345678901 +0000 UTC`, the fraction's
    /// trailing zeros dropped and no fraction at all on a whole second.
    static func timestamp(_ t: SimTime) -> String {
        let (date, seconds, _) = split(t)
        var fraction = "." + pad(Int(t.nanoseconds % 1_000_000_000), 9)
        while fraction.hasSuffix("0") { fraction.removeLast() }
        if fraction == "." { fraction = "" }
        return "\(date) \(clock(seconds))\(fraction) +0000 UTC"
    }

    /// RFC 3339 with nanoseconds, as docker's JSON inspect output shows times.
    static func rfc3339(_ t: SimTime) -> String {
        let (date, seconds, _) = split(t)
        let nanos = Int(t.nanoseconds % 1_000_000_000)
        return "\(date)T\(clock(seconds)).\(pad(nanos, 9))Z"
    }

    static func split(_ t: SimTime) -> (date: String, secondsOfDay: Int, millis: Int) {
        let totalSeconds = t.nanoseconds / 1_000_000_000
        let days = totalSeconds / 86_400 + epochDays
        let (y, m, d) = civil(fromDays: days)
        return ("\(y)-\(pad(m, 2))-\(pad(d, 2))", Int(totalSeconds % 86_400), Int(t.nanoseconds / 1_000_000 % 1_000))
    }

    static func clock(_ s: Int) -> String { "\(pad(s / 3600, 2)):\(pad(s / 60 % 60, 2)):\(pad(s % 60, 2))" }

    static func pad(_ v: Int, _ width: Int) -> String {
        let s = String(v)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }

    /// Howard Hinnant's civil_from_days.
    static func civil(fromDays z0: Int64) -> (Int, Int, Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (Int(yoe + era * 400 + (m <= 2 ? 1 : 0)), Int(m), Int(d))
    }

    /// go-units HumanDuration: "Less than a second", "8 seconds", "About a minute", …
    static func humanDuration(_ d: SimDuration) -> String {
        let seconds = d.nanoseconds / 1_000_000_000
        if seconds < 1 { return "Less than a second" }
        if seconds == 1 { return "1 second" }
        if seconds < 60 { return "\(seconds) seconds" }
        let minutes = seconds / 60
        if minutes == 1 { return "About a minute" }
        if minutes < 60 { return "\(minutes) minutes" }
        let hours = Int64((Double(d.nanoseconds) / 3.6e12).rounded())
        if hours == 1 { return "About an hour" }
        if hours < 48 { return "\(hours) hours" }
        if hours < 24 * 7 * 2 { return "\(hours / 24) days" }
        if hours < 24 * 30 * 2 { return "\(hours / 24 / 7) weeks" }
        if hours < 24 * 365 * 2 { return "\(hours / 24 / 30) months" }
        return "\(seconds / 3_600 / 24 / 365) years"
    }
}
