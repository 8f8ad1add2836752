/// Where the shell gets its lines.
protocol LineReader {
    /// The next line, after showing `prompt` if the reader shows prompts; nil at the end.
    mutating func readLine(prompt: String) -> String?
}
