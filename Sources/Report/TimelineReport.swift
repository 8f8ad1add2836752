import SimCore

/// The HTML report of a run (`swarmsim run --report FILE.html`, `report FILE.html` in the
/// shell): one self-contained page — inline CSS, inline SVG, no script, nothing fetched — with
/// a headline, a legend, the timeline chart and the statements with their output.
///
/// The page is a pure function of the timeline: the same run gives the same bytes.
public enum TimelineReport {
    public static func html(_ timeline: Timeline) -> String {
        let chart = TimelineChart(timeline: timeline)
        var page = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="generator" content="swarmsim \(SimCore.version)">
            <title>\(Markup.escape(timeline.title)) · swarmsim report</title>
            <style>\(css)</style>
            </head>
            <body>

            """
        page += header(timeline)
        page += legend
        page += "<div class=\"chart-frame\">\(chart.labelsSVG)<div class=\"scroll\">\(chart.chartSVG)</div></div>\n"
        page += "<p class=\"hint\">Hover a band or a marker to read it; a long run scrolls sideways. Times are virtual: seconds since the run began.</p>\n"
        page += transcript(timeline)
        page += "<footer>swarmsim \(SimCore.version) · the same scenario and seed give the same run and the same report: <code>swarmsim run \(Markup.escape(timeline.title)) --seed \(timeline.seed) --report out.html</code></footer>\n"
        page += "</body>\n</html>\n"
        return page
    }

    // MARK: Parts

    static func header(_ t: Timeline) -> String {
        let shown = t.statements.filter { $0.kind != .other }.count
        var s = "<header>\n<div class=\"kicker\">swarmsim report</div>\n<h1>\(Markup.escape(t.title))</h1>\n"
        s += "<p class=\"meta\">seed \(t.seed) · \(TimeScale.spoken(t.end.sinceStart)) of virtual time · \(t.lanes.count) host\(t.lanes.count == 1 ? "" : "s") · \(shown) statement\(shown == 1 ? "" : "s")</p>\n"
        let problems = t.statements.filter { $0.outcome != .ok }
        if let first = problems.first {
            let what: String = switch first.outcome {
            case .failed(let seen): "expectation failed at \(first.end): <code>\(Markup.escape(first.text))</code> — seen: \(Markup.escape(seen))"
            case .error(let message): "error: <code>\(Markup.escape(first.text))</code> — \(Markup.escape(message))"
            case .ok: ""
            }
            let more = problems.count > 1 ? " (and \(problems.count - 1) more)" : ""
            s += "<p class=\"verdict bad\">✗ line \(first.line): \(what)\(more)</p>\n"
        } else if t.statements.contains(where: { $0.kind == .check }) {
            s += "<p class=\"verdict ok\">✔ every expectation held</p>\n"
        }
        return s + "</header>\n"
    }

    static let legend: String = {
        func swatch(_ cls: String, _ text: String) -> String { "<span class=\"item\"><span class=\"sw \(cls)\"></span>\(text)</span>" }
        func glyph(_ cls: String, _ g: String, _ text: String) -> String { "<span class=\"item\"><span class=\"gl \(cls)\">\(g)</span>\(text)</span>" }
        var s = "<section class=\"legend\">\n"
        s += "<div><b>role</b>" + swatch("ph-leader", "leader") + swatch("ph-follower", "follower") + swatch("ph-candidate", "candidate")
            + swatch("ph-pre-candidate", "pre-candidate") + swatch("ph-worker", "worker") + swatch("ph-crashed", "crashed") + "</div>\n"
        s += "<div><b>node status</b>" + swatch("st st-ready", "Ready") + swatch("st st-unknown", "Unknown") + swatch("st st-down", "Down")
            + swatch("st st-disconnected", "Disconnected") + "</div>\n"
        s += "<div><b>network</b>" + swatch("net-split", "partition or cut") + swatch("side-1", "side 1") + swatch("side-2", "side 2")
            + swatch("side-3", "side 3") + "</div>\n"
        s += "<div><b>statements</b>" + glyph("mk-fault", "◆", "fault") + glyph("mk-check", "▲", "expect / wait / measure")
            + glyph("mk-narration", "●", "say") + glyph("mk-show", "■", "show") + glyph("mk-docker", "▪", "docker")
            + glyph("mk-failed", "▲", "failed") + "<span class=\"item\"><span class=\"gl ev\">✕</span>crash</span>"
            + "<span class=\"item\"><span class=\"gl ev-r\">▲</span>restart</span>"
            + "<span class=\"item\"><span class=\"gl term-gl\">t3</span>term change</span></div>\n"
        return s + "</section>\n"
    }()

    static func transcript(_ t: Timeline) -> String {
        var s = "<section class=\"transcript\">\n<h2>Statements</h2>\n<table>\n<thead><tr><th>time</th><th>line</th><th>statement and output</th></tr></thead>\n<tbody>\n"
        for m in t.statements {
            let cls = m.outcome == .ok ? m.kind.rawValue : "failed"
            s += "<tr class=\"\(cls)\"><td class=\"time\">\(m.time)</td><td class=\"line\">\(m.line)</td><td><code>\(Markup.escape(m.text))</code>"
            if !m.output.isEmpty {
                let lines = m.output.split(separator: "\n", omittingEmptySubsequences: true).count
                if lines > 8 {
                    s += "<details><summary>\(lines) lines of output</summary><pre>\(Markup.escape(m.output))</pre></details>"
                } else {
                    s += "<pre>\(Markup.escape(m.output))</pre>"
                }
            }
            switch m.outcome {
            case .ok: break
            case .failed(let seen): s += "<div class=\"problem\">✗ expectation failed at \(m.end); seen: \(Markup.escape(seen))</div>"
            case .error(let message): s += "<div class=\"problem\">✗ \(Markup.escape(message))</div>"
            }
            s += "</td></tr>\n"
        }
        return s + "</tbody>\n</table>\n</section>\n"
    }

    // MARK: Style

    static let css = """

        :root { --ink:#1f2328; --muted:#656d76; --line:#d0d7de; --bg:#ffffff; --panel:#f6f8fa;
          --leader:#1a7f37; --follower:#5b9bd5; --candidate:#e39b00; --precandidate:#f2cf6b; --worker:#a3afbc;
          --ready:#2da44e; --down:#cf222e; --unknown:#d4a72c; --disconnected:#8250df; --fault:#d9480f; }
        * { box-sizing: border-box; }
        body { margin: 0; padding: 24px 32px 40px; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: var(--bg); }
        code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "DejaVu Sans Mono", monospace; font-size: 12.5px; }
        header { margin-bottom: 14px; }
        .kicker { text-transform: uppercase; letter-spacing: .08em; font-size: 11px; color: var(--muted); font-weight: 600; }
        h1 { margin: 2px 0 4px; font-size: 24px; }
        h2 { font-size: 17px; margin: 28px 0 8px; }
        .meta { margin: 0; color: var(--muted); }
        .verdict { margin: 8px 0 0; padding: 6px 10px; border-radius: 6px; display: inline-block; }
        .verdict.ok { background: #dafbe1; color: #116329; }
        .verdict.bad { background: #ffebe9; color: #a40e26; }
        .legend { display: flex; flex-wrap: wrap; gap: 6px 26px; padding: 10px 14px; background: var(--panel); border: 1px solid var(--line); border-radius: 8px; margin-bottom: 12px; font-size: 12.5px; }
        .legend div { display: flex; align-items: center; flex-wrap: wrap; gap: 4px 12px; }
        .legend b { color: var(--muted); font-weight: 600; margin-right: 2px; }
        .legend .item { display: inline-flex; align-items: center; gap: 5px; }
        .sw { display: inline-block; width: 22px; height: 12px; border-radius: 2px; border: 1px solid #0000001a; }
        .sw.st { height: 5px; }
        .gl { font-size: 13px; width: 14px; text-align: center; }
        .chart-frame { display: flex; border: 1px solid var(--line); border-radius: 8px; background: #fff; overflow: hidden; }
        .chart-frame .labels { flex: none; border-right: 1px solid var(--line); background: #fff; }
        .scroll { overflow-x: auto; flex: 1; }
        svg.chart { display: block; }
        svg text { font: 11px system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
        .label.section { fill: var(--muted); font-size: 10.5px; text-transform: uppercase; letter-spacing: .06em; }
        .label.host, .label.service { fill: var(--ink); font-weight: 600; font-size: 12px; }
        .tick { fill: var(--muted); font-size: 10.5px; }
        .axis { stroke: var(--line); stroke-width: 1; }
        .grid { stroke: #eef1f4; stroke-width: 1; }
        .lane-bg { fill: #ffffff; } .lane-bg.alt { fill: #fafbfc; }
        .side-1 { fill: #d6e6fb; } .side-2 { fill: #fad6d9; } .side-3 { fill: #d3f0dc; } .side-4 { fill: #f7e8bd; }
        .ph-leader { fill: var(--leader); } .ph-follower { fill: var(--follower); } .ph-candidate { fill: var(--candidate); }
        .ph-pre-candidate { fill: var(--precandidate); } .ph-worker { fill: var(--worker); } .ph-crashed { fill: url(#crash-hatch); }
        .hatch-bg { fill: #fde4e2; } .hatch-line { stroke: #d1453b; stroke-width: 2.2; }
        span.ph-crashed { background: repeating-linear-gradient(45deg, #fde4e2 0 3px, #d1453b 3px 5px); }
        span.ph-leader { background: var(--leader); } span.ph-follower { background: var(--follower); } span.ph-candidate { background: var(--candidate); }
        span.ph-pre-candidate { background: var(--precandidate); } span.ph-worker { background: var(--worker); }
        .st-ready { fill: var(--ready); } .st-down { fill: var(--down); } .st-unknown { fill: var(--unknown); } .st-disconnected { fill: var(--disconnected); }
        span.st-ready { background: var(--ready); } span.st-down { background: var(--down); } span.st-unknown { background: var(--unknown); } span.st-disconnected { background: var(--disconnected); }
        .net-split { fill: #f8dcc2; stroke: #e8a66f; stroke-width: 1; } span.net-split { background: #f8dcc2; border-color: #e8a66f; }
        span.side-1 { background: #d6e6fb; } span.side-2 { background: #fad6d9; } span.side-3 { background: #d3f0dc; }
        .ld-some { fill: #d8f0de; } .ld-none { fill: #fde3e1; }
        .band-text { font-size: 11px; font-weight: 600; } .band-text.good { fill: #116329; } .band-text.bad { fill: #a40e26; } .band-text.dark { fill: #6b3a12; }
        .term { fill: #0b2545; font-size: 10px; font-weight: 600; } .term.on-dark { fill: #ffffff; }
        .tasks { fill: #3b1f63; font-size: 10px; font-weight: 700; }
        .ev-stroke { stroke: #b42318; stroke-width: 2.4; stroke-linecap: round; }
        .ev-restart { fill: #1a7f37; stroke: #fff; stroke-width: 1; }
        .ev-join { fill: #24292f; stroke: #fff; stroke-width: 1; } .ev-leave { fill: #fff; stroke: #24292f; stroke-width: 1.5; }
        .guide { stroke: var(--fault); stroke-width: 1; stroke-dasharray: 4 3; opacity: .55; }
        .guide-failed { stroke: #cf222e; stroke-width: 2; }
        .mk .mk-shape { stroke: #fff; stroke-width: 1; }
        .mk-narration .mk-shape, .mk-span.mk-narration { fill: #4f6bed; } .gl.mk-narration { color: #4f6bed; }
        .mk-fault .mk-shape, .mk-span.mk-fault { fill: var(--fault); } .gl.mk-fault { color: var(--fault); }
        .mk-check .mk-shape, .mk-span.mk-check { fill: #1a7f37; } .gl.mk-check { color: #1a7f37; }
        .mk-show .mk-shape, .mk-span.mk-show { fill: #8250df; } .gl.mk-show { color: #8250df; }
        .mk-docker .mk-shape, .mk-span.mk-docker { fill: #57606a; } .gl.mk-docker { color: #57606a; }
        .mk-failed .mk-shape, .mk-span.mk-failed { fill: #cf222e; } .gl.mk-failed { color: #cf222e; }
        .mk-span { opacity: .45; }
        .mk-count { fill: var(--muted); font-size: 9.5px; }
        .gl.ev { color: #b42318; font-weight: 700; } .gl.ev-r { color: #1a7f37; } .gl.term-gl { color: #0b2545; font-size: 10px; font-weight: 600; width: auto; }
        .mk:hover .mk-shape, rect:hover { filter: brightness(.88); }
        .svc-full { fill: #cdebd5; } .svc-part { fill: #fbe7b5; } .svc-zero { fill: #fbd3d0; } .svc-none { fill: #eceff3; }
        .req-ok { fill: var(--ready); } .req-failed { fill: var(--down); }
        .hint { color: var(--muted); font-size: 12.5px; margin: 8px 2px 0; }
        .transcript table { border-collapse: collapse; width: 100%; }
        .transcript th { text-align: left; font-size: 11.5px; color: var(--muted); font-weight: 600; border-bottom: 1px solid var(--line); padding: 4px 8px; }
        .transcript td { vertical-align: top; padding: 4px 8px; border-bottom: 1px solid #eef1f4; }
        .transcript td.time { color: var(--muted); white-space: nowrap; font-variant-numeric: tabular-nums; }
        .transcript td.line { color: var(--muted); text-align: right; font-variant-numeric: tabular-nums; }
        .transcript pre { margin: 4px 0 2px; padding: 6px 8px; background: var(--panel); border-radius: 4px; overflow-x: auto; }
        .transcript tr.narration code { color: #3346c0; }
        .transcript tr.fault code { color: #b33a0a; font-weight: 600; }
        .transcript tr.failed { background: #fff5f4; }
        .transcript .problem { color: #a40e26; font-weight: 600; margin-top: 2px; }
        .transcript summary { cursor: pointer; color: var(--muted); font-size: 12px; }
        footer { margin-top: 26px; color: var(--muted); font-size: 12px; }

        """
}
