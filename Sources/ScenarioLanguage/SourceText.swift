/// The bytes of a scenario file (known to be UTF-8) with a table of where each line starts.
///
/// Lines are split at `\n`; a `\r` right before it belongs to the line break, not to the line,
/// so CRLF files read like LF files. A UTF-8 byte order mark at the start is skipped for
/// column counting.
struct SourceText: Sendable {
    let file: String
    let bytes: [UInt8]
    /// Byte offset where each line starts; line `n` (1-based) starts at `lineStarts[n - 1]`.
    let lineStarts: [Int]
    /// Bytes to skip at the start of the file (3 for a byte order mark, else 0).
    let bomLength: Int

    init(file: String, bytes: [UInt8]) {
        self.file = file
        self.bytes = bytes
        var starts = [0]
        for i in bytes.indices where bytes[i] == 0x0A { starts.append(i + 1) }
        lineStarts = starts
        bomLength = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    }

    var lineCount: Int { lineStarts.count }

    /// First byte of line `line` (1-based), after the byte order mark on line 1.
    func contentStart(_ line: Int) -> Int {
        line == 1 ? bomLength : lineStarts[line - 1]
    }

    /// One past the last byte of the line's content (before `\r\n` or `\n`).
    func contentEnd(_ line: Int) -> Int {
        var end = line < lineStarts.count ? lineStarts[line] - 1 : bytes.count
        if end > lineStarts[line - 1], end - 1 < bytes.count, bytes[end - 1] == 0x0D,
           line < lineStarts.count { end -= 1 }
        return end
    }

    /// One past the line break that ends the line (or the end of the file).
    func lineEnd(_ line: Int) -> Int {
        line < lineStarts.count ? lineStarts[line] : bytes.count
    }

    /// The line break that ends `line`: `"\r\n"`, `"\n"`, or `""` at the end of the file.
    func lineBreak(_ line: Int) -> String {
        guard line < lineStarts.count else { return "" }
        return contentEnd(line) + 1 < lineEnd(line) ? "\r\n" : "\n"
    }

    /// The line's text without its line break.
    func text(ofLine line: Int) -> String {
        guard line >= 1, line <= lineCount else { return "" }
        return String(decoding: bytes[contentStart(line)..<contentEnd(line)], as: UTF8.self)
    }

    /// True when the line is empty or holds only spaces and tabs.
    func isBlank(_ line: Int) -> Bool {
        bytes[contentStart(line)..<contentEnd(line)].allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }

    /// True when the line is the expected-output separator `----` (trailing blanks allowed).
    func isSeparator(_ line: Int) -> Bool {
        var slice = bytes[contentStart(line)..<contentEnd(line)]
        while let last = slice.last, last == 0x20 || last == 0x09 { slice = slice.dropLast() }
        return slice.elementsEqual("----".utf8)
    }

    /// The 1-based column of byte `offset` on `line`: one plus the scalars before it.
    func column(ofByte offset: Int, line: Int) -> Int {
        var column = 1
        var i = contentStart(line)
        while i < offset, i < bytes.count {
            if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return column
    }

    /// The line (1-based) holding byte `offset`.
    func line(ofByte offset: Int) -> Int {
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        return lo + 1
    }

    func location(ofByte offset: Int) -> SourceLocation {
        let line = line(ofByte: offset)
        return SourceLocation(file: file, line: line, column: column(ofByte: offset, line: line))
    }

    /// Scalars from byte `offset` to the end of its line: the width of a caret run.
    func columnsToLineEnd(fromByte offset: Int) -> Int {
        let line = line(ofByte: offset)
        return max(1, column(ofByte: contentEnd(line), line: line) - column(ofByte: offset, line: line))
    }
}
