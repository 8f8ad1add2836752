/// Turns the bytes a terminal sends into keys: UTF-8 text, control characters, and the escape
/// sequences of xterm-like terminals (`ESC [ A`, `ESC O H`, `ESC [ 3 ~`, `ESC b`, …).
struct KeyDecoder {
    private var pending: [UInt8] = []

    /// Feeds one byte; returns the keys it completes (none while a sequence is incomplete).
    mutating func feed(_ byte: UInt8) -> [Key] {
        pending.append(byte)
        guard let (key, complete) = decode(pending) else { return [] }
        guard complete else { return [] }
        pending = []
        return [key]
    }

    /// The key `bytes` make, and whether they are complete; nil to wait for more.
    private func decode(_ b: [UInt8]) -> (Key, Bool)? {
        let first = b[0]
        switch first {
        case 0x1B: return escape(b)
        case 0x0D, 0x0A: return (.enter, true)
        case 0x7F, 0x08: return (.backspace, true)
        case 0x01: return (.home, true)
        case 0x02: return (.left, true)
        case 0x03: return (.interrupt, true)
        case 0x04: return (.endOfInput, true)
        case 0x05: return (.end, true)
        case 0x06: return (.right, true)
        case 0x09: return (.tab, true)
        case 0x0B: return (.killToEnd, true)
        case 0x0C: return (.clearScreen, true)
        case 0x0E: return (.down, true)
        case 0x10: return (.up, true)
        case 0x15: return (.killToStart, true)
        case 0x17: return (.killWord, true)
        case 0x00..<0x20: return (.other, true)
        default:
            let length = first < 0x80 ? 1 : first >= 0xF0 ? 4 : first >= 0xE0 ? 3 : first >= 0xC0 ? 2 : 1
            guard b.count >= length else { return nil }
            return (.text(String(decoding: b, as: UTF8.self)), true)
        }
    }

    private func escape(_ b: [UInt8]) -> (Key, Bool)? {
        guard b.count >= 2 else { return nil }
        switch b[1] {
        case UInt8(ascii: "["), UInt8(ascii: "O"):
            guard b.count >= 3 else { return nil }
            let last = b[b.count - 1]
            // A CSI sequence ends with a byte in 0x40…0x7E; parameters come before it.
            guard (0x40...0x7E).contains(last) || b[1] == UInt8(ascii: "O") else { return b.count > 8 ? (.other, true) : nil }
            let params = String(decoding: b[2..<(b.count - 1)], as: UTF8.self)
            switch (last, params) {
            case (UInt8(ascii: "A"), ""): return (.up, true)
            case (UInt8(ascii: "B"), ""): return (.down, true)
            case (UInt8(ascii: "C"), ""): return (.right, true)
            case (UInt8(ascii: "D"), ""): return (.left, true)
            case (UInt8(ascii: "C"), "1;5"), (UInt8(ascii: "C"), "1;3"): return (.wordRight, true)
            case (UInt8(ascii: "D"), "1;5"), (UInt8(ascii: "D"), "1;3"): return (.wordLeft, true)
            case (UInt8(ascii: "H"), _): return (.home, true)
            case (UInt8(ascii: "F"), _): return (.end, true)
            case (UInt8(ascii: "~"), "1"), (UInt8(ascii: "~"), "7"): return (.home, true)
            case (UInt8(ascii: "~"), "4"), (UInt8(ascii: "~"), "8"): return (.end, true)
            case (UInt8(ascii: "~"), "3"): return (.delete, true)
            default: return (.other, true)
            }
        case UInt8(ascii: "b"): return (.wordLeft, true)
        case UInt8(ascii: "f"): return (.wordRight, true)
        case 0x7F: return (.killWord, true)
        default: return (.other, true)
        }
    }
}
