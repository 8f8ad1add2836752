#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The files a scenario's docker commands read (`docker secret create NAME FILE`, a compose
/// file, …): the docker CLI on every host sees the same ones.
///
/// A path is looked up first among the files the scenario declares (`file NAME "text"`,
/// `file NAME <<EOF … EOF`), by its text with any leading `./` dropped; then on disk, relative
/// to the scenario file's directory (absolute paths as they are), so a user's real files work.
/// A path found in neither gets Go's `os.Open` wording, which docker prints:
/// `open my-secret.txt: no such file or directory`.
///
/// Reading the disk is an input to the run, like the scenario text: the same files give the
/// same run.
public struct ScenarioFiles: Sendable {
    /// A file that cannot be read, with Go's words for why (`open x: no such file or directory`).
    public struct ReadError: Error, Equatable, Sendable {
        public var message: String
    }

    /// Where undeclared relative paths are read from (nil: the working directory).
    public let directory: String?
    /// Declared files by normalized path (lookups only; never iterated).
    private var declared: [String: [UInt8]] = [:]

    public init(directory: String?) { self.directory = directory }

    /// The directory of a scenario file as the runner was given it (`Scenarios/x.swarm` gives
    /// `Scenarios`), nil for a bare name.
    public static func directory(of scenarioFile: String) -> String? {
        guard let slash = scenarioFile.lastIndex(of: "/") else { return nil }
        return slash == scenarioFile.startIndex ? "/" : String(scenarioFile[..<slash])
    }

    /// Declares (or replaces) a file; later reads of `path` see `contents`.
    public mutating func declare(_ path: String, _ contents: [UInt8]) {
        declared[Self.normalized(path)] = contents
    }

    /// True when a `file` statement declared `path`.
    public func isDeclared(_ path: String) -> Bool { declared[Self.normalized(path)] != nil }

    /// The contents of `path`: a declared file, else the file on disk.
    public func read(_ path: String) -> Result<[UInt8], ReadError> {
        if let contents = declared[Self.normalized(path)] { return .success(contents) }
        guard !path.isEmpty else { return .failure(ReadError(message: "open : no such file or directory")) }
        var onDisk = path
        if !path.hasPrefix("/"), let directory { onDisk = directory + "/" + path }
        return Self.readDisk(onDisk, shownAs: path)
    }

    static func normalized(_ path: String) -> String {
        var p = Substring(path)
        while p.hasPrefix("./") { p = p.dropFirst(2) }
        return String(p)
    }

    private static func readDisk(_ path: String, shownAs shown: String) -> Result<[UInt8], ReadError> {
        guard let f = fopen(path, "rb") else {
            return .failure(ReadError(message: "open \(shown): \(goErrorText(errno))"))
        }
        defer { fclose(f) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = fread(&buffer, 1, buffer.count, f)
            if n > 0 { bytes += buffer[0..<n] }
            if n < buffer.count {
                if ferror(f) != 0 { return .failure(ReadError(message: "read \(shown): \(goErrorText(errno))")) }
                return .success(bytes)
            }
        }
    }

    /// A C error as Go's syscall package words it: `no such file or directory`.
    private static func goErrorText(_ code: Int32) -> String {
        guard let c = strerror(code) else { return "error \(code)" }
        let text = String(cString: c)
        return text.prefix(1).lowercased() + text.dropFirst()
    }
}
