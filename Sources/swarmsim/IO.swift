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
