import Foundation

/// When to colour terminal output (`--color auto|always|never`).
enum ColorChoice: String, CaseIterable {
    case auto, always, never

    static let option = OptionSpec(name: "--color", takesValue: true, valueName: "WHEN",
                                    help: "Colour 'show cluster': auto (a terminal without NO_COLOR), always or never")

    static func parse(_ args: ParsedArguments) throws(UsageError) -> ColorChoice {
        guard let text = args.value("--color") else { return .auto }
        guard let choice = ColorChoice(rawValue: text) else {
            throw UsageError(message: "invalid value '\(text)' for '--color'", hint: "use auto, always or never")
        }
        return choice
    }

    /// Whether to colour what goes to standard output. `auto` follows no-color.org: colour
    /// only on a terminal, and not when `NO_COLOR` is set to anything or `TERM` is `dumb`.
    func isOn(_ io: IO) -> Bool {
        switch self {
        case .always: return true
        case .never: return false
        case .auto:
            if let v = io.environment("NO_COLOR"), !v.isEmpty { return false }
            if io.environment("TERM") == "dumb" { return false }
            return io.isTerminal(1)
        }
    }
}
