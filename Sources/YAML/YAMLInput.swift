/// Turns the bytes of a YAML file into the scalars the scanner reads.
///
/// Checks that the bytes are UTF-8 and hold only characters YAML allows (printable ones, tab,
/// line feed, carriage return), drops a leading byte order mark and turns `\r\n` and a lone
/// `\r` into `\n`, so the scanner sees one kind of line break.
enum YAMLInput {
    static func decode(_ bytes: [UInt8], file: String) throws(YAMLError) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(bytes.count)
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var line = 1, column = 1
        var previousWasCR = false
        decoding: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let s):
                if s == "\r" {
                    out.append("\n")
                    line += 1; column = 1; previousWasCR = true
                    continue decoding
                }
                defer { previousWasCR = false }
                if s == "\n" {
                    if !previousWasCR { out.append("\n"); line += 1; column = 1 }
                    continue decoding
                }
                if s == "\u{FEFF}" && out.isEmpty && line == 1 && column == 1 { continue decoding }
                if !allowed(s) {
                    throw YAMLError(file: file, at: YAML.Mark(line: line, column: column),
                                    "found character \(s.quotedForMessage) that YAML does not allow in a file")
                }
                out.append(s)
                column += 1
            case .emptyInput:
                break decoding
            case .error:
                throw YAMLError(file: file, at: YAML.Mark(line: line, column: column), "file is not valid UTF-8")
            }
        }
        return out
    }

    /// YAML 1.2's c-printable, less the line breaks handled above.
    static func allowed(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x09, 0x20...0x7E, 0x85, 0xA0...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }
}
