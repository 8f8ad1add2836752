/// Aligns columns the way the docker CLI's Go `tabwriter.NewWriter(out, 10, 1, 3, ' ', 0)` does:
/// each column as wide as its widest cell plus 3 spaces, at least 10; the last column unpadded;
/// trailing spaces trimmed.
package struct TabWriter {
    var rows: [[String]] = []
    var minWidth = 10
    var padding = 3

    package mutating func row(_ cells: String...) { rows.append(cells) }
    package mutating func row(_ cells: [String]) { rows.append(cells) }

    package var text: String {
        let columns = rows.map(\.count).max() ?? 0
        var widths = [Int](repeating: 0, count: columns)
        for row in rows {
            for (i, cell) in row.enumerated() where i < row.count - 1 {
                widths[i] = max(widths[i], max(cell.count + padding, minWidth))
            }
        }
        var out = ""
        for row in rows {
            var line = ""
            for (i, cell) in row.enumerated() {
                line += cell
                if i < row.count - 1 { line += String(repeating: " ", count: widths[i] - cell.count) }
            }
            while line.hasSuffix(" ") { line.removeLast() }
            out += line + "\n"
        }
        return out
    }
}

extension TabWriter {
    /// A writer with other widths, for tables that are not docker's (experiments).
    package init(minWidth: Int, padding: Int) {
        self.init()
        self.minWidth = minWidth
        self.padding = padding
    }
}
