import Foundation

/// A peer: the same model in another simulator, run as a child process that prints one JSON
/// object with its figure. Python peers live in `Benchmarks/peers/`.
enum Peer {
    /// Off with `--no-peers`. Set once, before any workload runs.
    nonisolated(unsafe) static var enabled = true

    enum Outcome {
        /// The peer's figure and any facts it reported (version, run times).
        case measured(Double, details: [(String, String)])
        /// Why there is no figure, and what to do about it.
        case unavailable(String)
    }

    /// Runs `python3 peers/<script> <arguments…>` and reads `{"value": …}` from its last line of
    /// output. When `module` cannot be imported, installs it once with
    /// `python3 -m pip install --quiet <module>`; if that fails, says how to install it.
    static func run(script: String, module: String, arguments: [String]) -> Outcome {
        guard enabled else { return .unavailable("not run (--no-peers)") }
        guard let path = scriptPath(script) else { return .unavailable("peers/\(script) not found") }
        if python(["-c", "import \(module)"], quiet: true).status != 0 {
            notice("installing \(module) for the peer: python3 -m pip install --quiet \(module)")
            let install = python(["-m", "pip", "install", "--quiet", module])
            if install.status != 0 || python(["-c", "import \(module)"], quiet: true).status != 0 {
                return .unavailable("no peer: \(module) is not installed; run `python3 -m pip install \(module)`")
            }
        }
        progress("running peer \(script)")
        let run = python([path] + arguments)
        guard run.status == 0 else {
            return .unavailable("peer failed (exit \(run.status)); its messages are on standard error")
        }
        return outcome(ofOutput: run.output)
    }

    /// The figure in a peer's last line of output, `{"value": …, …}`; its other fields become
    /// details (arrays joined by spaces).
    static func outcome(ofOutput output: String) -> Outcome {
        guard let line = output.split(separator: "\n").last,
              let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
              let value = object["value"] as? Double
        else { return .unavailable("peer printed no {\"value\": …}: \(output)") }
        let details = object.keys.sorted().filter { $0 != "value" }.map { key in
            (key, (object[key] as? [Any]).map { $0.map { "\($0)" }.joined(separator: " ") } ?? "\(object[key] ?? "")")
        }
        return .measured(value, details: details)
    }

    /// `Benchmarks/peers/<name>`, found next to this source file, else under the current directory.
    static func scriptPath(_ name: String) -> String? {
        let here = URL(fileURLWithPath: #filePath)
        let candidates = [
            here.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("peers").appendingPathComponent(name).path,
            FileManager.default.currentDirectoryPath + "/peers/" + name,
        ]
        return candidates.first { FileManager.default.fileExists(atPath: $0) }
    }

    /// Runs `python3` (found on PATH) with `arguments`; returns its exit status and standard
    /// output. Its standard error goes to ours, or nowhere when `quiet`.
    static func python(_ arguments: [String], quiet: Bool = false) -> (status: Int32, output: String) {
        execute(["python3"] + arguments, quiet: quiet)
    }

    /// Runs `command` (its first word found on PATH, through `/usr/bin/env`) with `environment`
    /// added to ours; returns its exit status and standard output. Its standard error goes to
    /// ours, or nowhere when `quiet`.
    static func execute(_ command: [String], environment: [String: String] = [:], directory: String? = nil,
                        quiet: Bool = false) -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = command
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let out = Pipe()
        process.standardOutput = out
        process.standardError = quiet ? FileHandle.nullDevice : FileHandle.standardError
        do { try process.run() } catch { return (127, "") }
        let output = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }
}
