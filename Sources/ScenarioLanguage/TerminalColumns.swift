/// How many terminal columns text takes: East Asian wide and fullwidth characters (Hangul,
/// CJK ideographs, kana, fullwidth forms) take two, combining marks and zero-width characters
/// none, everything else one — the rule of `wcwidth`, reduced to the ranges a scenario meets.
/// Carets under a diagnostic and the columns of `show cluster` line up by it.
public enum TerminalColumns {
    /// The columns `text` takes.
    public static func width(_ text: some StringProtocol) -> Int {
        text.unicodeScalars.reduce(0) { $0 + width(of: $1) }
    }

    /// The columns one scalar takes: 0, 1 or 2.
    public static func width(of s: Unicode.Scalar) -> Int {
        let v = s.value
        if v < 0x300 { return 1 }
        if zeroWidth.contains(where: { $0.contains(v) }) { return 0 }
        return wide.contains(where: { $0.contains(v) }) ? 2 : 1
    }

    /// Combining marks, Hangul medial and final jamo, zero-width spaces and joiners, variation selectors.
    static let zeroWidth: [ClosedRange<UInt32>] = [
        0x0300...0x036F, 0x1160...0x11FF, 0x200B...0x200F, 0x20D0...0x20FF, 0xFE00...0xFE0F, 0xFE20...0xFE2F,
    ]

    /// East Asian Wide (W) and Fullwidth (F) blocks.
    static let wide: [ClosedRange<UInt32>] = [
        0x1100...0x115F,   // Hangul initial jamo
        0x2E80...0x303E,   // CJK radicals, symbols and punctuation
        0x3041...0x33FF,   // kana, Hangul compatibility jamo, CJK compatibility
        0x3400...0x4DBF,   // CJK extension A
        0x4E00...0x9FFF,   // CJK unified ideographs
        0xA960...0xA97F,   // Hangul jamo extended A
        0xAC00...0xD7A3,   // Hangul syllables
        0xF900...0xFAFF,   // CJK compatibility ideographs
        0xFE30...0xFE4F,   // CJK compatibility forms
        0xFF00...0xFF60,   // fullwidth forms
        0xFFE0...0xFFE6,
        0x1F300...0x1F64F, // pictographs and emoticons
        0x1F900...0x1F9FF,
        0x20000...0x3FFFD, // CJK extensions B and beyond
    ]
}
