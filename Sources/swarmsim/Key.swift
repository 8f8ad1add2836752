/// A key as the line editor understands it, decoded from the bytes a terminal sends.
enum Key: Equatable {
    case text(String)
    case enter, backspace, delete
    case left, right, home, end, up, down, wordLeft, wordRight
    /// Ctrl-K, Ctrl-U, Ctrl-W.
    case killToEnd, killToStart, killWord
    /// Ctrl-C.
    case interrupt
    /// Ctrl-D.
    case endOfInput
    /// Ctrl-L.
    case clearScreen
    /// Anything else (ignored).
    case other
    /// Tab: complete the word before the cursor.
    case tab
}
