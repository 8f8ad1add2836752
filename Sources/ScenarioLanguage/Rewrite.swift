// MARK: - Rewrite

/// The source with the expected-output blocks whose output changed replaced by `actual`, and
/// every other byte kept: comments, blank lines, layout, line breaks (CRLF or LF).
///
/// `actual` maps a statement index (into `script.statements`) to that statement's output.
/// Only statements that have a `----` block are rewritten; other entries are ignored, as are
/// outputs that already match (`ExpectedOutput.matches`). New blocks are written in the
/// normalized form (`ExpectedOutput.normalize`): the plain form, or the fenced `----` `----`
/// form when the output has a blank line (or starts with `----`); an empty output is an
/// empty block, `----` followed by a blank line. A block that would run into the next line is
/// given a blank line after it.
///
/// `script` must be the result of parsing `source`; blocks whose range does not fit the
/// source are left alone. - Complexity: O(size of source + size of outputs).
public func rewrite(source: String, script: Script, actual: [Int: String]) -> String {
    let bytes = Array(source.utf8)
    var edits: [(range: Range<Int>, text: [UInt8])] = []
    for (index, statement) in script.statements.enumerated() {
        guard let output = actual[index], let block = statement.expected, !block.matches(output),
              block.byteRange.upperBound <= bytes.count else { continue }
        edits.append((block.byteRange, Array(replacementBlock(for: output, replacing: block, in: bytes).utf8)))
    }
    guard !edits.isEmpty else { return source }
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    var cursor = 0
    for edit in edits where edit.range.lowerBound >= cursor {
        out += bytes[cursor..<edit.range.lowerBound]
        out += edit.text
        cursor = edit.range.upperBound
    }
    out += bytes[cursor...]
    return String(decoding: out, as: UTF8.self)
}

/// The text that replaces `block` to show `output`.
func replacementBlock(for output: String, replacing block: ExpectedOutput, in bytes: [UInt8]) -> String {
    let normalized = ExpectedOutput.normalize(output)
    let lines = normalized.isEmpty ? [] : normalized.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let endsWithBreak = block.byteRange.upperBound > block.byteRange.lowerBound
        && bytes[block.byteRange.upperBound - 1] == 0x0A
    var lineBreak = block.lineBreak
    if lineBreak.isEmpty { lineBreak = dominantLineBreak(bytes) }
    let finalBreak = endsWithBreak ? lineBreak : ""
    if ExpectedOutput.needsFence(normalized) {
        return (["----", "----"] + lines + ["----", "----"]).joined(separator: lineBreak) + finalBreak
    }
    var text = (["----"] + lines).joined(separator: lineBreak) + finalBreak
    // A plain block ends at a blank line: add one if the next line has text.
    let next = block.byteRange.upperBound
    if endsWithBreak, next < bytes.count, !lineIsBlank(bytes, from: next) {
        text += lineBreak
    }
    return text
}

/// True when the line starting at `offset` holds only spaces, tabs and its line break.
private func lineIsBlank(_ bytes: [UInt8], from offset: Int) -> Bool {
    var i = offset
    while i < bytes.count, bytes[i] != 0x0A {
        if bytes[i] != 0x20, bytes[i] != 0x09, bytes[i] != 0x0D { return false }
        i += 1
    }
    return true
}

/// `"\r\n"` when most line breaks of the file are CRLF, else `"\n"`.
private func dominantLineBreak(_ bytes: [UInt8]) -> String {
    var crlf = 0, lf = 0
    for (i, b) in bytes.enumerated() where b == 0x0A {
        if i > 0, bytes[i - 1] == 0x0D { crlf += 1 } else { lf += 1 }
    }
    return crlf > lf ? "\r\n" : "\n"
}
