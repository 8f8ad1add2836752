import Foundation
import SimCore
import Fuzzer

/// An append-only progress log, written through at each line (it must survive the process's
/// death).
final class FuzzLog {
    let handle: FileHandle

    init?(path: String) {
        guard FileManager.default.createFile(atPath: path, contents: nil), let h = FileHandle(forWritingAtPath: path) else { return nil }
        handle = h
    }

    func append(_ text: String) {
        handle.write(Data(text.utf8))   // straight to the kernel: survives the process's death
    }
}
