import SimCore
import ScenarioLanguage

/// The HTML report of a run (`swarmsim run --report FILE.html`, `report FILE.html` in the
/// shell): one self-contained page — inline CSS, SVG and script, nothing fetched — made to be
/// projected. The lesson's title; a step-through (`StepView`: each statement with the cluster
/// as it ended and the managers' messages on a ring, `#step=N` to open at statement N); the
/// timeline chart (`TimelineChart`) with narration captions, quorum per side, hosts, services,
/// task slots and requests; a legend; the statements with their output.
///
/// The page is a pure function of the timeline and the language: the same run gives the same
/// bytes.
public enum TimelineReport {
    public static func html(_ timeline: Timeline, language: Language = .en) -> String {
        let strings = language.reportStrings
        let chart = TimelineChart(timeline: timeline, strings: strings)
        var page = """
            <!DOCTYPE html>
            <html lang="\(language.rawValue)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="generator" content="swarmsim \(SimCore.version)">
            <title>\(Markup.escape(headline(timeline))) · swarmsim report</title>
            <style>\(ReportStyle.css)</style>
            </head>
            <body>

            """
        page += header(timeline, strings)
        page += StepView(timeline: timeline, chart: chart, strings: strings).html
        page += "<div class=\"chart-frame\">\(chart.labelsSVG)<div class=\"scroll\">\(chart.chartSVG)</div></div>\n"
        page += "<p class=\"hint\">\(Markup.escape(strings.stepHint)) \(Markup.escape(strings.chartHint))</p>\n"
        page += legend(strings)
        page += transcript(timeline)
        page += "<footer>swarmsim \(SimCore.version) · the same scenario and seed give the same run and the same report: <code>swarmsim run \(Markup.escape(timeline.title)) --seed \(timeline.seed) --report out.html</code></footer>\n"
        page += "<script>\(StepScript.javascript)</script>\n"
        page += "</body>\n</html>\n"
        return page
    }

    /// The lesson's title, else the file's name without its directory.
    static func headline(_ t: Timeline) -> String {
        if let h = t.heading, !h.isEmpty { return h }
        return t.title.split(separator: "/").last.map(String.init) ?? t.title
    }

    // MARK: Parts

    static func header(_ t: Timeline, _ w: ReportStrings) -> String {
        var s = "<header>\n<div class=\"kicker\">\(Markup.escape(w.kicker)) · \(Markup.escape(t.title))</div>\n<h1>\(Markup.escape(headline(t)))</h1>\n"
        s += "<p class=\"meta\">\(w.seed) \(t.seed) · \(TimeScale.spoken(t.end.sinceStart)) \(Markup.escape(w.virtualTime)) · \(t.lanes.count) \(Markup.escape(w.hosts)) · \(t.statements.count) \(Markup.escape(w.statements))</p>\n"
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
            s += "<p class=\"verdict ok\">✔ \(Markup.escape(w.everyExpectationHeld))</p>\n"
        }
        return s + "</header>\n"
    }

    static func legend(_ w: ReportStrings) -> String {
        func swatch(_ cls: String, _ text: String) -> String { "<span class=\"item\"><span class=\"sw \(cls)\"></span>\(Markup.escape(text))</span>" }
        func glyph(_ cls: String, _ g: String, _ text: String) -> String { "<span class=\"item\"><span class=\"gl \(cls)\">\(g)</span>\(Markup.escape(text))</span>" }
        var s = "<section class=\"legend\">\n"
        s += "<div><b>\(w.role)</b>" + swatch("ph-leader", w.leaderRole) + swatch("ph-follower", w.follower) + swatch("ph-candidate", w.candidate)
            + swatch("ph-pre-candidate", w.preCandidate) + swatch("ph-worker", w.worker) + swatch("ph-crashed", w.crashed) + "</div>\n"
        s += "<div><b>\(w.nodeStatus)</b>" + swatch("st st-ready", "Ready") + swatch("st st-unknown", "Unknown") + swatch("st st-down", "Down")
            + swatch("st st-disconnected", "Disconnected") + "</div>\n"
        s += "<div><b>\(w.network)</b>" + swatch("net-split", w.partition) + swatch("side-1", "\(w.side) 1") + swatch("side-2", "\(w.side) 2")
            + swatch("side-3", "\(w.side) 3") + swatch("q-yes", w.quorum) + swatch("q-no", w.noQuorum) + "</div>\n"
        s += "<div><b>\(w.tasks)</b>" + swatch("tk-run", w.running) + swatch("tk-starting", w.starting) + swatch("tk-failed", w.taskFailed)
            + swatch("tk-stopped", w.stopped) + swatch("ph-crashed", w.lost) + "</div>\n"
        s += "<div><b>\(w.statements)</b>" + glyph("mk-fault", "◆", w.fault) + glyph("mk-check", "▲", w.check)
            + glyph("mk-narration", "●", w.narration) + glyph("mk-show", "■", w.show) + glyph("mk-docker", "▪", w.docker)
            + glyph("mk-failed", "▲", w.failed) + glyph("ev", "✕", w.crash) + glyph("ev-r", "▲", w.restart)
            + glyph("term-gl", "t3", w.termChange) + "</div>\n"
        return s + "</section>\n"
    }

    static func transcript(_ t: Timeline) -> String {
        var s = "<section class=\"transcript\">\n<table>\n<thead><tr><th class=\"time\">time</th><th class=\"line\">line</th><th>statement and output</th></tr></thead>\n<tbody>\n"
        for (i, m) in t.statements.enumerated() {
            let cls = m.outcome == .ok ? m.kind.rawValue : "failed"
            s += "<tr class=\"\(cls)\" data-step=\"\(i + 1)\"><td class=\"time\">\(m.time)</td><td class=\"line\">\(m.line)</td><td><code>\(Markup.escape(m.text))</code>"
            if !m.output.isEmpty, m.kind != .narration {
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
}
