/// Lines from a pipe or a file (no prompt, no editing), or from a terminal whose output goes
/// elsewhere (the prompt, but the terminal's own line editing).
struct PlainLineReader: LineReader {
    let io: IO
    var showsPrompt = false
    mutating func readLine(prompt: String) -> String? {
        if showsPrompt { io.out(prompt) }
        return io.readLine()
    }
}
