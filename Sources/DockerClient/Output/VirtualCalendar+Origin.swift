import SimCore

/// The calendar of a served swarm (`swarmsim serve`): virtual time zero is a given instant, so
/// that a real docker client, which compares timestamps with its own clock, says "2 minutes
/// ago" when two virtual minutes have passed. The origin is an input, never read from a clock
/// here.
package struct ServedCalendar: Sendable, Equatable {
    /// Nanoseconds from 1970-01-01 UTC to virtual time zero.
    package var originUnixNanoseconds: Int64

    package init(originUnixNanoseconds: Int64) { self.originUnixNanoseconds = originUnixNanoseconds }

    /// The calendar of every scenario run: virtual zero is 2026-01-01 00:00:00 UTC.
    package static let scenario = ServedCalendar(originUnixNanoseconds: VirtualCalendar.epochDays * 86_400 * 1_000_000_000)

    /// Nanoseconds since 1970 of virtual time `t`.
    package func unixNanoseconds(_ t: SimTime) -> Int64 { originUnixNanoseconds &+ t.nanoseconds }

    /// Seconds since 1970 of virtual time `t` (the `Created` of a container list).
    package func unixSeconds(_ t: SimTime) -> Int64 { unixNanoseconds(t) / 1_000_000_000 }

    /// RFC 3339 with nanoseconds, as the Engine API writes times: `2026-12-02T08:14:48.123456789Z`.
    package func rfc3339(_ t: SimTime) -> String {
        let shifted = unixNanoseconds(t) - VirtualCalendar.epochDays * 86_400 * 1_000_000_000
        // Before 2026 (a clock set back): the scenario calendar's arithmetic still holds for
        // days counted from 1970, so shift through days rather than refuse.
        let days = shifted >= 0 ? shifted / 86_400_000_000_000 : (shifted - 86_399_999_999_999) / 86_400_000_000_000
        let within = shifted - days * 86_400_000_000_000
        let (y, m, d) = VirtualCalendar.civil(fromDays: days + VirtualCalendar.epochDays)
        let seconds = Int(within / 1_000_000_000)
        let nanos = Int(within % 1_000_000_000)
        return "\(y)-\(VirtualCalendar.pad(m, 2))-\(VirtualCalendar.pad(d, 2))T\(VirtualCalendar.clock(seconds)).\(VirtualCalendar.pad(nanos, 9))Z"
    }

    /// go-units HumanDuration of `d`: "Less than a second", "8 seconds", "About a minute", …
    package static func humanDuration(_ d: SimDuration) -> String { VirtualCalendar.humanDuration(d) }
}
