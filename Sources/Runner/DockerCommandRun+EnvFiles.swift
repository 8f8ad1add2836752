import ScenarioLanguage
import Compose

/// `env_file:` as docker/cli's loader reads it (`resolveEnvironment`, opts.ParseEnvFile): each
/// file beside the first compose file, `KEY=value` lines (blank lines and `#` comments
/// skipped, leading spaces trimmed, a bare `KEY` taken from the variables if set), the files
/// in order and then `environment:`, a later entry replacing an earlier one.
extension DockerCommandRun {
    /// Fills each service's environment from its env files; false after printing docker's error.
    mutating func applyEnvFiles(_ compose: inout ComposeFile, composeFile: String) -> Bool {
        let directory = composeFile.lastIndex(of: "/").map { String(composeFile[...$0]) } ?? ""
        for i in compose.services.indices where !compose.services[i].envFiles.isEmpty {
            var entries: [(key: String, value: String?)] = []
            for name in compose.services[i].envFiles {
                let path = name.hasPrefix("/") ? name : directory + name
                switch runner.files.read(path) {
                case .failure(let e): out += e.message + "\n"; return false
                case .success(let bytes): entries += envFileEntries(String(decoding: bytes, as: UTF8.self))
                }
            }
            for e in compose.services[i].environment { Self.set(&entries, e) }
            compose.services[i].environment = entries
        }
        return true
    }

    func envFileEntries(_ text: String) -> [(key: String, value: String?)] {
        var out: [(key: String, value: String?)] = []
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(raw.drop { $0 == " " || $0 == "\t" }).trimmingSuffix("\r")
            if line.isEmpty || line.hasPrefix("#") { continue }
            let (key, value) = ValueSyntax.splitKeyValue(line)
            if let value { Self.set(&out, (key, value)); continue }
            if let found = composeEnvironment[key] { Self.set(&out, (key, found)) }
        }
        return out
    }

    static func set(_ entries: inout [(key: String, value: String?)], _ entry: (key: String, value: String?)) {
        if let i = entries.firstIndex(where: { $0.key == entry.key }) { entries[i] = entry } else { entries.append(entry) }
    }
}

extension String {
    fileprivate func trimmingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
    }
}
