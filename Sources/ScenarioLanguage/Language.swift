/// The language of the simulator's own words for people: the labels of `show cluster`,
/// `show services` and `show mesh` (and the report's legend). Docker's output, statement
/// echoes and diagnostics stay English, as on real machines.
///
/// Set by a scenario's `lang ko` statement, or for a whole run by `--lang ko` (which wins).
public enum Language: String, CaseIterable, Equatable, Sendable {
    /// English, the default.
    case en
    /// Korean, with the words of `Scenarios/teaching/ko/README.md`'s glossary (리더, 팔로워, 임기, 쿼럼 …).
    case ko
}
