import SimCore
import Orchestration

/// A `Timeline` drawn as SVG: narration captions, a row of statement markers, a network row
/// (partitions and cuts), a leader row, the quorum of each partition side, rows for services,
/// their task slots and routing-mesh requests when there are any, then a lane per host — its
/// role as a colour band, its node status as a strip under it, term changes, crashes and
/// restarts. Partition sides tint the host lanes; faults draw a dashed line
/// down the chart; a failed expectation a red one. Every shape has a `<title>`: hover to read.
///
/// Two SVGs of the same height: the row labels, and the chart itself, which the page lets
/// scroll sideways under the fixed labels. Lanes have a fixed height, so 20 hosts stay legible.
struct TimelineChart {
    let timeline: Timeline
    let scale: TimeScale
    let strings: ReportStrings
    private(set) var rows: [Row] = []
    private(set) var height = 0.0
    /// Narration captions: which caption row each goes in, and how much of its text fits.
    private(set) var captions: [Caption] = []

    struct Row {
        enum Kind: Equatable { case captions(Int), script, network, leader, quorum(Int), host(Int), service(Int), task(Int), requests }
        var kind: Kind
        var label: String
        var y: Double
        var height: Double
    }

    // MARK: Geometry

    static let labelWidth = 160.0
    static let rightPadding = 24.0
    static let axisHeight = 34.0
    static let scriptHeight = 32.0
    static let bandRowHeight = 26.0
    static let laneHeight = 34.0
    static let gap = 10.0
    /// Pixels a character of 14 px text takes, about (wide characters take two).
    static let charWidth = 8.0
    /// The colour band within a host lane, and the status strip under it.
    static let bandTop = 4.0, bandHeight = 20.0, stripTop = 26.0, stripHeight = 5.0

    init(timeline: Timeline, strings: ReportStrings = .english) {
        self.timeline = timeline
        self.strings = strings
        scale = TimeScale(end: timeline.end)
        captions = Self.placeCaptions(timeline, scale)
        var y = Self.axisHeight
        func add(_ kind: Row.Kind, _ label: String, _ h: Double) {
            rows.append(Row(kind: kind, label: label, y: y, height: h))
            y += h
        }
        let captionRows = (captions.map(\.row).max() ?? -1) + 1
        for r in 0..<captionRows { add(.captions(r), r == 0 ? strings.captions : "", Self.bandRowHeight) }
        add(.script, strings.statements, Self.scriptHeight)
        add(.network, strings.network, Self.bandRowHeight)
        add(.leader, strings.leader, Self.bandRowHeight)
        let sides = timeline.quorum.changes.map(\.value.count).max() ?? 0
        for k in 0..<sides { add(.quorum(k), sides == 1 ? strings.quorum : "\(strings.quorumSide) \(k + 1)", Self.bandRowHeight) }
        // Services, their task slots and the requests come before the hosts: a lesson about
        // them shows them above the fold of a projected page.
        if !timeline.services.isEmpty {
            y += Self.gap
            for (i, s) in timeline.services.enumerated() {
                add(.service(i), s.name, Self.bandRowHeight + 2)
                let slots = timeline.tasks.indices.filter { timeline.tasks[$0].service == s.name }
                for k in slots.sorted(by: { Self.slotLess(timeline.tasks[$0].name, timeline.tasks[$1].name) }) {
                    add(.task(k), timeline.tasks[k].name, Self.bandRowHeight)
                }
            }
        }
        if !timeline.requests.isEmpty {
            y += Self.gap
            add(.requests, strings.requests, Self.laneHeight)
        }
        y += Self.gap
        for (i, lane) in timeline.lanes.enumerated() { add(.host(i), lane.name, Self.laneHeight) }
        height = y + 8
    }

    var width: Double { scale.width + Self.rightPadding }

    func row(_ kind: Row.Kind) -> Row? { rows.first { $0.kind == kind } }

