/// A lesson's title: the text of its first `#` comment line (before any statement), with a
/// leading `Lesson 2:`-style label kept. The report's headline.
public enum LessonTitle {
    public static func first(in source: String) -> String? {
        for line in source.split(separator: "\n", omittingEmptySubsequences: false) {
            let t = line.drop { $0 == " " || $0 == "\t" }
            if t.isEmpty { continue }
            guard t.hasPrefix("#") else { return nil }
            let text = t.drop { $0 == "#" || $0 == " " }.trimmingSuffixSpaces
            if !text.isEmpty { return text }
        }
        return nil
    }
}

private extension Substring {
    var trimmingSuffixSpaces: String {
        var s = self
        while let last = s.last, last == " " || last == "\t" || last == "\r" { s.removeLast() }
        return String(s)
    }
}
