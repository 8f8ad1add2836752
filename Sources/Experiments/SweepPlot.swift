import SimCore
import Report

/// `swarmsim sweep … --plot FILE.svg`: the cumulative distribution of each measure, one curve
/// per setting (the Raft paper's Figure 16 is such a picture). A self-contained SVG whose bytes
/// depend only on the results: coordinates are printed to a tenth of a pixel without
/// floating-point formatting, and curves come in the order of the results.
///
/// A curve rises by 1/n at each run's value, n counting every run that reached the measure
/// (timed-out runs count, and keep the curve below 100%). With `logScale` the time axis is
/// logarithmic, with a tick at each power of ten.
public struct SweepPlot {
    public var results: [SweepResults]
    public var logScale: Bool

    public init(results: [SweepResults], logScale: Bool) {
        self.results = results
        self.logScale = logScale
    }

    static let width = 760.0, chartHeight = 340.0
    static let left = 60.0, right = 220.0, top = 30.0, bottom = 50.0
    static let palette = ["#e41a1c", "#377eb8", "#4daf4a", "#984ea3", "#ff7f00",
                          "#a65628", "#f781bf", "#555555", "#17becf", "#bcbd22"]

    /// The SVG document.
    public var svg: String {
        let measures = results.first?.plan.measures ?? []
        let height = Self.chartHeight * Double(max(measures.count, 1))
        var canvas = SVGCanvas()
        canvas.raw("<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>")
        for (m, measure) in measures.enumerated() {
            chart(measure: m, name: measure.text, y0: Self.chartHeight * Double(m), into: &canvas)
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Markup.number(Self.width))\" height=\"\(Markup.number(height))\" "
            + "viewBox=\"0 0 \(Markup.number(Self.width)) \(Markup.number(height))\" font-family=\"sans-serif\" font-size=\"11\">\n"
            + "<style>.axis{stroke:#000;stroke-width:1}.grid{stroke:#ddd;stroke-width:0.5}.curve{fill:none;stroke-width:1.5}"
            + ".title{font-size:13px;font-weight:bold}</style>\n" + canvas.body + "\n</svg>\n"
    }

    /// Each curve's sorted values (nanoseconds) and its run count.
    func curves(measure m: Int) -> [(label: String, values: [Int64], count: Int)] {
        results.map { r in
            var values: [Int64] = [], count = 0
            for run in r.runs where m < run.measures.count {
                switch run.measures[m] {
                case .value(let d): values.append(max(d.nanoseconds, 0)); count += 1
                case .timedOut: count += 1
                case .notReached: break
                }
            }
            return (r.plan.setting ?? r.plan.scenario, values.sorted(), count)
        }
    }

    func chart(measure m: Int, name: String, y0: Double, into canvas: inout SVGCanvas) {
        let curves = curves(measure: m)
        let all = curves.flatMap(\.values)
        let axis = TimeAxis(minimum: all.min() ?? 0, maximum: all.max() ?? 1, log: logScale)
        let x0 = Self.left, x1 = Self.width - Self.right
        let yTop = y0 + Self.top, yBottom = y0 + Self.chartHeight - Self.bottom
        let px = { (ns: Int64) in x0 + axis.fraction(ns) * (x1 - x0) }
        let py = { (p: Double) in yBottom - p * (yBottom - yTop) }
        canvas.text("\(name): share of runs done within the time (CDF)", x: x0, y: y0 + 18, class: "title")
        for tick in axis.ticks {
            canvas.line(x1: px(tick), y1: yTop, x2: px(tick), y2: yBottom, class: "grid")
            canvas.text(SimDuration(nanoseconds: tick).description, x: px(tick), y: yBottom + 15, class: "tick", anchor: "middle")
        }
        for k in 0...10 {
            let p = Double(k) / 10
            canvas.line(x1: x0, y1: py(p), x2: x1, y2: py(p), class: "grid")
            canvas.text("\(k * 10)%", x: x0 - 6, y: py(p) + 4, class: "tick", anchor: "end")
        }
        canvas.line(x1: x0, y1: yBottom, x2: x1, y2: yBottom, class: "axis")
        canvas.line(x1: x0, y1: yTop, x2: x0, y2: yBottom, class: "axis")
        canvas.text("time" + (logScale ? " (log scale)" : ""), x: (x0 + x1) / 2, y: yBottom + 32, class: "label", anchor: "middle")
        for (i, curve) in curves.enumerated() {
            let color = Self.palette[i % Self.palette.count]
            canvas.raw("<path class=\"curve\" stroke=\"\(color)\" d=\"\(Self.path(curve.values, count: curve.count, px: px, py: py))\"/>")
            let ly = yTop + 6 + Double(i) * 16
            canvas.raw("<line x1=\"\(Markup.number(x1 + 14))\" y1=\"\(Markup.number(ly))\" x2=\"\(Markup.number(x1 + 34))\" y2=\"\(Markup.number(ly))\" stroke=\"\(color)\" stroke-width=\"3\"/>")
            canvas.text(Self.shortLabel(curve.label), x: x1 + 40, y: ly + 4, class: "legend")
        }
    }

    /// A step path: flat until each value, then up by 1/count. Points that fall on the same
    /// pixel column as the previous step are merged.
    static func path(_ values: [Int64], count: Int, px: (Int64) -> Double, py: (Double) -> Double) -> String {
        guard let first = values.first, count > 0 else { return "" }
        var d = "M\(Markup.number(px(first))),\(Markup.number(py(0)))"
        var lastX = px(first)
        for (i, v) in values.enumerated() {
            let x = px(v), p = Double(i + 1) / Double(count)
            let next = i + 1 < values.count ? px(values[i + 1]) : .infinity
            if Markup.number(x) != Markup.number(lastX) { d += "H\(Markup.number(x))"; lastX = x }
            if Markup.number(next) != Markup.number(x) { d += "V\(Markup.number(py(p)))" }
        }
        return d
    }

    /// `raft election-timeout=12ms..24ms` → `12ms..24ms` when one setting varies; a file's
    /// path → its name (`Scenarios/x/150-300ms.swarm` → `150-300ms`).
    static func shortLabel(_ label: String) -> String {
        if label.contains(";") { return label }
        if let eq = label.firstIndex(of: "=") { return String(label[label.index(after: eq)...]) }
        let name = label.split(separator: "/").last.map(String.init) ?? label
        return name.hasSuffix(".swarm") ? String(name.dropLast(6)) : name
    }
}
