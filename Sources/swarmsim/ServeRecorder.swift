import Foundation
import SimCore
import Orchestration
import Cluster
import EngineAPI

/// `swarmsim serve --record OUT`: the `SessionRecording` written to OUT as it grows, so a
/// killed server leaves what it served.
final class ServeRecorder {
    let handle: FileHandle
    let recording: SessionRecording

    init(path: String, setup: String, start: SimTime) throws(ServeSockets.Failure) {
        guard FileManager.default.createFile(atPath: path, contents: nil), let h = FileHandle(forWritingAtPath: path) else {
            throw ServeSockets.Failure(message: "--record \(path): cannot write")
        }
        handle = h
        recording = SessionRecording(setup: setup, start: start)
        flush()
    }

    func flush() {
        let text = recording.takeText()
        if !text.isEmpty { handle.write(Data(text.utf8)) }
    }

    func engineCall(_ request: EngineRequest, host: String, at time: SimTime, store: ClusterStore?) {
        recording.engineCall(request, host: host, at: time, store: store)
        flush()
    }

    func statement(_ line: String, at time: SimTime) {
        recording.statement(line, at: time)
        flush()
    }

    func ran(until time: SimTime) { recording.ran(until: time) }

    func close() { try? handle.close() }
}
