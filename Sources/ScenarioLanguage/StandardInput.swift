/// What a docker command reads on its standard input: the output of the `echo` or `printf`
/// written in front of it with a pipe, `m1$ printf 's3cr3t' | docker secret create db_pass -`.
///
/// The words keep their variables (`echo $UNLOCK_KEY | docker swarm unlock`); the runner
/// expands them when the statement runs and then calls `bytes(_:)`.
public enum StandardInput: Equatable, Sendable {
    /// `echo WORD…`: the words joined by spaces and a line break (`echo -n` leaves it out).
    case echo([Word])
    /// `printf FORMAT [ARG…]`: the format with its escapes and conversions, as the shell's
    /// printf (the format is reused while arguments remain).
    case printf([Word])

    /// The bytes the command writes, from the words' expanded texts.
    public static func output(of input: StandardInput, expanded texts: [String]) -> String {
        switch input {
        case .echo:
            var words = texts[...]
            var newline = true
            if words.first == "-n" { newline = false; words = words.dropFirst() }
            return words.joined(separator: " ") + (newline ? "\n" : "")
        case .printf:
            guard let format = texts.first else { return "" }
            return ShellPrintf.format(format, arguments: Array(texts.dropFirst()))
        }
    }

    /// The producer's words (the command name not included).
    public var words: [Word] {
        switch self {
        case .echo(let w), .printf(let w): w
        }
    }
}