    // MARK: Labels

    /// The fixed column of row names.
    var labelsSVG: String {
        var c = SVGCanvas()
        for row in rows {
            let cls: String = switch row.kind {
            case .host: "label host"
            case .service: "label service"
            case .task: "label task"
            default: "label section"
            }
            c.text(row.label, x: Self.labelWidth - 12, y: row.y + row.height / 2 + 4, class: cls, anchor: "end")
        }
        return "<svg class=\"labels\" xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Markup.number(Self.labelWidth))\" height=\"\(Markup.number(height))\" aria-hidden=\"true\">\(c.body)</svg>"
    }

    // MARK: Chart

    var chartSVG: String {
        var c = SVGCanvas()
        c.raw("<defs><pattern id=\"crash-hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" class=\"hatch-bg\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" class=\"hatch-line\"/></pattern></defs>")
        drawBackgrounds(&c)
        drawAxis(&c)
        drawNetwork(&c)
        drawLeader(&c)
        for (i, _) in timeline.lanes.enumerated() { drawLane(i, &c) }
        for (i, _) in timeline.services.enumerated() { drawService(i, &c) }
        for (i, _) in timeline.tasks.enumerated() { drawTask(i, &c) }
        drawQuorum(&c)
        drawRequests(&c)
        drawGuides(&c)
        drawStatements(&c)
        drawCaptions(&c)
        c.line(x1: 0, y1: Self.axisHeight, x2: 0, y2: height - 8, class: "cursor", extra: " id=\"cursor\"")
        let label = tips.chartLabel(timeline.title, hosts: timeline.lanes.count, over: TimeScale.spoken(timeline.end.sinceStart))
        return "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Markup.number(width))\" height=\"\(Markup.number(height))\" role=\"img\" aria-label=\"\(Markup.escape(label))\">\(c.body)</svg>"
    }

    var tips: ReportTooltips { strings.tooltips }

    func span(_ start: SimTime, _ end: SimTime) -> String {
        "\(start)–\(end) (\(TimeScale.spoken(end - start)))"
    }

    private func drawBackgrounds(_ c: inout SVGCanvas) {
        for row in rows {
            if case .host(let i) = row.kind {
                c.rect(x: 0, y: row.y, width: scale.width, height: row.height, class: i % 2 == 0 ? "lane-bg" : "lane-bg alt")
                for run in DrawnSpan.runs(timeline.lanes[i].side.intervals(until: timeline.end), scale: scale) where run.value > 0 {
                    c.rect(x: run.x0, y: row.y, width: run.width, height: row.height, class: "side-\((run.value - 1) % 4 + 1)",
                           title: tips.onSide(timeline.lanes[i].name, run.value, span(run.start, run.end)))
                }
            }
        }
    }

    private func drawAxis(_ c: inout SVGCanvas) {
        let step = scale.tickStep
        for t in scale.ticks {
            let x = scale.x(t)
            c.line(x1: x, y1: Self.axisHeight - 6, x2: x, y2: height - 8, class: "grid")
            c.text(TimeScale.label(t, step: step), x: x + 3, y: Self.axisHeight - 10, class: "tick")
        }
        c.line(x1: 0, y1: Self.axisHeight - 0.5, x2: scale.width, y2: Self.axisHeight - 0.5, class: "axis")
    }

    private func drawNetwork(_ c: inout SVGCanvas) {
        guard let row = row(.network) else { return }
        for run in DrawnSpan.runs(timeline.network.intervals(until: timeline.end), scale: scale) where !run.value.isWhole {
            c.rect(x: run.x0, y: row.y + 3, width: run.width, height: row.height - 6, class: "net-split",
                   title: tips.network(run.value.description, isPartition: !run.value.groups.isEmpty, span(run.start, run.end)))
            fitText(run.value.description, run, y: row.y + row.height / 2 + 4, class: "band-text dark", &c)
        }
    }

