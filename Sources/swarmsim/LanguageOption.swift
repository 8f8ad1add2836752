import ScenarioLanguage

/// `--lang en|ko`: the language of the pictures' labels (`show cluster`, `show services`,
/// `show mesh`) for `run`, `shell` and `test`. It wins over a scenario's own `lang` statements;
/// docker's output and the statement echoes stay English either way.
enum LanguageOption {
    static let option = OptionSpec(name: "--lang", takesValue: true, valueName: "LANG",
                                   help: "Labels of 'show cluster', 'show services', 'show mesh': en or ko (overrides the file's 'lang')")

    /// The language asked for, or nil when `--lang` was not given.
    static func parse(_ args: ParsedArguments) throws(UsageError) -> Language? {
        guard let text = args.value("--lang") else { return nil }
        guard let language = Language(rawValue: text) else {
            throw UsageError(message: "invalid value '\(text)' for '--lang'",
                             hint: "use " + Language.allCases.map(\.rawValue).joined(separator: " or "))
        }
        return language
    }
}
