/// An SVG drawing being written: elements appended as text.
package struct SVGCanvas {
    package private(set) var body = ""

    package init() {}

    /// A rectangle with a CSS class and an optional tooltip (`<title>`).
    package mutating func rect(x: Double, y: Double, width: Double, height: Double, class cls: String, title: String? = nil, extra: String = "") {
        body += "<rect x=\"\(Markup.number(x))\" y=\"\(Markup.number(y))\" width=\"\(Markup.number(max(width, 0)))\" height=\"\(Markup.number(height))\" class=\"\(cls)\"\(extra)"
        close(title, "rect")
    }

    package mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, class cls: String, title: String? = nil, extra: String = "") {
        body += "<line x1=\"\(Markup.number(x1))\" y1=\"\(Markup.number(y1))\" x2=\"\(Markup.number(x2))\" y2=\"\(Markup.number(y2))\" class=\"\(cls)\"\(extra)"
        close(title, "line")
    }

    package mutating func text(_ text: String, x: Double, y: Double, class cls: String, anchor: String? = nil) {
        body += "<text x=\"\(Markup.number(x))\" y=\"\(Markup.number(y))\" class=\"\(cls)\""
        if let anchor { body += " text-anchor=\"\(anchor)\"" }
        body += ">\(Markup.escape(text))</text>"
    }

    /// A closed polygon through `points`.
    package mutating func polygon(_ points: [(Double, Double)], class cls: String, title: String? = nil) {
        body += "<polygon points=\"" + points.map { "\(Markup.number($0.0)),\(Markup.number($0.1))" }.joined(separator: " ") + "\" class=\"\(cls)\""
        close(title, "polygon")
    }

    package mutating func circle(cx: Double, cy: Double, r: Double, class cls: String, title: String? = nil) {
        body += "<circle cx=\"\(Markup.number(cx))\" cy=\"\(Markup.number(cy))\" r=\"\(Markup.number(r))\" class=\"\(cls)\""
        close(title, "circle")
    }

    /// A group of elements sharing a class and a tooltip.
    package mutating func group(class cls: String, title: String?, _ draw: (inout SVGCanvas) -> Void) {
        body += "<g class=\"\(cls)\">"
        if let title { body += "<title>\(Markup.escape(title))</title>" }
        draw(&self)
        body += "</g>"
    }

    package mutating func raw(_ markup: String) { body += markup }

    private mutating func close(_ title: String?, _ element: String) {
        if let title { body += "><title>\(Markup.escape(title))</title></\(element)>" } else { body += "/>" }
    }
}