    private func drawLeader(_ c: inout SVGCanvas) {
        guard let row = row(.leader) else { return }
        for run in DrawnSpan.runs(timeline.leader.intervals(until: timeline.end), scale: scale) {
            let text = run.value.map { "\($0.host) · \(strings.term) \($0.term)" } ?? strings.noLeader
            c.rect(x: run.x0, y: row.y + 3, width: run.width, height: row.height - 6, class: run.value == nil ? "ld-none" : "ld-some",
                   title: tips.leader(run.value?.host, term: run.value?.term ?? 0, span(run.start, run.end)))
            fitText(text, run, y: row.y + row.height / 2 + 4, class: run.value == nil ? "band-text bad" : "band-text good", &c)
        }
    }

    /// Writes `text` at the start of `run` when it fits inside.
    func fitText<V>(_ text: String, _ run: DrawnSpan<V>, y: Double, class cls: String, _ c: inout SVGCanvas) {
        if Self.textWidth(text) + 8 <= run.width { c.text(text, x: run.x0 + 4, y: y, class: cls) }
    }

    // MARK: Host lanes

    private func drawLane(_ i: Int, _ c: inout SVGCanvas) {
        guard let row = row(.host(i)) else { return }
        let lane = timeline.lanes[i]
        let terms = lane.term
        for run in DrawnSpan.runs(lane.phase.intervals(until: timeline.end), scale: scale) where run.value != .outside {
            let title = tips.phase(lane.name, run.value, term: Self.isManager(run.value) ? terms.value(at: run.start) : nil,
                                   span(run.start, run.end), merged: run.mixed)
            c.rect(x: run.x0, y: row.y + Self.bandTop, width: run.width, height: Self.bandHeight, class: "ph-\(run.value.rawValue)", title: title)
        }
        for run in DrawnSpan.runs(lane.status.intervals(until: timeline.end), scale: scale) {
            guard let state = run.value else { continue }
            c.rect(x: run.x0, y: row.y + Self.stripTop, width: run.width, height: Self.stripHeight, class: "st-\(state.rawValue)",
                   title: tips.nodeStatus(lane.name, state.display, span(run.start, run.end)))
        }
        // Term changes and task counts, labelled where there is room.
        var labels: [(SimTime, String, String)] = []
        for change in terms.changes where change.value > 0 && Self.isManager(lane.phase.value(at: change.time)) {
            // The label sits a few pixels into the band: take its colour from what is drawn there
            // (a term starts with a candidacy that may last a millisecond before the leader band).
            let under = lane.phase.value(at: change.time + .seconds(exactly: 8 / scale.pixelsPerSecond))
            labels.append((change.time, "t\(change.value)", under == .leader ? "term on-dark" : "term"))
        }
        for change in lane.tasks.changes { if let n = change.value { labels.append((change.time, "\(n)▪", "tasks")) } }
        labels.sort { $0.0 < $1.0 }
        var lastX = -Double.infinity
        for (t, text, cls) in labels {
            let x = scale.x(t)
            guard x - lastX >= 34 else { continue }
            c.text(text, x: x + 6, y: row.y + Self.bandTop + 15, class: cls)
            lastX = x
        }
        for e in timeline.events where e.lane == i { drawEvent(e, lane.name, row, &c) }
    }

    static func isManager(_ p: HostPhase) -> Bool {
        switch p {
        case .follower, .preCandidate, .candidate, .leader: true
        case .outside, .worker, .crashed: false
        }
    }

