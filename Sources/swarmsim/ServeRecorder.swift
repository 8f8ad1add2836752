import Foundation
import SimCore
import Orchestration
import Cluster
import EngineAPI

/// `swarmsim serve --record OUT`: the session as a scenario, written as it happens (so a
/// killed server leaves what it served). The setup first (FILE's text, or the `hosts` line),
/// then each change, API call or typed statement, after a `wait` for the virtual time
/// since the one before.
final class ServeRecorder {
    let handle: FileHandle
    var last: SimTime

    init(path: String, setup: String, start: SimTime) throws(ServeSockets.Failure) {
        guard FileManager.default.createFile(atPath: path, contents: nil), let h = FileHandle(forWritingAtPath: path) else {
            throw ServeSockets.Failure(message: "--record \(path): cannot write")
        }
        handle = h
        last = start
        write(setup + "# Served by 'swarmsim serve' from here; each wait is the virtual time between calls.\n")
    }

    func write(_ text: String) { handle.write(Data(text.utf8)) }

    func waitLine(_ time: SimTime) {
        if time > last { write("wait \(time.nanoseconds - last.nanoseconds)ns\n") }
        last = max(last, time)
    }

    func engineCall(_ request: EngineRequest, host: String, at time: SimTime, store: ClusterStore?) {
        guard let text = RecordedStatement.text(request, host: host, store: store) else { return }
        waitLine(time)
        write(text + "\n")
    }

    /// A statement typed at the served swarm's shell.
    func statement(_ line: String, at time: SimTime) {
        guard !line.trimmingCharacters(in: .whitespaces).isEmpty else { return }
        waitLine(time)
        write(line + "\n")
    }

    /// The statement just written ran until `time`: the next wait counts from there.
    func ran(until time: SimTime) { last = max(last, time) }

    func close() { try? handle.close() }
}
