import Foundation

/// Where the CLI writes and reads: the real streams and files, or buffers in a test.
struct IO {
    var out: (String) -> Void
    var err: (String) -> Void
    var readFile: (String) throws -> [UInt8]
    var writeFile: (String, [UInt8]) throws -> Void
    var listDirectory: (String) -> [String]?
    var isDirectory: (String) -> Bool
    var isTerminal: (Int32) -> Bool
    /// An environment variable (`NO_COLOR`, `TERM`).
    var environment: (String) -> String? = { _ in nil }
    /// The next line of standard input without its line break, nil at the end.
    var readLine: () -> String? = { nil }

    static var standard: IO { IO(
        out: { FileHandle.standardOutput.write(Data($0.utf8)) },
        err: { FileHandle.standardError.write(Data($0.utf8)) },
        readFile: { path in
            guard let data = FileManager.default.contents(atPath: path) else { throw CLIError.cannotRead(path) }
            return [UInt8](data)
        },
        writeFile: { path, bytes in
            guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else { throw CLIError.cannotWrite(path) }
        },
        listDirectory: { path in
            guard let e = FileManager.default.enumerator(atPath: path) else { return nil }
            return e.compactMap { $0 as? String }.map { (path as NSString).appendingPathComponent($0) }
        },
        isDirectory: { path in
            var dir: ObjCBool = false
            return FileManager.default.fileExists(atPath: path, isDirectory: &dir) && dir.boolValue
        },
        isTerminal: { isatty($0) == 1 },
        environment: { ProcessInfo.processInfo.environment[$0] },
        readLine: { Swift.readLine(strippingNewline: true) })
    }
}

enum CLIError: Error {
    case cannotRead(String)
    case cannotWrite(String)
}

// MARK: - Colour

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