    private func drawEvent(_ e: HostEvent, _ name: String, _ row: Row, _ c: inout SVGCanvas) {
        let x = scale.x(e.time), y = row.y + Self.bandTop + Self.bandHeight / 2
        switch e.kind {
        case .crashed:
            c.group(class: "ev-crash", title: tips.crashed(name, at: e.time)) { g in
                g.line(x1: x - 4, y1: y - 4, x2: x + 4, y2: y + 4, class: "ev-stroke")
                g.line(x1: x - 4, y1: y + 4, x2: x + 4, y2: y - 4, class: "ev-stroke")
            }
        case .restarted:
            c.polygon([(x - 4.5, y + 4), (x + 4.5, y + 4), (x, y - 5)], class: "ev-restart", title: tips.restarted(name, at: e.time))
        case .joined(let role):
            c.circle(cx: x, cy: y, r: 3, class: "ev-join", title: tips.joined(name, as: role.rawValue, at: e.time))
        case .left:
            c.circle(cx: x, cy: y, r: 3, class: "ev-leave", title: tips.left(name, at: e.time))
        }
    }

    // MARK: Services and requests

    private func drawService(_ i: Int, _ c: inout SVGCanvas) {
        guard let row = row(.service(i)) else { return }
        let s = timeline.services[i]
        let counts = Self.zip(s.running, s.desired)
        for run in DrawnSpan.runs(counts.intervals(until: timeline.end), scale: scale) {
            let (running, desired) = (run.value.running, run.value.desired)
            let cls = desired == 0 ? "svc-none" : running >= desired ? "svc-full" : running == 0 ? "svc-zero" : "svc-part"
            c.rect(x: run.x0, y: row.y + 3, width: run.width, height: row.height - 6, class: cls,
                   title: tips.service(s.name, running: running, desired: desired, span(run.start, run.end)))
            fitText("\(running)/\(desired)", run, y: row.y + row.height / 2 + 4, class: "band-text dark", &c)
        }
    }

    struct ServiceCount: Equatable, Sendable { var running: Int; var desired: Int }

    /// Two step functions as one of pairs.
    static func zip(_ running: StepFunction<Int>, _ desired: StepFunction<Int>) -> StepFunction<ServiceCount> {
        var result = StepFunction(ServiceCount(running: running.initial, desired: desired.initial))
        var times = (running.changes.map(\.time) + desired.changes.map(\.time)).sorted()
        times = times.enumerated().filter { $0.offset == 0 || times[$0.offset - 1] != $0.element }.map(\.element)
        for t in times { result.set(ServiceCount(running: running.value(at: t), desired: desired.value(at: t)), at: t) }
        return result
    }

    private func drawRequests(_ c: inout SVGCanvas) {
        guard let row = row(.requests), !timeline.requests.isEmpty else { return }
        // Columns 6 px wide: answered in green, failed in red on top, heights by count.
        var columns: [(x: Int, ok: Int, failed: Int, start: SimTime, end: SimTime)] = []
        for r in timeline.requests {
            let x = Int(scale.x(r.time) / 6)
            if let last = columns.last, last.x == x {
                columns[columns.count - 1].ok += r.answeredBy == nil ? 0 : 1
                columns[columns.count - 1].failed += r.answeredBy == nil ? 1 : 0
                columns[columns.count - 1].end = r.time
            } else {
                columns.append((x, r.answeredBy == nil ? 0 : 1, r.answeredBy == nil ? 1 : 0, r.time, r.time))
            }
        }
        let most = Double(columns.map { $0.ok + $0.failed }.max() ?? 1)
        let full = row.height - 6
        for col in columns {
            let total = col.ok + col.failed
            let h = max(2, full * Double(total) / most)
            let failedH = h * Double(col.failed) / Double(total)
            let bottom = row.y + row.height - 3
            c.group(class: "req", title: tips.requests(total, at: col.start, answered: col.ok, failed: col.failed)) { g in
                if col.ok > 0 { g.rect(x: Double(col.x * 6), y: bottom - h, width: 5, height: h - failedH, class: "req-ok") }
                if col.failed > 0 { g.rect(x: Double(col.x * 6), y: bottom - failedH, width: 5, height: failedH, class: "req-failed") }
            }
        }
    }

    // MARK: Statements

