import SimCore

/// The rows a presenter needs: narration captions written on the time axis, the quorum of
/// each partition side, and a row per task slot (where it runs, moves and fails).
extension TimelineChart {
    /// A `say` written on the chart: from its time to the next caption in its row.
    struct Caption: Equatable {
        var statement: Int
        var row: Int
        var x: Double
        var text: String
        var full: String
    }

    /// At most this many caption rows; a caption that finds no free row shortens the one
    /// before it.
    static let captionRows = 3

    /// The width of `text` at 14 px, about: wide (CJK) characters count double.
    static func textWidth(_ text: String) -> Double {
        text.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x1100 ? 2 : 1) } * charWidth
    }

    /// `text` cut to `width` pixels, with an ellipsis when cut.
    static func fit(_ text: String, width: Double) -> String {
        guard textWidth(text) > width else { return text }
        var out = ""
        for ch in text {
            guard textWidth(out + String(ch)) + charWidth <= width else { break }
            out.append(ch)
        }
        return out.isEmpty ? "" : out + "…"
    }

    /// Places each narration in the first caption row that is free at its time; narrations
    /// said at the same moment share one caption.
    static func placeCaptions(_ timeline: Timeline, _ scale: TimeScale) -> [Caption] {
        var placed: [Caption] = []
        var rowEnds = [Double](repeating: -Double.infinity, count: captionRows)
        for (i, m) in timeline.statements.enumerated() where m.kind == .narration {
            let x = scale.x(m.time)
            if let last = placed.last, x - last.x < 2, timeline.statements[(last.statement + 1)..<i].allSatisfy({ $0.kind == .narration || $0.time == m.time }) {
                placed[placed.count - 1].full += " " + caption(of: m)
                rowEnds[last.row] = last.x + captionWidth(placed[placed.count - 1].full) + 14
                continue
            }
            let full = caption(of: m)
            let row = rowEnds.firstIndex { $0 + 12 <= x } ?? rowEnds.indices.min { rowEnds[$0] < rowEnds[$1] } ?? 0
            placed.append(Caption(statement: i, row: row, x: x, text: full, full: full))
            rowEnds[row] = x + captionWidth(full) + 14
        }
        // Each caption runs until the next one in its row (or the chart's end).
        for k in placed.indices {
            let next = placed[(k + 1)...].first { $0.row == placed[k].row }?.x ?? scale.width + rightPadding
            placed[k].text = fit(placed[k].full, width: (next - placed[k].x - 16) * charWidth / captionCharWidth)
        }
        return placed
    }

    /// Caption text is larger and bolder than the chart's: about this many pixels a character.
    static let captionCharWidth = 9.2

    static func captionWidth(_ text: String) -> Double { textWidth(text) * captionCharWidth / charWidth }

    /// A narration's words: what it printed, else its statement.
    static func caption(of m: StatementMark) -> String {
        let out = m.output.split(separator: "\n").joined(separator: " ")
        return out.isEmpty ? m.text : out
    }

    func drawCaptions(_ c: inout SVGCanvas) {
        for cap in captions {
            guard let row = row(.captions(cap.row)) else { continue }
            c.group(class: "cap", title: cap.full) { g in
                g.circle(cx: cap.x, cy: row.y + row.height / 2, r: 4, class: "cap-dot")
                g.text(cap.text, x: cap.x + 8, y: row.y + row.height / 2 + 5, class: "cap-text")
            }
        }
    }

    // MARK: Quorum

    func drawQuorum(_ c: inout SVGCanvas) {
        for run in DrawnSpan.runs(timeline.quorum.intervals(until: timeline.end), scale: scale) {
            for (k, side) in run.value.enumerated() {
                guard let row = row(.quorum(k)) else { continue }
                let verdict = side.hasQuorum ? strings.quorum : strings.noQuorum
                let long = "\(side.reachable) \(strings.reachable) / \(side.needed) \(strings.needed) · \(verdict)"
                let text = Self.textWidth(long) + 8 <= run.width ? long : "\(side.fraction) \(verdict)"
                c.rect(x: run.x0, y: row.y + 3, width: run.width, height: row.height - 6, class: side.hasQuorum ? "q-yes" : "q-no",
                       title: "\(strings.side) \(k + 1): \(side.reachable) \(strings.reachable), \(side.needed) \(strings.needed) · \(verdict), \(span(run.start, run.end))")
                fitText(text, run, y: row.y + row.height / 2 + 5, class: "band-text light", &c)
            }
        }
    }

    // MARK: Task slots

    func drawTask(_ i: Int, _ c: inout SVGCanvas) {
        guard let row = row(.task(i)) else { return }
        let track = timeline.tasks[i]
        for run in DrawnSpan.runs(track.spot.intervals(until: timeline.end), scale: scale) {
            guard let spot = run.value else { continue }
            let cls = Self.taskClass(spot.state)
            c.rect(x: run.x0, y: row.y + 3, width: run.width, height: row.height - 6, class: cls,
                   title: tips.task(track.name, on: spot.host, spot.state, span(run.start, run.end)))
            fitText(spot.host, run, y: row.y + row.height / 2 + 5, class: cls == "tk-run" ? "band-text light" : "band-text dark", &c)
        }
        for change in track.spot.changes where change.value?.state == "failed" {
            let x = scale.x(change.time), y = row.y + row.height / 2
            c.group(class: "ev-crash", title: tips.taskFailed(track.name, at: change.time)) { g in
                g.line(x1: x - 4, y1: y - 4, x2: x + 4, y2: y + 4, class: "ev-stroke")
                g.line(x1: x - 4, y1: y + 4, x2: x + 4, y2: y - 4, class: "ev-stroke")
            }
        }
    }

    /// Slot names in their natural order: `web.2` before `web.10`.
    static func slotLess(_ a: String, _ b: String) -> Bool {
        a.count != b.count ? a.count < b.count : a < b
    }

    static func taskClass(_ state: String) -> String {
        switch state {
        case "running": "tk-run"
        case "failed", "rejected": "tk-failed"
        case "lost", "orphaned": "tk-lost"
        case "complete", "shutdown", "remove": "tk-stopped"
        default: "tk-starting"
        }
    }
}
