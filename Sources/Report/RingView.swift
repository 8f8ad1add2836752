import SimCore

/// The managers on a ring, in the manner of RaftScope: each a circle coloured by its Raft
/// role with its term, and the Raft messages of a step's window travelling between them.
/// The SVG is drawn here; `data` is the JSON the page's script animates from — per step, each
/// manager's role and term as the window ends, and the window's messages (at most
/// `maxMessages`, evenly thinned) as `[ms into the window, from, to, kind, dropped]`.
struct RingView {
    let timeline: Timeline
    let strings: ReportStrings

    static let size = 300.0, radius = 110.0, nodeRadius = 34.0
    static let maxMessages = 240

    /// Lanes that ran a manager at some point, in lane order.
    var members: [Int] {
        timeline.lanes.indices.filter { i in
            timeline.lanes[i].phase.changes.contains { TimelineChart.isManager($0.value) }
        }
    }

    /// Where member `k` of `n` sits: the first at the top, then clockwise.
    static func position(_ k: Int, of n: Int) -> (x: Double, y: Double) {
        guard n > 1 else { return (size / 2, size / 2) }
        let angle = -Double.pi / 2 + 2 * Double.pi * Double(k) / Double(n)
        return (size / 2 + radius * sine(angle + Double.pi / 2), size / 2 + radius * sine(angle))
    }

    /// sin(x) by its Taylor series after reducing x to [-π, π]: the same digits on every
    /// platform (no libm), which keeps the page's bytes the same.
    static func sine(_ x: Double) -> Double {
        var a = x
        while a > Double.pi { a -= 2 * Double.pi }
        while a < -Double.pi { a += 2 * Double.pi }
        var term = a, sum = a
        for n in 1...12 {
            term *= -a * a / Double((2 * n) * (2 * n + 1))
            sum += term
        }
        return sum
    }

    var svg: String {
        let ms = members
        guard ms.count > 1 else { return "" }  // one manager sends no Raft messages
        var c = SVGCanvas()
        for (k, lane) in ms.enumerated() {
            let p = Self.position(k, of: ms.count)
            let term = timeline.lanes[lane].term.value(at: timeline.statements.first?.time ?? .zero)
            c.raw("<g class=\"rn\" id=\"rn-\(k)\" data-x=\"\(Markup.number(p.x))\" data-y=\"\(Markup.number(p.y))\">")
            c.circle(cx: p.x, cy: p.y, r: Self.nodeRadius, class: "rn-circle")
            c.text(timeline.lanes[lane].name, x: p.x, y: p.y - 3, class: "rn-name", anchor: "middle")
            c.raw("<text x=\"\(Markup.number(p.x))\" y=\"\(Markup.number(p.y + 17))\" class=\"rn-term\" text-anchor=\"middle\" id=\"rt-\(k)\">\(Markup.escape(strings.term)) \(term)</text></g>")
        }
        c.raw("<g id=\"ring-msgs\"></g>")
        var s = "<figure class=\"ring\"><svg id=\"ring\" xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Markup.number(Self.size))\" height=\"\(Markup.number(Self.size))\" viewBox=\"0 0 \(Markup.number(Self.size)) \(Markup.number(Self.size))\" role=\"img\" aria-label=\"\(Markup.escape(strings.messages))\">\(c.body)</svg>\n"
        s += "<figcaption>" + legend + "</figcaption></figure>\n"
        s += "<script type=\"application/json\" id=\"ring-data\">\(data)</script>\n"
        return s
    }

    var legend: String {
        func item(_ cls: String, _ text: String) -> String { "<span class=\"item\"><span class=\"dot \(cls)\"></span>\(Markup.escape(text))</span>" }
        return item("m-vote", strings.vote) + item("m-append", strings.append) + item("m-heartbeat", strings.heartbeat)
            + item("m-response", strings.response) + item("m-dropped", strings.dropped)
    }

    /// The JSON the script reads (deterministic: built in order, numbers as integers).
    var data: String {
        let ms = members
        var memberOf = [Int](repeating: -1, count: timeline.lanes.count)
        for (k, lane) in ms.enumerated() { memberOf[lane] = k }
        var kinds: [String] = []
        var steps: [String] = []
        var next = 0
        for i in timeline.statements.indices {
            let (start, end) = StepView.window(i, in: timeline)
            let roles = ms.map { lane in
                "[\"\(timeline.lanes[lane].phase.value(at: end).rawValue)\",\(timeline.lanes[lane].term.value(at: end))]"
            }
            var inWindow: [MessageMark] = []
            while next < timeline.messages.count, timeline.messages[next].time < start { next += 1 }
            var j = next
            while j < timeline.messages.count, timeline.messages[j].time < end {
                let m = timeline.messages[j]
                if memberOf[m.from] >= 0, memberOf[m.to] >= 0 { inWindow.append(m) }
                j += 1
            }
            let stride = max(1, (inWindow.count + Self.maxMessages - 1) / Self.maxMessages)
            let shown = inWindow.enumerated().filter { $0.offset % stride == 0 }.map(\.element)
            let items = shown.map { m -> String in
                let k = kinds.firstIndex(of: m.kind) ?? { kinds.append(m.kind); return kinds.count - 1 }()
                let dt = (m.time - start).nanoseconds / 1_000_000
                return "[\(dt),\(memberOf[m.from]),\(memberOf[m.to]),\(k),\(m.dropped ? 1 : 0)]"
            }
            steps.append("{\"w\":\((end - start).nanoseconds / 1_000_000),\"r\":[\(roles.joined(separator: ","))],\"m\":[\(items.joined(separator: ","))]}")
        }
        let kindList = kinds.map(Self.quoted).joined(separator: ",")
        return "{\"kinds\":[\(kindList)],\"steps\":[\n\(steps.joined(separator: ",\n"))]}"
    }

    /// `s` as a JSON string literal (the program's one escaper), with `<` escaped too so the
    /// data cannot end its script element.
    static func quoted(_ s: String) -> String {
        var out = ""
        for c in TraceLine.quoted(s).unicodeScalars {
            if c == "<" { out += "\\u003c" } else { out.unicodeScalars.append(c) }
        }
        return out
    }
}