    /// Dashed lines down the chart at each fault, a red one at each failure.
    private func drawGuides(_ c: inout SVGCanvas) {
        let top = Self.axisHeight + Self.scriptHeight
        for s in timeline.statements {
            let x = scale.x(s.time)
            switch s.outcome {
            case .failed, .error:
                let xe = scale.x(s.end)
                c.line(x1: xe, y1: top, x2: xe, y2: height - 8, class: "guide-failed", title: describe(s))
            case .ok:
                if s.kind == .fault { c.line(x1: x, y1: top, x2: x, y2: height - 8, class: "guide", title: describe(s)) }
            }
        }
    }

    /// Markers closer than 10 px share one: the most telling kind is drawn, its tooltip lists
    /// every statement.
    private func drawStatements(_ c: inout SVGCanvas) {
        guard let row = row(.script) else { return }
        let marks = timeline.statements.filter { $0.kind != .other }
        var groups: [[StatementMark]] = []
        for m in marks {
            if let first = groups.last?.first, scale.x(m.time) - scale.x(first.time) < 10 {
                groups[groups.count - 1].append(m)
            } else {
                groups.append([m])
            }
        }
        let cy = row.y + 12
        for m in marks where scale.x(m.end) - scale.x(m.time) >= 2 {
            c.rect(x: scale.x(m.time), y: row.y + 22, width: scale.x(m.end) - scale.x(m.time), height: 3,
                   class: "mk-span \(Self.markClass(m))", title: "\(m.text): \(TimeScale.spoken(m.end - m.time))")
        }
        for group in groups {
            let lead = group.max { Self.rank($0) < Self.rank($1) } ?? group[0]
            let x = scale.x(group[0].time)
            let title = group.count == 1 ? describe(lead, withOutput: true) : group.map { describe($0) }.joined(separator: "\n")
            c.group(class: "mk \(Self.markClass(lead))", title: title) { g in
                switch lead.kind {
                case .fault: g.polygon([(x, cy - 6), (x + 6, cy), (x, cy + 6), (x - 6, cy)], class: "mk-shape")
                case .check: g.polygon([(x - 6, cy + 5), (x + 6, cy + 5), (x, cy - 6)], class: "mk-shape")
                case .narration: g.circle(cx: x, cy: cy, r: 5, class: "mk-shape")
                case .show: g.rect(x: x - 5, y: cy - 5, width: 10, height: 10, class: "mk-shape")
                case .docker, .other: g.rect(x: x - 3.5, y: cy - 3.5, width: 7, height: 7, class: "mk-shape")
                }
                if group.count > 1 { g.text("\(group.count)", x: x + 7, y: cy + 4, class: "mk-count") }
            }
        }
    }

    /// Which marker wins a shared spot: failures first, then faults, checks, narration.
    static func rank(_ m: StatementMark) -> Int {
        if m.outcome != .ok { return 10 }
        switch m.kind {
        case .fault: return 5
        case .check: return 4
        case .narration: return 3
        case .show: return 2
        case .docker: return 1
        case .other: return 0
        }
    }

    static func markClass(_ m: StatementMark) -> String {
        m.outcome == .ok ? "mk-\(m.kind.rawValue)" : "mk-failed"
    }

    /// `[16.701s] line 12: show cluster`, the outcome, and (for a lone marker) the output.
    func describe(_ m: StatementMark, withOutput: Bool = false) -> String {
        var s = tips.statement(at: m.time, line: m.line, m.text)
        switch m.outcome {
        case .ok: break
        case .failed(let seen): s += "\n" + tips.expectationFailed(at: m.end, seen: seen)
        case .error(let message): s += "\n" + tips.error(message)
        }
        if withOutput, !m.output.isEmpty {
            let lines = m.output.split(separator: "\n", omittingEmptySubsequences: false)
            s += "\n" + lines.prefix(16).joined(separator: "\n")
            if lines.count > 17 { s += "\n…" }
        }
        return s
    }
}
