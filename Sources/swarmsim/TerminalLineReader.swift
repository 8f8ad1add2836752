#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Lines typed at a terminal, edited in place: standard input in raw mode (termios) while a
/// line is read, `LineEditor` for the editing, the line redrawn after each key.
///
/// Raw mode is on only between the prompt and Enter, so output printed while a statement runs
/// goes through the terminal's usual processing, and Ctrl-C cannot leave the terminal raw.
struct TerminalLineReader: LineReader {
    var editor = LineEditor()
    var decoder = KeyDecoder()
    /// Paint the prompt's virtual time dim and `swarm>` bold.
    let color: Bool

    init(color: Bool) { self.color = color }

    mutating func readLine(prompt: String) -> String? {
        guard var saved = Self.enterRawMode() else { return nil }
        defer { tcsetattr(STDIN_FILENO, TCSADRAIN, &saved) }
        editor.reset()
        draw(prompt)
        while true {
            var byte: UInt8 = 0
            let n = read(STDIN_FILENO, &byte, 1)
            if n < 0 && errno == EINTR { continue }
            if n <= 0 {
                Self.put("\r\n")
                return nil
            }
            for key in decoder.feed(byte) {
                switch editor.apply(key) {
                case .redraw: draw(prompt)
                case .none: break
                case .submit(let line):
                    Self.put("\r\n")
                    return line
                case .cancel:
                    Self.put("^C\r\n")
                    draw(prompt)
                case .endOfInput:
                    Self.put("\r\n")
                    return nil
                case .candidates(let words):
                    Self.put("\r\n" + words.joined(separator: "  ") + "\r\n")
                    draw(prompt)
                case .clearScreen:
                    Self.put("\u{1B}[H\u{1B}[2J")
                    draw(prompt)
                }
            }
        }
    }

    private func draw(_ prompt: String) {
        Self.put(editor.render(prompt: prompt, styledPrompt: styled(prompt), columns: Self.columns()))
    }

    func styled(_ prompt: String) -> String {
        guard color, prompt.hasPrefix("["), let close = prompt.firstIndex(of: "]") else { return prompt }
        let time = prompt[...close], rest = prompt[prompt.index(after: close)...]
        return "\u{1B}[2m\(time)\u{1B}[0m\u{1B}[1m\(rest.dropLast())\u{1B}[0m "
    }

    // MARK: Terminal

    /// Turns off echo, line buffering, signals and flow control on standard input; returns the
    /// settings to restore, nil if standard input is not a terminal.
    static func enterRawMode() -> termios? {
        var original = termios()
        guard tcgetattr(STDIN_FILENO, &original) == 0 else { return nil }
        var raw = original
        raw.c_iflag &= ~tcflag_t(BRKINT | ICRNL | INPCK | ISTRIP | IXON)
        raw.c_cflag |= tcflag_t(CS8)
        raw.c_lflag &= ~tcflag_t(ECHO | ICANON | IEXTEN | ISIG)
        withUnsafeMutableBytes(of: &raw.c_cc) { cc in
            cc[Int(VMIN)] = 1
            cc[Int(VTIME)] = 0
        }
        // TCSADRAIN, not TCSAFLUSH: lines typed ahead or pasted as a block must not be lost.
        guard tcsetattr(STDIN_FILENO, TCSADRAIN, &raw) == 0 else { return nil }
        return original
    }

    /// The terminal's width, 80 when it cannot be told.
    static func columns() -> Int {
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return 80
    }

    /// Writes `text` to standard output at once (no buffering: it must show before the next
    /// key is read).
    static func put(_ text: String) {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return write(STDOUT_FILENO, base + offset, buffer.count - offset)
            }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return }
            offset += n
        }
    }
}
