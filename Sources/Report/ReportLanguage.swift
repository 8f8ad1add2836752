/// The language of a report's own words (legend, row names, hints): the page's `lang` and
/// its `ReportStrings`. A scenario's narration and docker's output stay as they are.
public enum ReportLanguage: String, Sendable, CaseIterable {
    case english = "en"
    case korean = "ko"

    /// The report's words in this language.
    public var strings: ReportStrings {
        switch self {
        case .english: .english
        case .korean: .korean
        }
    }
}
