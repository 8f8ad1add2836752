import Testing
@testable import swarmsim

/// The shell's line editor without a terminal: keys in, line, cursor and history out.
@Suite struct LineEditorTests {
    static func type(_ text: String, into e: inout LineEditor) {
        for c in text { _ = e.apply(.text(String(c))) }
    }

    @Test func typingMovingAndDeleting() {
        var e = LineEditor()
        Self.type("show clustr", into: &e)
        #expect(e.apply(.left) == .redraw)
        Self.type("e", into: &e)
        #expect(e.line == "show cluster")
        #expect(e.cursor == 11)
        _ = e.apply(.home)
        #expect(e.cursor == 0)
        _ = e.apply(.delete)
        #expect(e.line == "how cluster")
        _ = e.apply(.end)
        _ = e.apply(.backspace)
        #expect(e.line == "how cluste")
        #expect(e.apply(.right) == .redraw)
        #expect(e.cursor == 10)
        _ = e.apply(.home)
        #expect(e.apply(.backspace) == .none)
        #expect(e.apply(.left) == .redraw)
        #expect(e.cursor == 0)
    }

    @Test func killingToTheEndTheStartAndAWord() {
        var e = LineEditor()
        Self.type("crash m1 m2 m3", into: &e)
        _ = e.apply(.killWord)
        #expect(e.line == "crash m1 m2 ")
        _ = e.apply(.killWord)
        #expect(e.line == "crash m1 ")
        _ = e.apply(.wordLeft)
        #expect(e.cursor == 6)
        _ = e.apply(.killToEnd)
        #expect(e.line == "crash ")
        Self.type("w1", into: &e)
        _ = e.apply(.wordLeft)
        _ = e.apply(.killToStart)
        #expect(e.line == "w1")
        #expect(e.cursor == 0)
        _ = e.apply(.wordRight)
        #expect(e.cursor == 2)
    }

    @Test func historyRecallsEarlierLinesAndKeepsTheDraft() {
        var e = LineEditor()
        for line in ["hosts m1", "m1$ docker swarm init", "m1$ docker swarm init", "  "] {
            Self.type(line, into: &e)
            #expect(e.apply(.enter) == .submit(line))
        }
        #expect(e.history == ["hosts m1", "m1$ docker swarm init"])   // no repeats, no blanks
        Self.type("wai", into: &e)
        _ = e.apply(.up)
        #expect(e.line == "m1$ docker swarm init")
        _ = e.apply(.up)
        #expect(e.line == "hosts m1")
        #expect(e.apply(.up) == .none)
        _ = e.apply(.down)
        #expect(e.line == "m1$ docker swarm init")
        _ = e.apply(.down)
        #expect(e.line == "wai")
        #expect(e.cursor == 3)
        #expect(e.apply(.down) == .none)
    }

    @Test func ctrlCClearsAndCtrlDEndsOnlyAnEmptyLine() {
        var e = LineEditor()
        Self.type("crash m1", into: &e)
        #expect(e.apply(.interrupt) == .cancel)
        #expect(e.line == "")
        Self.type("ab", into: &e)
        _ = e.apply(.home)
        #expect(e.apply(.endOfInput) == .redraw)   // deletes under the cursor, like Delete
        #expect(e.line == "b")
        _ = e.apply(.killToEnd)
        #expect(e.apply(.endOfInput) == .endOfInput)
    }

    @Test func renderingRedrawsTheLineAndPlacesTheCursor() {
        var e = LineEditor()
        Self.type("heal", into: &e)
        _ = e.apply(.left)
        #expect(e.render(prompt: "> ", styledPrompt: "> ", columns: 80) == "\r> heal\u{1B}[K\r\u{1B}[5C")
        // A line longer than the terminal shows a window around the cursor.
        var long = LineEditor()
        Self.type(String(repeating: "x", count: 30) + "END", into: &long)
        #expect(long.render(prompt: "> ", styledPrompt: "> ", columns: 20) == "\r> " + String(repeating: "x", count: 14) + "END\u{1B}[K\r\u{1B}[19C")
    }

    // MARK: Keys from bytes

    static func decode(_ bytes: [UInt8]) -> [Key] {
        var d = KeyDecoder()
        return bytes.flatMap { d.feed($0) }
    }

    @Test func controlKeys() {
        #expect(Self.decode([0x01, 0x05, 0x0B, 0x15, 0x17, 0x03, 0x04, 0x0D, 0x7F, 0x0C]) ==
                [.home, .end, .killToEnd, .killToStart, .killWord, .interrupt, .endOfInput, .enter, .backspace, .clearScreen])
    }

    @Test func escapeSequencesOfXtermLikeTerminals() {
        let esc: UInt8 = 0x1B
        #expect(Self.decode([esc, 91, 65, esc, 91, 66, esc, 91, 67, esc, 91, 68]) == [.up, .down, .right, .left])
        #expect(Self.decode([esc, 91, 72, esc, 91, 70, esc, 79, 72, esc, 79, 70]) == [.home, .end, .home, .end])
        #expect(Self.decode(Array("\u{1B}[1~\u{1B}[4~\u{1B}[3~".utf8)) == [.home, .end, .delete])
        #expect(Self.decode(Array("\u{1B}[1;5D\u{1B}[1;5C\u{1B}b\u{1B}f".utf8)) == [.wordLeft, .wordRight, .wordLeft, .wordRight])
        #expect(Self.decode(Array("\u{1B}[5~".utf8)) == [.other])   // Page Up: ignored
    }

    @Test func utf8TextComesAsWholeCharacters() {
        #expect(Self.decode(Array("é→".utf8)) == [.text("é"), .text("→")])
    }
}
