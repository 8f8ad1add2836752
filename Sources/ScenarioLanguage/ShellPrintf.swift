/// The shell's `printf FORMAT [ARG…]` (POSIX; dash and bash agree on this much): the escapes
/// `\\ \a \b \f \n \r \t \v \"`, `\0NNN` and `\NNN` octal; the conversions `%s`, `%b` (an
/// argument with its escapes read), `%d`/`%i` (a whole number, 0 when missing or not one),
/// `%c` (first character) and `%%`. The format is reused while arguments remain; a missing
/// argument is empty. Widths and precisions are not read (they print as written).
enum ShellPrintf {
    static func format(_ format: String, arguments: [String]) -> String {
        var out = ""
        var args = arguments[...]
        repeat {
            let (text, used) = once(format, args)
            out += text
            args = args.dropFirst(used)
            if used == 0 { break }
        } while !args.isEmpty
        return out
    }

    /// One pass over the format: its text and how many arguments it took.
    private static func once(_ format: String, _ args: ArraySlice<String>) -> (String, Int) {
        var out = ""
        var used = 0
        var chars = Array(format.unicodeScalars)[...]
        func next() -> String {
            defer { used += 1 }
            return args.dropFirst(used).first ?? ""
        }
        while let c = chars.popFirst() {
            switch c {
            case "\\":
                out += escape(&chars)
            case "%":
                guard let k = chars.popFirst() else { out += "%"; break }
                switch k {
                case "%": out += "%"
                case "s": out += next()
                case "b":
                    var a = Array(next().unicodeScalars)[...]
                    while let x = a.popFirst() { out += x == "\\" ? escape(&a) : String(x) }
                case "d", "i": out += String(Int(next().trimmingBlanks) ?? 0)
                case "c": out += next().first.map(String.init) ?? ""
                default: out += "%" + String(k)
                }
            default:
                out.unicodeScalars.append(c)
            }
        }
        return (out, used)
    }

    /// The character a backslash escape stands for; the backslash has been read.
    private static func escape(_ chars: inout ArraySlice<Unicode.Scalar>) -> String {
        guard let e = chars.popFirst() else { return "\\" }
        switch e {
        case "\\": return "\\"
        case "a": return "\u{07}"
        case "b": return "\u{08}"
        case "f": return "\u{0C}"
        case "n": return "\n"
        case "r": return "\r"
        case "t": return "\t"
        case "v": return "\u{0B}"
        case "\"": return "\""
        case "0"..."7":
            var value = e == "0" ? 0 : Int(e.value) - 48
            var digits = e == "0" ? 0 : 1
            while digits < 3, let d = chars.first, ("0"..."7").contains(d) {
                value = value * 8 + Int(d.value) - 48
                digits += 1
                chars = chars.dropFirst()
            }
            return String(Unicode.Scalar(UInt8(value & 0xFF)))
        default: return "\\" + String(e)
        }
    }
}

extension String {
    /// The text without leading and trailing spaces and tabs.
    var trimmingBlanks: String {
        let blank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        return String(drop(while: blank).reversed().drop(while: blank).reversed())
    }
}
