#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Progress of a long command on standard error, only when standard error is a terminal, and
/// at most a hundred updates per run. Called from worker threads one call at a time (the
/// engine serializes the calls), so it writes with `write(2)` directly.
enum Progress {
    static func reporter(io: IO, what: String) -> (@Sendable (Int, Int) -> Void)? {
        guard io.isTerminal(2) else { return nil }
        return { done, total in
            let step = max(1, total / 100)
            guard done % step == 0 || done == total else { return }
            var line = "\r\(done)/\(total) \(what)" + (done == total ? "\r\u{1B}[K" : "")
            line.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
        }
    }
}
