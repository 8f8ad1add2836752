import SimCore

/// The report's step-through: one panel per statement (its caption, the statement, its output,
/// and the `show cluster` picture recorded as it ended), a scrubber, and the managers on a ring
/// (`RingView`) replaying the Raft messages of the statement's window. Every panel is in the
/// page; the script shows one and marks it `current` (`#step=N` opens at statement N).
struct StepView {
    let timeline: Timeline
    let chart: TimelineChart
    let strings: ReportStrings

    var html: String {
        let n = timeline.statements.count
        guard n > 0 else { return "" }
        var s = "<section class=\"stepper\" id=\"stepper\">\n"
        s += "<div class=\"controls\"><button type=\"button\" id=\"prev\" aria-label=\"\(strings.previous)\">◀</button>"
        s += "<input type=\"range\" id=\"scrub\" min=\"1\" max=\"\(n)\" value=\"1\" aria-label=\"\(strings.step)\">"
        s += "<button type=\"button\" id=\"next\" aria-label=\"\(strings.next)\">▶</button>"
        s += "<span id=\"step-label\" data-word=\"\(Markup.escape(strings.step))\" data-of=\"\(Markup.escape(strings.of))\">\(Markup.escape(strings.step)) 1 \(Markup.escape(strings.of)) \(n)</span></div>\n"
        s += "<div class=\"step-body\">\n<div class=\"steps\">\n"
        for i in timeline.statements.indices { s += panel(i) }
        s += "</div>\n" + RingView(timeline: timeline, strings: strings).svg + "</div>\n"
        s += "</section>\n"
        return s
    }

    /// Statement `i`'s panel (hidden until the script shows it; the first is shown without one).
    func panel(_ i: Int) -> String {
        let m = timeline.statements[i]
        let x = chart.scale.x(m.time)
        var s = "<div class=\"step\(i == 0 ? " current" : "")\" id=\"step-\(i + 1)\" data-x=\"\(Markup.number(x))\"\(i == 0 ? "" : " hidden")>\n"
        if let c = caption(at: i) {
            s += "<p class=\"caption\(c.now ? " now" : "")\">\(Markup.escape(c.text))</p>\n"
        }
        s += "<p class=\"stmt\"><span class=\"when\">\(m.time)</span> <span class=\"where\">\(Markup.escape(strings.line)) \(m.line)</span> "
        s += "<code class=\"\(TimelineChart.markClass(m))\">\(Markup.escape(m.text))</code></p>\n"
        if !m.output.isEmpty, m.kind != .narration, m.output != m.picture {
            s += "<pre class=\"output\">\(Markup.escape(m.output))</pre>\n"
        }
        if !m.picture.isEmpty { s += "<pre class=\"picture\">\(Markup.escape(m.picture))</pre>\n" }
        return s + "</div>\n"
    }

    /// The narration in force at statement `i`: the last `say` at or before it.
    func caption(at i: Int) -> (text: String, now: Bool)? {
        guard let k = timeline.statements[...i].lastIndex(where: { $0.kind == .narration }) else { return nil }
        return (TimelineChart.caption(of: timeline.statements[k]), k == i)
    }

    /// The window of statement `i`: from its start to the next statement's (or the run's end).
    static func window(_ i: Int, in t: Timeline) -> (start: SimTime, end: SimTime) {
        let start = t.statements[i].time
        let end = i + 1 < t.statements.count ? t.statements[i + 1].time : t.end
        return (start, max(end, start))
    }
}
