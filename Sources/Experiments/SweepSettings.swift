import SimCore
import ScenarioLanguage
import DockerClient

/// `swarmsim sweep … --set 'raft election-timeout=12ms..24ms,25ms..50ms'`: settings to vary as
/// well as seeds. Each `--set` names one setting and its values; several make a grid, and the
/// sweep runs every combination over the same seeds.
///
/// A combination replaces every statement of the scenario that sets that key with the given
/// value (its line and place stay the same), so the file must set it somewhere: the file says
/// where in the run a setting applies, and `--set` only changes its value.
public struct SweepSettings: Sendable, Equatable {
    /// One `--set`: a key and its values, each parsed as that setting's statement.
    public struct Axis: Sendable, Equatable {
        public var key: SettingKey
        /// The values as written, and as parsed.
        public var values: [(text: String, setting: Setting)]

        public static func == (a: Axis, b: Axis) -> Bool {
            a.key == b.key && a.values.map(\.text) == b.values.map(\.text) && a.values.map(\.setting) == b.values.map(\.setting)
        }
    }

    public var axes: [Axis]

    public struct ParseError: Error, Equatable, Sendable { public var message: String }

    /// Reads the `--set` arguments in order: `KEY=VALUE[,VALUE…]`.
    public init(parsing specs: [String]) throws(ParseError) {
        axes = []
        for spec in specs {
            guard let eq = spec.firstIndex(of: "=") else {
                throw ParseError(message: "--set '\(spec)' has no '=': write --set 'raft election-timeout=12ms..24ms,25ms..50ms'")
            }
            let keyText = spec[..<eq].split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
            guard let key = SettingKey(rawValue: keyText) else {
                throw ParseError(message: "--set: unknown setting '\(keyText)' (settings: \(SettingKey.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            guard key != .seed else { throw ParseError(message: "--set: the seeds are --seeds") }
            guard !axes.contains(where: { $0.key == key }) else { throw ParseError(message: "--set: '\(key.rawValue)' is set twice") }
            var values: [(String, Setting)] = []
            for piece in spec[spec.index(after: eq)...].split(separator: ",", omittingEmptySubsequences: false) {
                let text = piece.trimmingSpaces
                let parsed = ScenarioParser.parse("\(key.rawValue) \(text)", file: "--set")
                guard !parsed.hasErrors, parsed.script.statements.count == 1,
                      case .setting(let setting) = parsed.script.statements[0].statement else {
                    let why = parsed.diagnostics.first?.message ?? "not one value"
                    throw ParseError(message: "--set: invalid value '\(text)' for '\(key.rawValue)': \(why)")
                }
                values.append((text, setting))
            }
            axes.append(Axis(key: key, values: values))
        }
    }

    /// Every combination, the first axis varying slowest: its label (`key=value; key=value`) and
    /// the settings it applies.
    public var combinations: [(label: String, settings: [Setting])] {
        var out: [(String, [Setting])] = [("", [])]
        for axis in axes {
            out = out.flatMap { (label, settings) in
                axis.values.map { v in
                    ((label.isEmpty ? "" : label + "; ") + "\(axis.key.rawValue)=\(v.text)", settings + [v.setting])
                }
            }
        }
        return out
    }

    /// `script` with `settings` in place of the statements that set the same keys; throws when
    /// the script never sets one of them.
    public static func apply(_ settings: [Setting], to script: Script) throws(ParseError) -> Script {
        var out = script
        for setting in settings {
            var found = false
            for i in out.statements.indices {
                guard case .setting(let old) = out.statements[i].statement, old.key == setting.key else { continue }
                out.statements[i].statement = .setting(setting)
                found = true
            }
            guard found else {
                throw ParseError(message: "--set: \(script.file) has no '\(setting.key.rawValue)' statement to vary: add one where it should apply")
            }
        }
        return out
    }
}

extension Substring {
    var trimmingSpaces: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
