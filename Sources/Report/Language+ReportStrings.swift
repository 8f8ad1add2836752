import ScenarioLanguage

extension Language {
    /// The report's own words (legend, row names, hints) in this language; the page's `lang`
    /// is the raw value. A scenario's narration and docker's output stay as they are.
    public var reportStrings: ReportStrings {
        switch self {
        case .en: .english
        case .ko: .korean
        }
    }
}
