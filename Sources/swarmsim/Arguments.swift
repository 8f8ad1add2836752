import ScenarioLanguage

/// A command's options, declared as a table, and a parser with "did you mean" hints.
struct OptionSpec {
    var name: String            // "--seed"
    var short: String? = nil     // "-s"
    var takesValue: Bool
    var valueName = ""
    var help: String
}

func parseArguments(_ args: [String], options: [OptionSpec], command: String) throws(UsageError) -> ParsedArguments {
    var parsed = ParsedArguments()
    var i = 0
    var onlyPositionals = false
    while i < args.count {
        let arg = args[i]
        i += 1
        if onlyPositionals || !arg.hasPrefix("-") || arg == "-" { parsed.positionals.append(arg); continue }
        if arg == "--" { onlyPositionals = true; continue }
        var name = arg
        var inline: String?
        if let eq = arg.firstIndex(of: "="), arg.hasPrefix("--") {
            name = String(arg[..<eq])
            inline = String(arg[arg.index(after: eq)...])
        }
        guard let spec = options.first(where: { $0.name == name || $0.short == name }) else {
            let hint = Suggestions.hint(for: name, among: options.map(\.name) + ["--help"])
            throw UsageError(message: "unknown option '\(name)' for '\(command)'",
                             hint: hint ?? "see 'swarmsim \(command.split(separator: " ").dropFirst().joined(separator: " ")) --help'")
        }
        if spec.takesValue {
            if let inline { parsed.values.append((spec.name, inline)); continue }
            guard i < args.count else { throw UsageError(message: "option '\(spec.name)' needs a value (\(spec.valueName))") }
            parsed.values.append((spec.name, args[i]))
            i += 1
        } else {
            if inline != nil { throw UsageError(message: "option '\(spec.name)' takes no value") }
            parsed.flags.append(spec.name)
        }
    }
    return parsed
}

func optionsHelp(_ options: [OptionSpec]) -> String {
    let rows = options.map { o -> (String, String) in
        let names = (o.short.map { "\($0), " } ?? "    ") + o.name + (o.takesValue ? " \(o.valueName)" : "")
        return (names, o.help)
    }
    let width = (rows.map(\.0.count).max() ?? 0) + 2
    return rows.map { "  " + $0.0 + String(repeating: " ", count: width - $0.0.count) + $0.1 + "\n" }.joined()
}
