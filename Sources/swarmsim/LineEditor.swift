
/// The line being edited, and the history: a pure state machine in the way of linenoise, fed
/// keys and read back for drawing. The terminal glue is `TerminalLineReader`.
struct LineEditor {
    /// What a key asks of the reader.
    enum Action: Equatable {
        /// Redraw the line.
        case redraw
        /// The line is done (Enter).
        case submit(String)
        /// Ctrl-C: drop the line, show a fresh prompt.
        case cancel
        /// Tab found several words and could not extend the line: list them under it.
        case candidates([String])
        /// Ctrl-D on an empty line: no more input.
        case endOfInput
        case clearScreen
        /// Nothing to do (a key with no effect here).
        case none
    }

    private(set) var buffer: [Character] = []
    /// Where the next character goes: 0…buffer.count.
    private(set) var cursor = 0
    private(set) var history: [String] = []
    /// The history entry shown, `history.count` for the line being typed.
    private var historyIndex = 0
    /// The line being typed, kept while browsing the history.
    private var draft: [Character] = []
    /// The most lines kept.
    let historyLimit = 500
    /// What Tab offers for the text before the cursor (`ShellCompletion.candidates`).
    var completer: (String) -> [String] = { _ in [] }

    var line: String { String(buffer) }

    /// Starts a fresh line (after a submit or a cancel).
    mutating func reset() {
        buffer = []
        cursor = 0
        historyIndex = history.count
        draft = []
    }

    /// Adds a line to the history (not empty lines, not a repeat of the last one).
    mutating func remember(_ line: String) {
        guard !line.allSatisfy(\.isWhitespace), history.last != line else { return }
        history.append(line)
        if history.count > historyLimit { history.removeFirst(history.count - historyLimit) }
    }

    mutating func apply(_ key: Key) -> Action {
        switch key {
        case .text(let s):
            buffer.insert(contentsOf: s.filter { !$0.isNewline }, at: cursor)
            cursor += s.filter { !$0.isNewline }.count
        case .enter:
            let done = line
            remember(done)
            reset()
            return .submit(done)
        case .backspace:
            guard cursor > 0 else { return .none }
            buffer.remove(at: cursor - 1)
            cursor -= 1
        case .delete:
            guard cursor < buffer.count else { return .none }
            buffer.remove(at: cursor)
        case .endOfInput:
            if buffer.isEmpty { return .endOfInput }
            guard cursor < buffer.count else { return .none }
            buffer.remove(at: cursor)
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(buffer.count, cursor + 1)
        case .home: cursor = 0
        case .end: cursor = buffer.count
        case .wordLeft: cursor = wordStart(before: cursor)
        case .wordRight:
            var i = cursor
            while i < buffer.count, buffer[i] == " " { i += 1 }
            while i < buffer.count, buffer[i] != " " { i += 1 }
            cursor = i
        case .killToEnd: buffer.removeSubrange(cursor...)
        case .killToStart:
            buffer.removeSubrange(..<cursor)
            cursor = 0
        case .killWord:
            let start = wordStart(before: cursor)
            buffer.removeSubrange(start..<cursor)
            cursor = start
        case .up:
            guard historyIndex > 0 else { return .none }
            if historyIndex == history.count { draft = buffer }
            historyIndex -= 1
            show(Array(history[historyIndex]))
        case .down:
            guard historyIndex < history.count else { return .none }
            historyIndex += 1
            show(historyIndex == history.count ? draft : Array(history[historyIndex]))
        case .interrupt:
            reset()
            return .cancel
        case .clearScreen: return .clearScreen
        case .tab: return complete()
        case .other: return .none
        }
        return .redraw
    }

    private mutating func show(_ text: [Character]) {
        buffer = text
        cursor = text.count
    }

    /// The start of the word before `i` (spaces before it skipped), as Ctrl-W and Alt-B use.
    /// Tab: the only candidate, with a space after it (none after `m1$` or `w1:`); else the
    /// longest prefix the candidates share; else the list.
    private mutating func complete() -> Action {
        let before = String(buffer[..<cursor])
        let typed = before.last == " " ? "" : String(before.split(separator: " ").last ?? "")
        let candidates = completer(before)
        guard let first = candidates.first else { return .none }
        var common = first
        for c in candidates.dropFirst() { while !c.hasPrefix(common) { common.removeLast() } }
        var insert = String(common.dropFirst(typed.count))
        if candidates.count == 1, !first.hasSuffix("$"), !first.hasSuffix(":") { insert += " " }
        guard !insert.isEmpty else { return candidates.count > 1 ? .candidates(candidates) : .none }
        buffer.insert(contentsOf: insert, at: cursor)
        cursor += insert.count
        return .redraw
    }

    private func wordStart(before i: Int) -> Int {
        var j = i
        while j > 0, buffer[j - 1] == " " { j -= 1 }
        while j > 0, buffer[j - 1] != " " { j -= 1 }
        return j
    }

    // MARK: Drawing

    /// The bytes that redraw the line after `prompt` (shown as `styledPrompt`) in a terminal
    /// `columns` wide: back to column 0, prompt, the part of the line that fits around the
    /// cursor, clear to the end, cursor to its column.
    func render(prompt: String, styledPrompt: String, columns: Int) -> String {
        let width = max(columns - prompt.count - 1, 8)
        var start = 0
        if buffer.count > width { start = min(max(0, cursor - width + 1), buffer.count - width) }
        if cursor < start { start = cursor }
        let shown = String(buffer[start..<min(buffer.count, start + width)])
        let column = prompt.count + cursor - start
        return "\r" + styledPrompt + shown + "\u{1B}[K\r" + (column > 0 ? "\u{1B}[\(column)C" : "")
    }
}
