/// A usage error: printed as `error: …` (and a hint), exit code 2.
struct UsageError: Error {
    var message: String
    var hint: String?
    var rendered: String { "error: \(message)\n" + (hint.map { "hint: \($0)\n" } ?? "") }
}
