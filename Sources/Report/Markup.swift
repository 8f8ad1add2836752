/// Text and numbers as HTML and SVG want them: escaped, and short.
package enum Markup {
    /// `text` safe inside an element or a double-quoted attribute.
    package static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                // Control characters other than tab and newline are not allowed in XML.
                if c.value < 0x20 && c != "\n" && c != "\t" { out += "\u{FFFD}" } else { out.unicodeScalars.append(c) }
            }
        }
        return out
    }

    /// A coordinate with at most one decimal: `12`, `12.5`. Deterministic (no locale, no
    /// floating-point printing).
    package static func number(_ x: Double) -> String {
        guard x.isFinite else { return "0" }
        let tenths = Int64((x * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let m = tenths.magnitude
        return m % 10 == 0 ? "\(sign)\(m / 10)" : "\(sign)\(m / 10).\(m % 10)"
    }
}
