#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The files a docker command reads by name (`docker stack deploy -c docker-compose.yml`):
/// the one place such a name is looked up. Today a name is a path relative to the scenario
/// file's directory, so a user's own `docker-compose.yml` beside the scenario is deployed
/// as it is; an absolute path is taken as it is.
///
/// Reading is by the C library (the package has no Foundation below the executable); a file
/// over `maxBytes` is refused rather than read.
struct ScenarioFiles {
    /// The scenario's file name as given (`Scenarios/stacks/web.swarm`).
    let scenarioFile: String
    var maxBytes = 4 << 20

    /// The path `name` refers to.
    func path(of name: String) -> String {
        if name.hasPrefix("/") { return name }
        guard let slash = scenarioFile.lastIndex(of: "/") else { return name }
        return String(scenarioFile[..<slash]) + "/" + name
    }

    /// The file's text, or the error docker prints (`open x.yml: no such file or directory`).
    func read(_ name: String) -> Result<String, FileError> {
        guard let handle = fopen(path(of: name), "rb") else {
            return .failure(FileError(message: "open \(name): no such file or directory"))
        }
        defer { fclose(handle) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = fread(&buffer, 1, buffer.count, handle)
            if n > 0 { bytes += buffer[0..<n] }
            if bytes.count > maxBytes {
                return .failure(FileError(message: "\(name): file is over \(maxBytes) bytes; the limit is \(maxBytes) bytes"))
            }
            if n < buffer.count { break }
        }
        if ferror(handle) != 0 { return .failure(FileError(message: "read \(name): is a directory")) }
        return .success(String(decoding: bytes, as: UTF8.self))
    }

    struct FileError: Error, Equatable {
        var message: String
    }
}

extension ScenarioRunner {
    /// Files beside this scenario (`docker stack deploy -c`).
    var files: ScenarioFiles { ScenarioFiles(scenarioFile: script.file) }
}
